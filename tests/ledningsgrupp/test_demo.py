"""The demo data loads, is idempotent, and tells the story the issue asks for."""

from __future__ import annotations

import datetime

from django.utils import timezone

from core.demo import seed_foundation
from ledningsgrupp.demo import seed
from ledningsgrupp.models import ActionItem, AgendaItemKind, Meeting, Protokoll
from ledningsgrupp.selectors import composition_check, yearly_figures


def test_demo(db):
    world = seed_foundation()
    from systembrister import demo as systembrister_demo

    systembrister_demo.seed(world)
    seed(world)
    seed(world)  # idempotent
    assert Meeting.objects.filter(status="held").count() == 6
    assert Protokoll.objects.filter(locked_at__isnull=False).count() == 6
    assert yearly_figures(verksamhet=world.verksamhet, year=2025)["meetings_held"] == 4
    assert composition_check(verksamhet=world.verksamhet).complete
    upcoming = Meeting.objects.get(status="planned")
    kinds = set(upcoming.agenda_items.values_list("kind", flat=True))
    assert {AgendaItemKind.STANDING, AgendaItemKind.ACTION_ITEM} <= kinds
    overdue = ActionItem.objects.filter(status="open", due__lt=timezone.localdate())
    assert overdue.filter(owner_organisation=world.orgs["fk"]).exists()
    assert upcoming.date > datetime.date(2026, 1, 1)
