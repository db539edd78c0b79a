"""The operator starts a verksamhet: its kommuner, and the admin's invitation link printed."""

from __future__ import annotations

import io
import re

import pytest
from django.core.management import CommandError, call_command

from administration.models import Invitation
from core.models import Role, RoleAssignment, User, Verksamhet
from tests.core.factories import kommun


def test_create_verksamhet_prints_a_working_invitation_link(client, db, settings):  # type: ignore[no-untyped-def]
    settings.SITE_URL = "https://ombud.sala.se"
    kommun("1981")
    out = io.StringIO()
    call_command(
        "create_verksamhet",
        "--name",
        "PO Sala-Heby",
        "--kommun",
        "1981",
        "--kommun",
        "Heby",
        "--admin-email",
        "ada@sala.se",
        stdout=out,
    )
    v = Verksamhet.objects.get(name="PO Sala-Heby")
    assert v.huvudman.kod == "1981"
    assert sorted(k.name for k in v.kommuner.all()) == ["Heby", "Sala"]
    link = re.search(r"https://ombud\.sala\.se(/administration/inbjudan/\S+/)", out.getvalue())
    assert link, out.getvalue()
    inv = Invitation.objects.get(verksamhet=v)
    assert inv.role == Role.ADMIN and inv.email == "ada@sala.se"
    assert {h.history_user.email for h in v.history.all()} == {"system@ombud.invalid"}
    password = "Ett-langt-losenord-77"
    response = client.post(
        link.group(1),
        {"first_name": "Ada", "new_password1": password, "new_password2": password},
    )
    assert response.status_code == 302
    ada = User.objects.get(email="ada@sala.se")
    assert RoleAssignment.objects.filter(user=ada, verksamhet=v, role=Role.ADMIN).exists()
    assert not ada.is_superuser and not ada.is_staff


def test_an_unknown_kommun_is_refused(db):  # type: ignore[no-untyped-def]
    kommun("1981")
    with pytest.raises(CommandError):
        call_command(
            "create_verksamhet", "--name", "PO X", "--kommun", "Atlantis", "--admin-email", "a@x.se"
        )
    assert not Verksamhet.objects.filter(name="PO X").exists()
