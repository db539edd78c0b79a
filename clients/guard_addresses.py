"""The addresses part of the de-identification guard: street addresses, postnummer with a town.

A street address is a word that ends in a street suffix, then its number (and a letter), then
perhaps "lgh 1102" or "2 tr". "Strong" suffixes make an address in any case ("storgatan 3");
"weak" ones (also ordinary words: "vägen", "torget") only in a capitalised compound
("Kungsvägen 4"), so that "på vägen 2 gånger" is no address. A postnummer is "722 15" or
"72215" before a capitalised word (the town).

Both are looked for first in the text's bytes (``text.encode("ascii", "replace")``, one byte
per character, non-ASCII as "?") with every digit as "1" and a tab as a space, by a pattern
that begins with a literal (" 1" after a street's word, "11 " before a town), so that the
regex engine skips the rest of the text in C; after " 1" it tries fixed-width look-behinds
for the suffixes' last letters. The places found are a superset: only there is the str read
(the street's word backwards once), and the exact pattern decides.
"""

from __future__ import annotations

import re

_STRONG_STREET = (
    "gatan", "gata", "gränden", "gränd", "allén", "alléen", "allé", "esplanaden",
    "promenaden", "kajen", "stigen", "backen", "backe", "slingan", "ringen",
)  # fmt: skip
_WEAK_STREET = (
    "vägen", "väg", "torget", "torg", "platsen", "plats", "leden", "stranden", "strand",
    "liden", "parken", "gården", "hagen", "lunden",
)  # fmt: skip
_STREET_SUFFIXES = tuple(sorted(_STRONG_STREET + _WEAK_STREET, key=len, reverse=True))
_WORD_BACK = re.compile(r"\w*+")
_STREET_NUMBER = re.compile(
    r"[ \t]{1,3}\d{1,4}(?:[ \t]?[A-Za-z](?!\w))?(?!\w)"
    r"(?:,?[ \t]{1,3}(?:lgh\.?[ \t]{0,3}\d{1,5}|\d{1,2}[ \t]{0,2}tr(?:appor)?\.?)(?!\w))?",
    re.IGNORECASE,
)
# The longest street word read backwards from its number.
_STREET_WORD = 40
_POSTNUMMER = re.compile(r"(?<![\d.,])(?<!\d[ \t])\d{3}[ \t]?\d{2}[ \t]{1,3}[A-ZÅÄÖ][\w-]{0,40}+")
_AS_STREET = bytes.maketrans(
    b"0123456789\tABCDEFGHIJKLMNOPQRSTUVWXYZ", b"1" * 10 + b" " + b"abcdefghijklmnopqrstuvwxyz"
)
# Capitals (and "?") as "U" too: a town's first letter.
_AS_POSTNUMMER = bytes.maketrans(
    b"0123456789\tABCDEFGHIJKLMNOPQRSTUVWXYZ?", b"1" * 10 + b" " + b"U" * 27
)


def _street_ends() -> re.Pattern[bytes]:
    """The " 1" after a word whose last four characters (lower-cased) end a street suffix,
    with one to three spaces between. Each look-behind has a fixed width; the first fails at
    once where no letter or space comes before the " 1"."""
    tails = set()
    for suffix in _STREET_SUFFIXES:
        tail = re.escape(suffix.encode("ascii", "replace")[-4:])
        tails.add(tail if len(suffix) >= 4 else b"." + tail)  # "väg": any character before
    word = b"(?:" + b"|".join(sorted(tails)) + b")"
    return re.compile(
        b" 1(?<=[a-z? ] 1)(?:(?<=%s 1)|(?<=[a-z?]  1)(?<=%s  1)|(?<=[a-z?]   1)(?<=%s   1))"
        % (word, word, word)
    )


_STREET_END = _street_ends()
# The last two digits of a postnummer, one to three spaces, and a capital (or "?"); the whole
# literal "11 " first, so that the engine's prefix search finds it (not "11" in a digit run).
_POSTNUMMER_END = re.compile(rb"11 (?: {0,2})U")


def find_addresses(text: str, raw: bytes) -> list[tuple[int, int]]:
    """Street addresses and postnummer with a town in ``text`` (``raw`` its ASCII bytes with
    "?" for the rest), in order (they may overlap)."""
    if not any(d in raw for d in b"0123456789"):
        return []
    low = raw.translate(_AS_STREET)
    spans: list[tuple[int, int]] = []
    for m in _STREET_END.finditer(low):
        end = m.start()  # the space before the number: back to the word's end
        while low[end - 1] == 0x20:
            end -= 1
        lo = max(0, end - _STREET_WORD - 1)
        back = _WORD_BACK.match(text[lo:end][::-1])
        length = len(back.group()) if back else 0
        if lo > 0 and length > _STREET_WORD:
            continue  # longer than any street's name
        start = end - length
        name = text[start:end]
        lower = name.lower()
        suffix = next((x for x in _STREET_SUFFIXES if lower.endswith(x)), None)
        if suffix is None or len(suffix) == len(lower):
            continue  # no street suffix, or the bare suffix ("Vägen 2", "torget 3")
        if suffix not in _STRONG_STREET and not name[0].isupper():
            continue
        number = _STREET_NUMBER.match(text, end)
        if number is not None:
            spans.append((start, number.end()))
    marks = raw.translate(_AS_POSTNUMMER)
    if b" U" not in marks:  # no capitalised word after a space: no town
        return sorted(set(spans))
    for m in _POSTNUMMER_END.finditer(marks):
        last_two = m.start()
        for first in (last_two - 4, last_two - 3):  # "722 15", "72215"
            exact = _POSTNUMMER.match(text, first) if first >= 0 else None
            if exact is not None:
                spans.append(exact.span())
                break
    return sorted(set(spans))
