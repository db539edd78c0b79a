"""Links for rows of a list, reversed once per list rather than once per row."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.urls import reverse

_SENTINEL = 2147483647


def url_maker(name: str, *args: Any) -> Callable[[int], str]:
    """A function pk -> the URL of ``name`` with ``args`` and ``pk`` as its last ``<int:>``
    argument, reversed once."""
    prefix, suffix = reverse(name, args=[*args, _SENTINEL]).rsplit(str(_SENTINEL), 1)
    return lambda pk: f"{prefix}{pk}{suffix}"
