"""Factories for systembrister. Objects are written straight to the database (test set-up)."""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from core.choices import LifeArea
from ledningsgrupp.models import AgendaItem, AgendaItemKind, Ledningsgrupp, Meeting
from systembrister.models import Answer, Level, Status, Support, Systembrist
from tests.core.factories import UserFactory, VerksamhetFactory


class SystembristFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Systembrist
        skip_postgeneration_save = True

    verksamhet = factory.SubFactory(VerksamhetFactory)
    title = factory.Sequence(lambda n: f"Långa handläggningstider för bostadstillägg ({n})")
    description = (
        "Flera klienter väntar mer än fyra månader på beslut om bostadstillägg, "
        "vilket leder till hyresskulder."
    )
    level = Level.LOKAL
    life_area = LifeArea.EKONOMI
    clients_affected = 3
    first_observed = datetime.date(2025, 2, 1)
    reporter = factory.SubFactory(UserFactory)
    status = Status.DRAFT
    submitted_at = factory.LazyAttribute(
        lambda o: None if o.status == Status.DRAFT else timezone.now()
    )

    @factory.post_generation
    def organisations(self, create, extracted, **kwargs):  # type: ignore[no-untyped-def]
        if create and extracted:
            self.organisations.set(extracted)

    @factory.post_generation
    def meeting(self, create, extracted, **kwargs):  # type: ignore[no-untyped-def]
        """``meeting=``: the report is on that meeting's agenda (an agenda item there)."""
        if create and extracted is not None:
            AgendaItem.objects.create(
                meeting=extracted,
                kind=AgendaItemKind.SYSTEMBRIST,
                title=self.title,
                systembrist=self,
            )


class SupportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Support

    systembrist = factory.SubFactory(SystembristFactory)
    ombud = factory.SubFactory(UserFactory)
    clients_affected = 2


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Answer

    systembrist = factory.SubFactory(SystembristFactory)
    organisation = None
    author = factory.SubFactory(UserFactory)
    text = "Vi ser över rutinen för prioritering av ärenden."


def meeting_for(verksamhet, *, date=None, status="planned"):  # type: ignore[no-untyped-def]
    """A ledningsgrupp meeting of ``verksamhet`` (the group is created when missing)."""
    group, _ = Ledningsgrupp.objects.get_or_create(
        verksamhet=verksamhet,
        defaults={"name": f"Ledningsgrupp {verksamhet.name}", "convened_by": verksamhet.huvudman},
    )
    return Meeting.objects.create(
        ledningsgrupp=group,
        date=date or timezone.localdate() + datetime.timedelta(days=14),
        start_time=datetime.time(13, 0),
        status=status,
    )
