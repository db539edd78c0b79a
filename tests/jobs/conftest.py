"""A verksamhet where every scheduled job has something to say: an overdue systembrist
answer (Försäkringskassan), a consent and a fullmakt of Kim's about to end (ombud Anna), an
unsigned loggkontroll month and a client due for gallring (lead Lars)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone

from clients.models import Consent, Fullmakt
from systembrister import services as sb
from systembrister.models import Systembrist
from tests.dataprotection.factories import full_client, read_at
from tests.systembrister.conftest import make_draft
from tests.systembrister.factories import meeting_for

KIM = {"alias": "Kim", "first_name": "Kim", "last_name": "Andersson", "pnr": "198001011234"}


def overdue_systembrist(world: Any) -> Systembrist:
    from ledningsgrupp.services import agenda_systembrist_add

    today = timezone.localdate()
    report = sb.systembrist_submit(report=make_draft(world), by=world.ombud_anna)
    report = sb.systembrist_accept(report=report, by=world.lead_lars)
    report = agenda_systembrist_add(
        meeting=meeting_for(world.verksamhet), report=report, by=world.lead_lars
    )
    report = sb.systembrist_send_for_answer(
        report=report, by=world.lead_lars, answer_due=today + datetime.timedelta(days=30)
    )
    Systembrist.objects.filter(pk=report.pk).update(answer_due=today - datetime.timedelta(days=2))
    return report


@pytest.fixture
def story(world) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    today = timezone.localdate()
    kim = full_client(world, alias=KIM["alias"])
    consent = Consent.objects.get(client=kim)
    Consent.objects.filter(pk=consent.pk).update(valid_until=today + datetime.timedelta(days=20))
    Fullmakt.objects.filter(client=kim).update(valid_until=today + datetime.timedelta(days=3))
    # A read 40 days ago: last month's loggkontroll is waiting for the lead's sign-off.
    read_at(world.lead_lars, kim, timezone.now() - datetime.timedelta(days=40))
    old = full_client(world, alias="Gammal", ended=datetime.date(2020, 6, 30))
    return {"kim": kim, "old": old, "report": overdue_systembrist(world)}
