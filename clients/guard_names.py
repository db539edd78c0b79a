"""The names half of the de-identification guard: client terms as a trie of words.

The names are those of the clients the writer may see (``clients/guard.py`` says why);
a check costs time in proportion to the text, not to text x names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

_WORD = re.compile(r"\w++")
_WORD_ONLY = re.compile(r"\w+")
# After a name's word: the separator (at most 32 characters) and the next word.
_NEXT_WORD = re.compile(r"(\W{1,32}+)(\w++)")
_SPACES = re.compile(r"\s+")
_EDGES = re.compile(r"^\W++|\W++$")
_SPLIT = re.compile(r"(\W+)")
_ASCII_WORD = "".join(chr(c) for c in range(128) if re.match(r"\w", chr(c)))
# UTF-8 with the ASCII non-word bytes as spaces (the bytes of other characters kept).
_NONWORD_TO_SPACE = bytes(c if c >= 128 or chr(c) in _ASCII_WORD else 32 for c in range(256))
# With this many first words or fewer, each is searched for in the text (a fast substring
# search per word); with more, the text's words are looked up in the set instead.
_FEW = 24


def _lower(text: str) -> str:
    """Lower case with the same length (only "İ" grows under ``str.lower``)."""
    return text.replace("İ", "i").lower()


def _separator(raw: str) -> str:
    return _SPACES.sub(" ", raw)


class _Node:
    __slots__ = ("children", "terminal")

    def __init__(self) -> None:
        # None, or the kind of the term ending here: "name", or "word" for an alias that is
        # also an ordinary word (a name wins when a text is both).
        self.terminal: str | None = None
        self.children: dict[tuple[str, str], _Node] = {}


@lru_cache(maxsize=4096)
def _whole_word(word: str) -> re.Pattern[str]:
    """``word`` as a whole word in lower-cased text; the literal first, for a fast search."""
    return re.compile(rf"{re.escape(word)}(?<!\w.{{{len(word)}}})(?!\w)", re.DOTALL)


class Names:
    """The client terms as a trie of words, built once per check. ``words``: the terms that
    are aliases and also ordinary words ("Solen"), found as kind "word" (see guard.py)."""

    def __init__(self, terms: Iterable[str], words: Iterable[str] = ()) -> None:
        self.roots: dict[str, _Node] = {}
        soft = {_lower(w.strip()) for w in words}
        self.words = frozenset(soft)
        for term in terms:
            cleaned = _EDGES.sub("", _lower((term or "").strip()))
            if len(cleaned) < 2:
                continue
            parts = _SPLIT.split(cleaned)
            node = self.roots.setdefault(parts[0], _Node())
            for i in range(1, len(parts) - 1, 2):
                node = node.children.setdefault((_separator(parts[i]), parts[i + 1]), _Node())
            if node.terminal != "name":
                node.terminal = "word" if cleaned in soft else "name"

    def __bool__(self) -> bool:
        return bool(self.roots)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Spans of the terms in ``text`` with their kind: leftmost, longest, not
        overlapping."""
        if not self.roots:
            return []
        low = _lower(text)
        starts = self._first_words(low)
        spans: list[tuple[int, int, str]] = []
        last_end = 0
        for start, end, word in starts:
            if start < last_end:
                continue
            found = self._walk(low, end, self.roots[word])
            if found is not None:
                spans.append((start, *found))
                last_end = found[0]
        return spans

    def _first_words(self, low: str) -> list[tuple[int, int, str]]:
        """Where a term's first word stands as a whole word, in order."""
        if len(self.roots) <= _FEW:
            present = [w for w in self.roots if w in low]
        else:
            present = [w for w in self._vocabulary(low) if w in self.roots]
        if len(present) > _FEW:
            return [
                (m.start(), m.end(), m.group())
                for m in _WORD.finditer(low)
                if m.group() in self.roots
            ]
        found = [(m.start(), m.end(), w) for w in present for m in _whole_word(w).finditer(low)]
        return sorted(found)

    @staticmethod
    def _vocabulary(low: str) -> set[str]:
        """The text's distinct words: split in C on the ASCII non-word bytes of its UTF-8."""
        words: set[str] = set()
        raw = low.encode("utf-8", "surrogatepass").translate(_NONWORD_TO_SPACE)
        for piece in set(raw.split()):
            chunk = piece.decode("utf-8", "surrogatepass")
            if piece.isascii() or _WORD_ONLY.fullmatch(chunk):
                words.add(chunk)
            else:
                words.update(_WORD.findall(chunk))
        return words

    @staticmethod
    def _walk(low: str, pos: int, node: _Node) -> tuple[int, str] | None:
        """The end and kind of the longest term that starts with ``node``'s word (ending at
        ``pos``)."""
        best = (pos, node.terminal) if node.terminal else None
        while node.children:
            m = _NEXT_WORD.match(low, pos)
            if m is None:
                break
            child = node.children.get((_separator(m.group(1)), m.group(2)))
            if child is None:
                break
            node, pos = child, m.end()
            if node.terminal:
                best = (pos, node.terminal)
        return best
