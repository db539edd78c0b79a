"""E-mail the members of organisations whose answer on a systembrist is overdue.

Run daily (cron). Each report is reminded at most once a day; every reminder is a
REMINDED event on the report's timeline.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.models import Role, RoleAssignment, Verksamhet
from systembrister.models import EventKind
from systembrister.selectors import overdue_reports
from systembrister.services import systembrist_remind


class Command(BaseCommand):
    help = "Remind ledningsgrupp members of overdue answers on systembrister."

    def handle(self, *args: Any, **options: Any) -> None:
        translation.activate(settings.LANGUAGE_CODE)
        base = getattr(settings, "SITE_URL", "").rstrip("/")
        today = timezone.localdate()
        reminded = 0
        for verksamhet in Verksamhet.objects.all():
            for report, missing in overdue_reports(verksamhet=verksamhet):
                if report.events.filter(kind=EventKind.REMINDED, at__date=today).exists():
                    continue
                url = base + reverse("systembrister:detail", kwargs={"pk": report.pk})
                for org in missing:
                    emails = RoleAssignment.objects.filter(
                        verksamhet=verksamhet, role=Role.MEMBER, organisation=org
                    ).values_list("user__email", flat=True)
                    body = _(
                        "Reminder: %(org)s has not yet answered the steering group about the "
                        "systembrist “%(title)s”. The answer was due on %(due)s.\n\n"
                        "Open the report: %(url)s"
                    ) % {
                        "org": org.name,
                        "title": report.title,
                        "due": f"{report.answer_due:%Y-%m-%d}",
                        "url": url,
                    }
                    if emails:
                        send_mail(
                            _("Reminder: systembrist answer overdue"),
                            body,
                            None,
                            list(emails),
                        )
                systembrist_remind(report=report, organisations=missing)
                reminded += 1
        self.stdout.write(_("Reminded %(n)s report(s).") % {"n": reminded})
