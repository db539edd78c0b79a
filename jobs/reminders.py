"""The daily reminders, each a line in the recipient's digest (jobs/digest.py).

Each returns what it did as one Swedish sentence for the job log: counts only.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from clients.models import Consent, Fullmakt
from clients.selectors.access import assigned_clients
from core.access import actor_for
from core.models import Organisation, Verksamhet
from dataprotection.selectors.loggkontroll import unsigned_months
from systembrister.models import Systembrist
from systembrister.selectors import overdue_reports
from systembrister.services import systembrist_remind

from .digest import add, holders

EXPIRY_DAYS = 30  # as on the dashboard (clients/selectors/reminders.py)
LAST_WEEK = 7


def _day(day: datetime.date) -> str:
    return date_format(day, "j F Y")


def systembrister_overdue(today: datetime.date | None = None) -> str:
    """Members of an organisation whose answer is overdue: once a week while it is."""
    today = today or timezone.localdate()
    year, week, _weekday = today.isocalendar()
    lines = reports_reminded = 0
    for verksamhet in Verksamhet.objects.order_by("pk"):
        waiting: dict[Organisation, list[Systembrist]] = defaultdict(list)
        for report, missing in overdue_reports(verksamhet=verksamhet):
            for org in missing:
                waiting[org].append(report)
        for org, reports in waiting.items():
            oldest = min(r.answer_due for r in reports if r.answer_due)
            text = ngettext(
                "%(n)s systembrist is waiting for an answer from %(org)s (due %(due)s).",
                "%(n)s systembrister are waiting for an answer from %(org)s (the oldest was "
                "due %(due)s).",
                len(reports),
            ) % {"n": len(reports), "org": org.name, "due": _day(oldest)}
            told = [
                add(recipient=member, key=f"systembrister:{org.pk}:{year}-{week}", text=text)
                for member in holders("systembrist.answer", verksamhet, organisation=org)
            ]
            if any(told):
                lines += sum(told)
                for report in reports:
                    systembrist_remind(report=report, organisations=[org])
                    reports_reminded += 1
    return _("Reminders: %(lines)s; systembrister with an overdue answer: %(reports)s.") % {
        "lines": lines,
        "reports": reports_reminded,
    }


def expiring_consents(today: datetime.date | None = None) -> str:
    """The responsible ombud, when a consent or fullmakt of their client has 30 days left and
    again when it has 7."""
    today = today or timezone.localdate()
    until = today + datetime.timedelta(days=EXPIRY_DAYS)
    lines = 0
    for verksamhet in Verksamhet.objects.order_by("pk"):
        for ombud in holders("client.take", verksamhet):
            actor = actor_for(ombud, verksamhet)
            clients = assigned_clients(actor).values("pk")
            for model, kind in ((Consent, "consent"), (Fullmakt, "fullmakt")):
                ending = (
                    model.objects.filter(
                        client__in=clients,
                        withdrawn_on__isnull=True,
                        valid_until__gte=today,
                        valid_until__lte=until,
                    )
                    .order_by("valid_until", "pk")
                    .values("pk", "valid_until", organisation_name=F("organisation__name"))
                )
                for row in ending:
                    ends = row["valid_until"]
                    if ends is None:  # (filtered out above; for the type checker)
                        continue
                    bucket = LAST_WEEK if (ends - today).days <= LAST_WEEK else EXPIRY_DAYS
                    lines += add(
                        recipient=ombud,
                        key=f"{kind}:{row['pk']}:{bucket}",
                        text=_expiry_text(kind, row["organisation_name"], ends),
                    )
    return _("Reminders about consents and fullmakter that end soon: %(lines)s.") % {"lines": lines}


def _expiry_text(kind: str, organisation: str, day: datetime.date) -> str:
    values = {"org": organisation, "day": _day(day)}
    if kind == "consent":
        return _("A consent for %(org)s ends on %(day)s.") % values
    return _("A fullmakt for %(org)s ends on %(day)s.") % values


def loggkontroll_unsigned(today: datetime.date | None = None) -> str:
    """Whoever signs the loggkontroll, once a month while months are left unsigned."""
    today = today or timezone.localdate()
    lines = 0
    for verksamhet in Verksamhet.objects.order_by("pk"):
        months = sorted(unsigned_months(verksamhet, today))
        if not months:
            continue
        text = ngettext(
            "%(n)s month of the loggkontroll is not signed off (%(oldest)s).",
            "%(n)s months of the loggkontroll are not signed off (the oldest: %(oldest)s).",
            len(months),
        ) % {"n": len(months), "oldest": date_format(months[0], "F Y")}
        for lead in holders("logreview.sign", verksamhet):
            lines += add(
                recipient=lead, key=f"loggkontroll:{verksamhet.pk}:{today:%Y-%m}", text=text
            )
    return _("Reminders about unsigned loggkontroll months: %(lines)s.") % {"lines": lines}
