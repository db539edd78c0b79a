"""Gallring: the verksamhet's rule, and the run that removes what the rule says must go."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connections, transaction
from django.utils.translation import gettext as _

from core.audit import save
from core.concurrency import lock_for_edit
from core.db_roles import owner_path
from core.models import Verksamhet
from dataprotection.models import ErasedClient, ErasureKind, GallringRule, GallringRun
from dataprotection.selectors.gallring import (
    cutoffs,
    due_clients,
    old_access_log,
    rule_for,
)
from dataprotection.services.erase import strip_clients

MAX_YEARS = 50


@transaction.atomic
def gallring_rule_save(
    *,
    verksamhet: Verksamhet,
    by: Any,
    years_after_end: int,
    access_log_years: int,
    decision: str = "",
    expected_version: int | None = None,
) -> GallringRule:
    errors = {}
    if not 1 <= years_after_end <= MAX_YEARS:
        errors["years_after_end"] = _("Choose between 1 and %(max)s years.") % {"max": MAX_YEARS}
    if not 1 <= access_log_years <= MAX_YEARS:
        errors["access_log_years"] = _("Choose between 1 and %(max)s years.") % {"max": MAX_YEARS}
    if errors:
        raise ValidationError(errors)
    rule = rule_for(verksamhet)
    if rule.pk:
        # A form loaded before anyone had saved a rule carries no version: someone else
        # created the rule in between, and lock_for_edit refuses the save.
        lock_for_edit(rule, expected_version)
    rule.years_after_end = years_after_end
    rule.access_log_years = access_log_years
    rule.decision = decision
    save(rule, by=by)
    return rule


def gallring_run(
    *, verksamhet: Verksamhet, by: Any, today: datetime.date | None = None
) -> GallringRun:
    """Reduce every due client to its statistical skeleton, purge their history, and delete
    access-log rows older than the log's retention. Logs counts, never contents.

    Runs as the owner role: the app's role may not delete history or access-log rows."""
    with owner_path() as alias:
        return _gallring_run(verksamhet=verksamhet, by=by, today=today, alias=alias)


def _gallring_run(
    *, verksamhet: Verksamhet, by: Any, today: datetime.date | None, alias: str
) -> GallringRun:
    # One run at a time per verksamhet.
    Verksamhet.objects.select_for_update().get(pk=verksamhet.pk)
    rule = rule_for(verksamhet)
    cut = cutoffs(rule, today)
    client_ids = list(due_clients(verksamhet, cut.client).values_list("pk", flat=True))
    counts: dict[str, Any] = strip_clients(client_ids=client_ids) if client_ids else {}
    # The access-log trigger lets a DELETE through only with this setting, and only for the
    # owner role (migration 0007).
    with connections[alias].cursor() as cursor:
        cursor.execute("SET LOCAL ombud.gallring = 'on'")
        removed_log = old_access_log(verksamhet, cut.access_log).delete()[0]
        cursor.execute("SET LOCAL ombud.gallring = 'off'")
    counts["access_log"] = removed_log
    run = GallringRun(
        verksamhet=verksamhet,
        ran_by=by,
        client_cutoff=cut.client,
        access_log_cutoff=cut.access_log,
        clients=len(client_ids),
        counts=counts,
    )
    save(run, by=by)
    for client_id in client_ids:
        save(
            ErasedClient(client_id=client_id, kind=ErasureKind.GALLRING, run=run),
            by=by,
        )
    return run
