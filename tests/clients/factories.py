"""Client-side factories. Objects are written straight to the DB (fast); services are tested
on their own."""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from clients.models import (
    ActionPlan,
    Assignment,
    Client,
    Consent,
    ConsentForm,
    Contact,
    ContactType,
    Fullmakt,
    Goal,
    Need,
    Step,
    Task,
    Uppdrag,
    UppdragStatus,
)
from core.choices import LifeArea


def today() -> datetime.date:
    return timezone.localdate()


class ClientFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Client

    alias = factory.Sequence(lambda n: f"Klient {n}")
    birth_year = 1980


class UppdragFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Uppdrag

    client = factory.SubFactory(ClientFactory)
    status = UppdragStatus.ACTIVE
    waiting_since = factory.LazyFunction(lambda: today() - datetime.timedelta(days=200))
    contact_started = factory.LazyFunction(lambda: today() - datetime.timedelta(days=150))
    started = factory.LazyFunction(lambda: today() - datetime.timedelta(days=100))


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assignment

    uppdrag = factory.SubFactory(UppdragFactory)
    start = factory.LazyFunction(lambda: today() - datetime.timedelta(days=150))


class ConsentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consent

    scope = "Sjukpenning och arbetsförmåga"
    form = ConsentForm.WRITTEN
    valid_from = factory.LazyFunction(lambda: today() - datetime.timedelta(days=30))


class FullmaktFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Fullmakt

    covers = "Ansökan om bostadstillägg"
    valid_from = factory.LazyFunction(lambda: today() - datetime.timedelta(days=30))
    valid_until = factory.LazyFunction(lambda: today() + datetime.timedelta(days=60))


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    date = factory.LazyFunction(lambda: today() - datetime.timedelta(days=3))
    type = ContactType.HEMBESOK
    note = "Fika hemma, pratade om boendet."


class NeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Need

    life_area = LifeArea.BOENDE
    description = "Jag vill ha en egen lägenhet."
    priority = 1


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionPlan


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    description = "Ha ett eget kontrakt"


class StepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Step

    description = "Utreda rätt till sjukersättning"
    due = factory.LazyFunction(lambda: today() + datetime.timedelta(days=3))


class TaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Task

    title = "Ring handläggaren"


def client_of(world, ombud=None, *, status=UppdragStatus.ACTIVE, verksamhet=None, **kw) -> Client:  # type: ignore[no-untyped-def]
    """A client of ``world.verksamhet`` with one uppdrag; assigned to ``ombud`` if given."""
    client = ClientFactory(verksamhet=verksamhet or world.verksamhet, **kw)
    uppdrag = UppdragFactory(client=client, status=status)
    if status == UppdragStatus.WAITING:
        uppdrag.contact_started = uppdrag.started = None
        uppdrag.save()
    if ombud is not None:
        AssignmentFactory(uppdrag=uppdrag, ombud=ombud)
    return client


def full_client(world, ombud) -> dict:  # type: ignore[no-untyped-def]
    """A client with one of everything, FK as the responsible organisation."""
    client = client_of(world, ombud)
    fk = world.orgs["fk"]
    consent = ConsentFactory(client=client, organisation=fk, recorded_by=ombud)
    fullmakt = FullmaktFactory(client=client, organisation=fk, recorded_by=ombud)
    contact = ContactFactory(client=client, by=ombud)
    need = NeedFactory(client=client)
    plan = PlanFactory(client=client)
    goal = GoalFactory(plan=plan)
    goal.needs.add(need)
    step = StepFactory(goal=goal, organisation=fk)
    task = TaskFactory(owner=ombud, client=client)
    return {
        "client": client,
        "uppdrag": client.uppdrag.get(),
        "consent": consent,
        "fullmakt": fullmakt,
        "contact": contact,
        "need": need,
        "plan": plan,
        "goal": goal,
        "step": step,
        "task": task,
    }
