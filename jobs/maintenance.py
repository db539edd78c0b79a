"""The monthly gallring report and the nightly backup."""

from __future__ import annotations

import datetime
import time
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from core.db_roles import owner_alias
from core.models import Verksamhet
from dataprotection.backup import backup
from dataprotection.selectors.gallring import dry_run

from .digest import add, holders


def gallring_report(today: datetime.date | None = None) -> str:
    """What gallring would remove today (a dry run, nothing removed), to whoever runs it."""
    today = today or timezone.localdate()
    lines = clients = log_rows = 0
    for verksamhet in Verksamhet.objects.order_by("pk"):
        dry = dry_run(verksamhet, today=today, limit=1, with_records=False)
        clients += dry.client_count
        log_rows += dry.access_log_count
        if dry.client_count or dry.access_log_count:
            text = _(
                "Gallring this month: client records past the gallring rule: %(clients)s, "
                "access-log rows: %(rows)s. Review them under Data protection → Gallring, "
                "where the gallring is carried out."
            ) % {"clients": dry.client_count, "rows": dry.access_log_count}
        else:
            text = _("Gallring this month: nothing is past the gallring rule.")
        for lead in holders("gallring.run", verksamhet):
            lines += add(recipient=lead, key=f"gallring:{verksamhet.pk}:{today:%Y-%m}", text=text)
    return _(
        "Dry run: client records due: %(clients)s, access-log rows due: %(rows)s; "
        "reports queued: %(lines)s."
    ) % {"clients": clients, "rows": log_rows, "lines": lines}


def nightly_backup(today: datetime.date | None = None) -> str:
    """backup_db's function to BACKUP_DIR/ombud-DATE.dump; files older than BACKUP_KEEP_DAYS
    go (a backup kept longer than gallring would keep what gallring removed)."""
    if not settings.BACKUP_DIR:
        return _("No backup folder is configured (BACKUP_DIR): nothing done.")
    today = today or timezone.localdate()
    folder = Path(settings.BACKUP_DIR)
    started = time.monotonic()
    # As the owner, like backup_db: the app role may not read the sequences' positions.
    path = backup(folder / f"ombud-{today:%Y-%m-%d}.dump", alias=owner_alias())
    oldest_kept = today - datetime.timedelta(days=settings.BACKUP_KEEP_DAYS)
    removed = 0
    for old in folder.glob("ombud-????-??-??.dump"):
        try:
            day = datetime.date.fromisoformat(old.stem.removeprefix("ombud-"))
        except ValueError:
            continue
        if day < oldest_kept:
            old.unlink()
            removed += 1
    return _(
        "Backup %(name)s written (%(size)s kB, %(seconds)s s); older files removed: %(removed)s."
    ) % {
        "name": path.name,
        "size": round(path.stat().st_size / 1024),
        "seconds": number_format(time.monotonic() - started, 1),
        "removed": removed,
    }
