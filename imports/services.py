"""Imports: preview (nothing kept), confirm (every row or none), and the same for commands."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.access import actor_for
from core.audit import acting_as, save
from core.models import Verksamhet

from .engine import Context, Outcome, run
from .kinds import KINDS
from .models import ImportKind, ImportRun, ImportStatus

MAX_BYTES = 50 * 1024 * 1024
# A previewed file and its report hold client data: kept a day for the confirm, then emptied.
KEEP_PREVIEW = datetime.timedelta(days=1)


def import_file(
    *, kind: str, verksamhet: Verksamhet, by: Any, content: bytes, dry_run: bool
) -> Outcome:
    """Run the file through its kind in one transaction. Written only when ``dry_run`` is
    false and every row is accepted; otherwise everything is rolled back (all or none)."""
    if kind not in KINDS:
        raise ValidationError({"kind": _("Choose what the file holds.")})
    actor_for(by, verksamhet).require("data.import")
    # Refusals are read by people (and commands run with translations off): Swedish.
    with translation.override(settings.LANGUAGE_CODE), acting_as(by), transaction.atomic():
        outcome = run(KINDS[kind](Context(verksamhet=verksamhet, by=by, dry_run=dry_run)), content)
        if dry_run or not outcome.ok:
            transaction.set_rollback(True)
    return outcome


def _record(run_: ImportRun, outcome: Outcome) -> None:
    run_.rows = outcome.rows
    run_.created = outcome.created
    run_.already = outcome.already
    run_.refused = outcome.refused_count
    run_.report = outcome.report()


@transaction.atomic
def import_preview(
    *, verksamhet: Verksamhet, by: Any, kind: str, file_name: str, content: bytes
) -> ImportRun:
    """Check the file and keep it (in the database) for ``import_confirm``."""
    if not content:
        raise ValidationError({"file": _("The file is empty.")})
    if len(content) > MAX_BYTES:
        raise ValidationError({"file": _("The file is larger than 50 MB: split it.")})
    outcome = import_file(kind=kind, verksamhet=verksamhet, by=by, content=content, dry_run=True)
    # The bytes are not history (excluded there): emptying them is no edit of the record.
    ImportRun.objects.filter(
        verksamhet=verksamhet,
        status=ImportStatus.PREVIEW,
        created_at__lt=timezone.now() - KEEP_PREVIEW,
    ).exclude(content=b"").update(content=b"", report={})
    run_ = ImportRun(
        verksamhet=verksamhet, kind=kind, file_name=file_name[:200], content=content, by=by
    )
    _record(run_, outcome)
    save(run_, by=by)
    return run_


@transaction.atomic
def import_confirm(*, run: ImportRun, by: Any) -> ImportRun:
    """Import the previewed file: every row, or none when a row is refused now."""
    run_ = ImportRun.objects.select_for_update().get(pk=run.pk)
    if run_.status != ImportStatus.PREVIEW:
        raise ValidationError(_("This file has already been imported."))
    if not run_.content:
        raise ValidationError(
            _("The file is no longer kept (a day after the check): upload it again.")
        )
    outcome = import_file(
        kind=run_.kind,
        verksamhet=run_.verksamhet,
        by=by,
        content=bytes(run_.content),
        dry_run=False,
    )
    _record(run_, outcome)
    if outcome.ok:
        run_.status = ImportStatus.IMPORTED
        run_.imported_at = timezone.now()
        run_.by = by
        run_.content = b""
        # What was created is now on the records' own pages: the import keeps its counts,
        # not a copy of client names.
        run_.report = {}
    save(run_, by=by)
    return run_


__all__ = ["ImportKind", "import_confirm", "import_file", "import_preview"]
