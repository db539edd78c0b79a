"""Every administration URL × every role: the verksamhet's administrator only; the invitation
link is public."""

from __future__ import annotations

import itertools

from administration.services.invitations import new_invitation
from core.models import Role, RoleAssignment
from tests.access import Case, only, statuses

_serial = itertools.count()  # cases() may be called more than once in one test


def cases(world) -> list[Case]:  # type: ignore[no-untyped-def]
    agnes, omar = world.users["admin_agnes"], world.users["ombud_omar"]
    v = world.verksamhet
    role = RoleAssignment.objects.get(user=omar, verksamhet=v)
    invitations = [
        new_invitation(
            verksamhet=v, email=f"matris{next(_serial)}@example.se", role=Role.OMBUD, by=agnes
        )
        for _n in range(3)
    ]
    admin = only({"admin": 200})
    person = {"pk": omar.pk}
    self_ = {"pk": agnes.pk}
    return [
        Case("administration:users", admin),
        Case("administration:users", admin, query="q=Omar&role=ombud&active=yes"),
        Case("administration:user", admin, kwargs=person),
        Case("administration:user", admin, kwargs=self_),
        Case("administration:role_add", admin, kwargs=person),
        Case("administration:role_add", admin, kwargs=person, method="post", data={}),
        # Nobody manages their own roles or account.
        Case("administration:role_add", only({}), kwargs=self_),
        Case("administration:role_remove", admin, kwargs={"pk": omar.pk, "rpk": role.pk}),
        Case(
            "administration:role_remove",
            admin,
            kwargs={"pk": omar.pk, "rpk": role.pk},
            method="post",
            data={},
        ),
        Case("administration:second_factor_reset", admin, kwargs=person),
        Case("administration:second_factor_reset", admin, kwargs=person, method="post", data={}),
        Case("administration:second_factor_reset", only({}), kwargs=self_),
        Case("administration:account_close", admin, kwargs=person),
        Case("administration:account_close", admin, kwargs=person, method="post", data={}),
        Case("administration:account_close", only({}), kwargs=self_),
        Case("administration:invitations", admin),
        Case("administration:invitation_new", admin),
        Case("administration:invitation_new", admin, method="post", data={}),
        Case(
            "administration:invitation_resend",
            only({"admin": 302}),
            kwargs={"pk": invitations[0][0].pk},
            method="post",
        ),
        Case(
            "administration:invitation_withdraw",
            only({"admin": 302}),
            kwargs={"pk": invitations[1][0].pk},
            method="post",
        ),
        Case(
            "administration:invitation_accept",
            statuses(200, anonymous=200),
            kwargs={"token": invitations[2][1]},
        ),
        Case(
            "administration:invitation_accept",
            statuses(404, anonymous=404),
            kwargs={"token": "no-such-token"},
        ),
        *_register_cases(world),
    ]


def _register_cases(world) -> list[Case]:  # type: ignore[no-untyped-def]
    """The organisations register (lead and admin) and the settings (admin)."""
    fk = world.orgs["fk"]
    leaders = {"lead": 200, "admin": 200}
    return [
        Case("administration:organisations", only({**leaders, "outsider": 200})),
        Case("administration:organisation_new", only({**leaders, "outsider": 200})),
        Case(
            "administration:organisation_new",
            only({**leaders, "outsider": 200}),
            method="post",
            data={},
        ),
        Case("administration:organisation_edit", only(leaders, outsider=404), kwargs={"pk": fk.pk}),
        Case(
            "administration:organisation_edit",
            only(leaders, outsider=404),
            kwargs={"pk": fk.pk},
            method="post",
            data={},
        ),
        Case("administration:settings", only({"admin": 200})),
        Case("administration:settings", only({"admin": 200}), method="post", data={}),
        # Exportera verksamhetens data (administration/export.py): the admin only.
        Case("administration:export", only({"admin": 200})),
        Case("administration:export", only({"admin": 200}), method="post", data={}),
    ]
