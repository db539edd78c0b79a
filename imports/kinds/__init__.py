"""The three kinds of spreadsheet: klienter, kontakter, anställningar."""

from __future__ import annotations

from ..engine import Kind
from .clients import ClientKind
from .contacts import ContactKind
from .employment import EmploymentKind

KINDS: dict[str, type[Kind]] = {
    ClientKind.name: ClientKind,
    ContactKind.name: ContactKind,
    EmploymentKind.name: EmploymentKind,
}

__all__ = ["KINDS", "ClientKind", "ContactKind", "EmploymentKind"]
