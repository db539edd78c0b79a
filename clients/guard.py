"""The de-identification guard: free text that others read must not point at a person.

It looks for personnummer and samordningsnummer (with or without century, dash or plus),
Swedish phone numbers, e-mail addresses, street addresses (a street name and its number, with
"lgh 1102" or "2 tr" after it or not; a postnummer and a town), and the aliases and names of
clients (whole words, any case). It is a guard, not a proof: it stops the obvious slips. The
systembrister services, the ledningsgrupp's member-visible texts (agenda items, protokoll
paragraphs, action items) and the note of an avidentifierad contact call it through
``guard_texts``. It lives in the clients app, the lowest layer that knows the clients' names.

Aliases that are ordinary words
-------------------------------
Clients choose aliases such as "Solen", "Björken" or "Tomten". Refusing every text with the
word would refuse ordinary prose ("vi satt i solen"), and writers would learn to misspell. So
an alias that is on the list of ordinary words (``guard_words.py``) and is nobody's first or
last name is found as a "word", not a "name": where the form can ask (``confirm_words=False``),
the writer is told that the word is also a client's alias and confirms that it is used as a
word; the service records the confirmation in the record's history. Where no form asks
(``confirm_words=None``), a word is refused like a name. Real names, other aliases, numbers,
addresses and e-mail addresses are always refused.

Names: only the clients the writer may see
-------------------------------------------
A guard that matched every client's name would tell anyone who types a name whether that
person is a client of the PO service (a ledningsgrupp member answering a report, an ombud
writing about a colleague's clients): that is itself a breach of sekretess. So the names it
knows are those of the clients the writer may already see, by the clients app's own access
rule (``clients.selectors.visible_clients``): the coordinator and the admin all the
verksamhet's clients, an ombud the clients assigned to them today and the waiting list,
ledningsgrupp members and grant officers none. Whether a text is refused, what the message
says, and how long the check takes then depend only on the text and on what the writer knows;
the names of other clients are not even read. Patterns (numbers, e-mail addresses) are checked
and quoted for everyone, since they reveal nothing about who is a client.

Two alternatives were rejected. A generic refusal ("the text seems to contain a name") that
fires only for client names is the same oracle without the quote. A heuristic for members that
refuses any capitalised name-like word would refuse most Swedish texts about the support system
("Försäkringskassan", "Region Västmanland", a sentence's first word) and be worked around.

What covers the gap: a report is checked again against every client's name when the
coordinator (who sees every client) accepts it for the ledningsgrupp (and a duplicate's title
when it is merged), so a client's name written by an ombud who does not have that client stops
there, before members read it. What is left: texts that members write (answers, protokoll) and
an ombud's note when supporting a report after its acceptance meet the writer's names only.

Linear time
-----------
No pattern can backtrack more than a fixed distance (bounded or possessive repeats). Numbers are
looked for only inside runs of number characters that begin like a personnummer or a phone
number, found by patterns that begin with a digit or the literal "+46" so that the regex engine
skips other text in C, and never across a digit run longer than any such number. E-mail
addresses are found from their "@", their local part read backwards once. Names are not
compiled into one alternation of all names: the client terms become a trie of words (word,
then separator and next word); the first words are found by one substring search each when
they are few, or by looking the text's words up in a set when they are many (the text's
distinct words found by one split in C). Street addresses are looked for only where a space
and a digit follow a word that ends like a street suffix, and postnummer only before a
capitalised word (``guard_addresses.py``: bytes patterns that begin with a literal, then
fixed-width look-behinds); the street's word is then read backwards once. Before any of that,
the text is mapped to bytes once, one per character, and fast substring searches find where a
number or an e-mail address could begin; the patterns above run only on the stretches around
those places, so a text without digits or "@" never meets them. The cost grows with the text,
not with text x names; ``bench/guard.py`` measures it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .guard_addresses import find_addresses
from .guard_names import Names

# YYMMDD or YYYYMMDD, a dash/plus or nothing, then four digits. The day may be +60
# (samordningsnummer). The month and day are checked so that numbers like org numbers
# (212000-2080) and amounts do not trip it. The first digit comes first and the "no word
# before" check after it, so that the engine only tries the pattern at digits.
_PNR = re.compile(
    r"\d(?<!\w\d)(?:(?:(?<=1)9|(?<=2)0)\d\d|\d)"
    r"(?P<month>\d{2})(?P<day>\d{2})"
    r"\s?[-+]?\s?\d{4}(?!\d)"
)
# Swedish phone numbers: +46 / 0046 / 0 followed by 7 to 10 digits in groups
# separated by spaces or dashes, optionally with "(0)". Tried only at "+" and "0".
_PHONE = re.compile(
    r"(?:\+(?<![\w+]\+)46|0(?<![\w+]0)(?:046)?)"
    r"[\s-]?(?:\(0\)[\s-]?)?\d(?:[\s-]?\d){6,9}(?!\d)"
)
# Where numbers can be: a run of digits, spaces, dashes, plus signs and parentheses that
# begins like one of them (six digits, "0046", "0" and seven more digits, or "+46"). The
# number patterns run only inside these runs. Dates and sums are no such run, and each
# pattern begins with a digit or the literal "+46" so that the engine skips other text in C.
_NUMBER_RUN = re.compile(
    r"\d(?:\d{5}|(?<=0)046|(?<=0)[\s-]?(?:\(0\)[\s-]?)?\d(?:[\s-]?\d){6})[\d\s()+-]*+"
)
_PLUS_RUN = re.compile(r"\+46[\d\s()+-]*+")
# A digit run longer than this is part of no personnummer or phone number (12 and 14 digits
# at most): the number patterns run only between such runs, so that a long run costs one step.
_LONG_DIGITS = re.compile(r"\d\d{14,}")
# E-mail: "@" and a dotted domain; the local part is read backwards from the "@".
_EMAIL_DOMAIN = re.compile(r"@[\w-]++(?:\.[\w-]++)++")
_LOCAL_PART_REVERSED = re.compile(r"[\w.+-]++")
# Byte maps over ``text.encode("ascii", "replace")``, which keeps every position (a non-ASCII
# character becomes one "?"). They find the few places where a number or an e-mail address can
# be, cheaply, before the exact patterns above run there. A "?" may stand for any non-ASCII
# character (a digit, a space, a letter), so it counts as each of them: the places found are
# a superset, and the exact patterns on the str decide.
_ASCII_SPACE = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f "


def _byte_map(default: str, groups: dict[str, str]) -> bytes:
    table = [ord(default)] * 256
    for target, chars in groups.items():
        for c in chars:
            table[ord(c)] = ord(target)
    return bytes(table)


_DIGITS = "0123456789"
_ASCII_WORD = "".join(chr(c) for c in range(128) if re.match(r"\w", chr(c)))
# Digits (and "?") as "D": six in a row may begin a personnummer.
_AS_DIGITS = _byte_map(".", {"D": _DIGITS + "?"})
# "0", other digits "1", separators " ", "?" as "W" (digit or space), "(" and ")" kept, the
# other ASCII word characters and "+" as "w": a phone's "0" follows none of them (nor a digit).
_PHONE_WORD = "".join(c for c in _ASCII_WORD if c not in _DIGITS) + "+"
_AS_PHONE = _byte_map(
    ".",
    {"0": "0", "1": _DIGITS[1:], " ": _ASCII_SPACE + "-", "W": "?", "w": _PHONE_WORD}
    | {"(": "(", ")": ")"},
)
_PHONE_START = re.compile(rb"0(?<![01w]0)[ W]?(?:\(0\)[ W]?)?[01W](?:[ W]?[01W]){6}")
# Number characters ("?" too) as "N", the others as ".".
_AS_NUMBER = _byte_map(".", {"N": _DIGITS + _ASCII_SPACE + "()+-?"})
# Word characters and "-" (and "?") as "w", "@" and "." kept.
_AS_EMAIL = _byte_map(" ", {"w": _ASCII_WORD + "-?", "@": "@", ".": "."})


@dataclass(frozen=True)
class Finding:
    kind: str  # "personnummer", "phone", "email", "address", "name", "word"
    text: str
    start: int
    end: int


def _valid_date_part(month: str, day: str) -> bool:
    m, d = int(month), int(day)
    if not 1 <= m <= 12:
        return False
    return 1 <= d <= 31 or 61 <= d <= 91


def _emails(text: str, raw: bytes) -> list[tuple[int, int]]:
    if "@" not in text:
        return []
    # An address has a word character after its "@" and after a dot of its domain.
    marks = raw.translate(_AS_EMAIL)
    if b"@w" not in marks or b".w" not in marks:
        return []
    spans: list[tuple[int, int]] = []
    reversed_text: str | None = None
    last_end = 0
    for m in _EMAIL_DOMAIN.finditer(text):
        at = m.start()
        if at <= last_end:
            continue
        if reversed_text is None:
            reversed_text = text[::-1]
        local = _LOCAL_PART_REVERSED.match(reversed_text, len(text) - at)
        if local is None:
            continue
        start = max(at - len(local.group()), last_end)
        if start < at:
            spans.append((start, m.end()))
            last_end = m.end()
    return spans


def _number_windows(raw: bytes) -> list[tuple[int, int, bool]]:
    """Stretches of number characters (a superset) holding every place where a personnummer
    (six digits in a row) or a phone number (a "0" and seven digits, or "+46") can begin,
    and whether a "+46" stands in it. Each begins and ends where a character that is certainly
    no number character stands, so the runs found inside one are those in the whole text."""
    digits = raw.translate(_AS_DIGITS)
    phone = raw.translate(_AS_PHONE)
    number = raw.translate(_AS_NUMBER)
    n = len(raw)

    def six(pos: int) -> int:
        i = digits.find(b"DDDDDD", pos)
        return n if i < 0 else i

    def zero(pos: int) -> int:
        m = _PHONE_START.search(phone, pos)
        return n if m is None else m.start()

    def plus(pos: int) -> int:
        i = raw.find(b"+46", pos)
        return n if i < 0 else i

    next_six, next_zero, next_plus = six(0), zero(0), plus(0)
    windows: list[tuple[int, int, bool]] = []
    while True:
        anchor = min(next_six, next_zero, next_plus)
        if anchor >= n:
            return windows
        lo = number.rfind(b".", 0, anchor) + 1
        hi = number.find(b".", anchor)
        if hi < 0:
            hi = n
        windows.append((lo, hi, next_plus < hi))
        if next_six < hi:
            next_six = six(hi)
        if next_zero < hi:
            next_zero = zero(hi)
        if next_plus < hi:
            next_plus = plus(hi)


def _number_runs(text: str, lo: int, hi: int, plus: bool) -> list[tuple[int, int]]:
    runs = [m.span() for m in _NUMBER_RUN.finditer(text, lo, hi)]
    if not plus:
        return runs
    # Runs that overlap lie in the same stretch of number characters and end together.
    merged: list[tuple[int, int]] = []
    for start, end in sorted(runs + [m.span() for m in _PLUS_RUN.finditer(text, lo, hi)]):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _numbers(text: str, raw: bytes) -> tuple[list[re.Match[str]], list[re.Match[str]]]:
    """The personnummer-like and the phone-like matches, each in order."""
    pnrs: list[re.Match[str]] = []
    phones: list[re.Match[str]] = []
    runs = [run for window in _number_windows(raw) for run in _number_runs(text, *window)]
    for start, end in runs:
        pieces = [(start, end)]
        if end - start > 14:
            pieces = []
            for digits in _LONG_DIGITS.finditer(text, start, end):
                pieces.append((start, digits.start()))
                start = digits.end()
            pieces.append((start, end))
        for a, b in pieces:
            if b - a < 8:
                continue
            # Matched up to b only; a match may not end where a long digit run goes on.
            cut = b if b < end else -1
            for m in _PNR.finditer(text, a, b):
                if m.end() != cut and _valid_date_part(m["month"], m["day"]):
                    pnrs.append(m)
            phones.extend(m for m in _PHONE.finditer(text, a, b) if m.end() != cut)
    return pnrs, phones


def find_identifying(text: str, *, terms: Iterable[str] | Names = ()) -> list[Finding]:
    """Everything in ``text`` that looks identifying, in order of appearance, no overlaps."""
    if not text:
        return []
    names = terms if isinstance(terms, Names) else Names(terms)
    found: list[Finding] = []
    taken: bytearray | None = None

    def add(kind: str, start: int, end: int) -> None:
        nonlocal taken
        if taken is None:
            taken = bytearray(len(text))
        elif taken.find(1, start, end) != -1:
            return
        taken[start:end] = b"\x01" * (end - start)
        found.append(Finding(kind, text[start:end].strip(), start, end))

    # One byte per character (non-ASCII as "?"), for the byte pre-searches of every pattern.
    raw = text.encode("ascii", "replace")
    for start, end in _emails(text, raw):
        add("email", start, end)
    pnrs, phones = _numbers(text, raw)
    # "850412-1234" and "198504121234" are clearly numbers of persons; a bare ten-digit
    # "0701234567" is more likely a mobile number, so phones are matched before those.
    for match in pnrs:
        if re.search(r"[-+]", match.group(0)) or len(re.sub(r"\D", "", match.group(0))) == 12:
            add("personnummer", *match.span())
    for match in phones:
        add("phone", *match.span())
    for match in pnrs:
        add("personnummer", *match.span())
    for start, end in find_addresses(text, raw):
        add("address", start, end)
    for start, end, kind in names.find(text):
        add(kind, start, end)
    return sorted(found, key=lambda f: f.start)


def message_for(findings: list[Finding], template: str | None = None) -> str:
    """The refusal, quoting each finding. ``template`` (translated, with ``%(words)s``)
    replaces the systembrist wording for other texts."""
    kinds = {
        "personnummer": _("personal identity or co-ordination number"),
        "phone": _("phone number"),
        "email": _("e-mail address"),
        "address": _("address"),
        "name": _("name or alias of a client"),
        "word": _("alias of a client"),
    }
    parts = [f"”{f.text}” ({kinds[f.kind]})" for f in findings]
    if template is None:
        template = _(
            "This text may identify a person. Remove or rephrase: %(words)s. "
            "A systembrist describes a recurring failure without identities."
        )
    return template % {"words": ", ".join(parts)}


def findings_in(
    texts: Mapping[str, str], *, terms: Iterable[str] | Names
) -> dict[str, list[Finding]]:
    """The findings per field, for the fields that have any."""
    names = terms if isinstance(terms, Names) else Names(terms)
    out = {}
    for name, text in texts.items():
        findings = find_identifying(text or "", terms=names)
        if findings:
            out[name] = findings
    return out


def words_message(findings: list[Finding]) -> str:
    """The question for a text whose only findings are aliases that are ordinary words."""
    words = ", ".join(f"”{f.text}”" for f in findings)
    return _(
        "%(words)s is also the alias of a client. If you use it as an ordinary word, tick the "
        "box below to confirm; if you mean the client, rephrase."
    ) % {"words": words}


def check_texts(
    texts: Mapping[str, str],
    *,
    terms: Iterable[str] | Names,
    template: str | None = None,
    confirm_words: bool | None = None,
) -> list[Finding]:
    """Raise ValidationError keyed by field for every text that looks identifying.

    ``confirm_words``: None where no form can ask (an ordinary-word alias is refused like a
    name); False to ask (the error names the field ``confirm_words`` too); True when the writer
    confirmed. Returns the confirmed ordinary-word findings, for the record's history."""
    errors: dict[str, Any] = {}
    confirmed: list[Finding] = []
    for name, findings in findings_in(texts, terms=terms).items():
        if confirm_words is None or any(f.kind != "word" for f in findings):
            errors[name] = message_for(findings, template)
        elif confirm_words:
            confirmed.extend(findings)
        else:
            errors[name] = ValidationError(words_message(findings), code="confirm_words")
            errors["confirm_words"] = ValidationError(
                _("Tick the box to confirm that the word is used as a word."),
                code="confirm_words",
            )
    if errors:
        raise ValidationError(errors)
    return confirmed


def client_terms(verksamhet: Any, *, by: Any) -> Names:
    """Aliases and names of the verksamhet's clients that ``by`` may see (see the docstring),
    the ordinary-word aliases among them marked."""
    # Imported here: the patterns and the trie are pure Python, usable without Django's models.
    from .selectors.terms import identifying_terms_and_words

    terms, words = identifying_terms_and_words(verksamhet=verksamhet, user=by)
    return Names(terms, words)


def guard_texts(
    *,
    verksamhet: Any,
    by: Any,
    texts: Mapping[str, str],
    template: str | None = None,
    confirm_words: bool | None = None,
) -> list[Finding]:
    """Stop the save when any free text that ``by`` wrote looks identifying (message per
    field). Returns the ordinary-word aliases the writer confirmed (see ``check_texts``)."""
    return check_texts(
        texts,
        terms=client_terms(verksamhet, by=by),
        template=template,
        confirm_words=confirm_words,
    )
