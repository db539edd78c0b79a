"""The one import loop every kind shares: read, parse, match, create, report.

A kind (``imports/kinds/``) names its columns, reads a row into values (``CellError`` for a
bad cell), gives the row's natural key, and creates it through the owning app's service (a
``ValidationError`` becomes a refused row, its field named as the column). The loop counts
what was created, what was already there (the natural key is found: "redan importerad"),
and refuses a row whose key an earlier row of the same file had.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.models import Verksamhet

from .reading import FileError, header_index, open_sheet
from .values import CellError

MAX_REPORTED = 1000  # refused rows listed in full; the count says how many more
SAMPLE = 20  # rows of "what would be created" shown in the preview


@dataclass
class Refusal:
    row: int
    column: str
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "reason": self.reason}


@dataclass
class Outcome:
    rows: int = 0
    created: int = 0
    already: int = 0
    refused: list[Refusal] = field(default_factory=list)
    refused_count: int = 0
    sample: list[list[str]] = field(default_factory=list)
    sample_header: list[str] = field(default_factory=list)

    def refuse(self, row: int, column: str, reason: str, *, same_row: bool = False) -> None:
        if not same_row:
            self.refused_count += 1
        if len(self.refused) < MAX_REPORTED:
            self.refused.append(Refusal(row, column, reason))

    @property
    def ok(self) -> bool:
        return self.refused_count == 0

    def report(self) -> dict[str, Any]:
        return {
            "refused": [r.as_dict() for r in self.refused],
            "sample": self.sample,
            "sample_header": self.sample_header,
        }


@dataclass
class Context:
    verksamhet: Verksamhet
    by: Any
    dry_run: bool


class Kind:
    """One kind of spreadsheet. Subclasses fill in the columns and the four steps."""

    name: ClassVar[str]
    sheet_title: ClassVar[str]
    columns: ClassVar[list[str]]
    required: ClassVar[list[str]]
    # Service field -> column, for a service's ValidationError.
    field_columns: ClassVar[dict[str, str]] = {}
    # Each row in its own savepoint: a service that writes in steps (client, then uppdrag,
    # then the ombud) leaves nothing of a refused row behind.
    savepoint: ClassVar[bool] = True

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def parse(self, cell: Any) -> Any:  # cell(column) -> raw value
        raise NotImplementedError

    def key(self, parsed: Any) -> tuple[Hashable, str]:
        """The natural key and the column that names it (for the duplicate's reason)."""
        raise NotImplementedError

    def exists(self, key: Hashable) -> bool:
        raise NotImplementedError

    def create(self, parsed: Any, row: int) -> None:
        raise NotImplementedError

    def flush(self, outcome: Outcome) -> None:
        """Write what ``create`` collected (kinds that write in batches)."""

    def describe(self, parsed: Any) -> list[str]:
        raise NotImplementedError

    def describe_header(self) -> list[str]:
        raise NotImplementedError

    @classmethod
    def allowed_values(cls, verksamhet: Verksamhet | None) -> list[tuple[str, str]]:
        """(column, what may be written) for the template's second sheet."""
        return []

    def column_of(self, exc: ValidationError) -> list[tuple[str, str]]:
        if hasattr(exc, "error_dict"):
            return [
                (self.field_columns.get(name, ""), " ".join(ValidationError(errors).messages))
                for name, errors in exc.error_dict.items()
            ]
        return [("", " ".join(exc.messages))]


def run(kind: Kind, content: bytes) -> Outcome:
    """Run the rows of ``content`` through ``kind`` (the caller holds the transaction)."""
    outcome = Outcome(sample_header=kind.describe_header())
    try:
        sheet = open_sheet(content)
        positions = header_index(sheet.header, kind.columns, kind.required)
    except FileError as exc:
        outcome.refuse(1, exc.column, exc.reason)
        return outcome
    seen: dict[Hashable, int] = {}
    for number, cells in sheet.rows:
        outcome.rows += 1

        def cell(column: str, cells: list[Any] = cells) -> Any:
            i = positions.get(column)
            return cells[i] if i is not None and i < len(cells) else None

        try:
            parsed = kind.parse(cell)
        except CellError as exc:
            outcome.refuse(number, exc.column, exc.reason)
            continue
        key, key_column = kind.key(parsed)
        if key in seen:
            outcome.refuse(
                number,
                key_column,
                _("The same row as row %(row)s of this file.") % {"row": seen[key]},
            )
            continue
        seen[key] = number
        if kind.exists(key):
            outcome.already += 1
            continue
        try:
            if kind.savepoint:
                with transaction.atomic():
                    kind.create(parsed, number)
            else:
                kind.create(parsed, number)
        except ValidationError as exc:
            for i, (column, reason) in enumerate(kind.column_of(exc)):
                outcome.refuse(number, column, reason, same_row=i > 0)
            continue
        outcome.created += 1
        if len(outcome.sample) < SAMPLE:
            outcome.sample.append(kind.describe(parsed))
    kind.flush(outcome)
    return outcome
