"""One e-mail per person per day: the jobs add lines, ``send_digests`` sends them.

A line holds counts, dates and organisation names, never a client's alias, name or
personnummer: the e-mail leaves the system, so it points to the dashboard, where the person
logs in and sees who it is about.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.access import CAPABILITIES
from core.models import RoleAssignment, User, Verksamhet

from .models import Digest, DigestItem


def holders(capability: str, verksamhet: Verksamhet | None = None, **filters: Any) -> list[User]:
    """Active users who hold ``capability`` (in ``verksamhet``, or in any), with an e-mail."""
    assignments = RoleAssignment.objects.filter(
        role__in=CAPABILITIES[capability], user__is_active=True, **filters
    ).exclude(user__email="")
    if verksamhet is not None:
        assignments = assignments.filter(verksamhet=verksamhet)
    ids = assignments.values_list("user_id", flat=True)
    return list(User.objects.filter(pk__in=ids).order_by("pk"))


def add(*, recipient: User, key: str, text: str) -> bool:
    """Queue ``text`` for ``recipient``'s next digest; False if ``key`` was told already."""
    _, created = DigestItem.objects.get_or_create(
        recipient=recipient, key=key, defaults={"text": text}
    )
    return created


def dashboard_url() -> str:
    return settings.SITE_URL.rstrip("/") + reverse("dashboard")


def send_digests(today: Any = None) -> dict[str, int]:
    """Send each person with waiting lines their digest, unless they had one today."""
    today = today or timezone.localdate()
    waiting: dict[int, list[DigestItem]] = defaultdict(list)
    for item in DigestItem.objects.filter(digest__isnull=True).select_related("recipient"):
        waiting[item.recipient_id].append(item)
    had_one = set(
        Digest.objects.filter(day=today, recipient__in=list(waiting)).values_list(
            "recipient_id", flat=True
        )
    )
    sent = lines = 0
    for recipient_id, items in waiting.items():
        if recipient_id in had_one:
            continue  # tomorrow's digest takes them
        recipient = items[0].recipient
        with transaction.atomic():
            digest = Digest.objects.create(recipient=recipient, day=today)
            DigestItem.objects.filter(pk__in=[i.pk for i in items]).update(digest=digest)
            subject, body = render_digest(recipient, items)
            send_mail(subject, body, None, [recipient.email])
        sent += 1
        lines += len(items)
    return {"sent": sent, "lines": lines, "later": len(had_one)}


def daily_digest() -> str:
    counts = send_digests()
    return (
        _(
            "E-mails sent: %(sent)s (lines: %(lines)s); waiting for tomorrow, having had one "
            "today: %(later)s."
        )
        % counts
    )


def render_digest(recipient: User, items: list[DigestItem]) -> tuple[str, str]:
    context = {
        "recipient": recipient,
        "items": [i.text for i in items],
        "dashboard_url": dashboard_url(),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("jobs/email/digest_subject.txt", context).strip()
        body = render_to_string("jobs/email/digest.txt", context)
    return " ".join(subject.split()), body
