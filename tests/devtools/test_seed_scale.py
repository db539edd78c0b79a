"""The national-scale generator at tiny scale: constraints, history, reproducibility, guard."""

from __future__ import annotations

import datetime
import hashlib

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, Max

from clients.models import Client, Contact, Uppdrag
from core.models import AccessLog, RoleAssignment, User, Verksamhet
from devtools import scale
from ledningsgrupp.models import Ledningsgrupp, Paragraph
from systembrister.models import Systembrist

TODAY = datetime.date(2026, 6, 1)
TINY = {
    "verksamheter": 3,
    "ombud": 6,
    "clients": 60,
    "contacts": 600,
    "systembrister": 20,
    "today": TODAY,
    "verbosity": 0,
}

pytestmark = pytest.mark.django_db


def fingerprint() -> str:
    rows = list(
        Client.objects.order_by("pk").values_list("alias", "birth_year", "verksamhet__slug")
    )
    rows += list(Contact.objects.order_by("pk").values_list("date", "type", "client__alias"))
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def test_tiny_scale_fills_every_part_of_the_domain():
    call_command("seed_scale", **TINY)

    assert Verksamhet.objects.count() == 3
    assert Client.objects.count() == 60
    assert Contact.objects.count() == 600
    assert Systembrist.objects.count() == 20
    assert Ledningsgrupp.objects.count() == 3
    assert set(Uppdrag.objects.values_list("status", flat=True)) >= {"active", "ended"}
    assert RoleAssignment.objects.filter(role="ombud").count() == 6
    # one "+" history row per record written with COPY, with an author for client data
    assert Client.history.filter(history_type="+").count() == 60
    assert Contact.history.exclude(history_user=None).count() == 600
    # a realistic share of contacts left an access-log row
    assert 150 < AccessLog.objects.count() < 450
    # sequences moved past the COPY'd ids: the ORM can insert again
    assert Verksamhet.objects.create(
        name="Ny", slug="ny", huvudman_id=Verksamhet.objects.first().huvudman_id
    )


def test_paragraph_numbers_run_from_one_per_group_and_year():
    call_command("seed_scale", **TINY)
    per_year = Paragraph.objects.values("ledningsgrupp", "year").annotate(
        n=Count("id"), top=Max("number")
    )
    assert per_year
    assert all(row["n"] == row["top"] for row in per_year)


def test_generated_users_log_in_with_the_documented_password():
    call_command("seed_scale", **TINY)
    ombud = User.objects.filter(roles__role="ombud").first()
    assert ombud.is_active
    assert ombud.check_password(scale.SCALE_PASSWORD)
    assert not ombud.check_password("something else")


def test_same_seed_and_date_give_the_same_data():
    call_command("seed_scale", **TINY)
    first = fingerprint()
    call_command("seed_scale", **TINY, reset=True)
    assert fingerprint() == first
    call_command("seed_scale", **TINY, reset=True, seed=7)
    assert fingerprint() != first


def test_refuses_a_database_with_data_unless_reset():
    call_command("seed_scale", **TINY)
    with pytest.raises(CommandError, match="--reset"):
        call_command("seed_scale", **TINY)


def test_refuses_the_shared_dev_database(monkeypatch):
    monkeypatch.setattr(scale, "database_name", lambda: "ombud")
    with pytest.raises(CommandError, match="ombud_scale"):
        call_command("seed_scale", **TINY)
    assert not Client.objects.exists()
