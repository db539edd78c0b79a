"""The application's question list and its tables (the form is set by the förordning)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from core.models import OrganisationType, Verksamhet

from .tables import COUNT, MONEY, NUMBER, TEXT, Table


def application_questions() -> list[dict[str, str]]:
    return [
        {
            "key": "applicant",
            "label": _("Applicant and participating municipalities"),
            "kind": "applicant",
        },
        {
            "key": "planned",
            "label": _("Planned årsanställningar and amount applied for"),
            "kind": "planned",
        },
        {"key": "target_group", "label": _("Target group and priorities"), "kind": "text"},
        {"key": "ledningsgrupp", "label": _("Ledningsgrupp"), "kind": "ledningsgrupp_check"},
        {"key": "ledningsgrupp_text", "label": _("How the ledningsgrupp works"), "kind": "text"},
        {"key": "co_financing", "label": _("Planned co-financing"), "kind": "co_financing"},
        {"key": "contact", "label": _("Contact person"), "kind": "contact"},
        {"key": "other", "label": _("Other information"), "kind": "text"},
    ]


def _applicant(f: dict[str, Any]) -> list[Table]:
    form = f["verksamhet"].get("form", "")
    return [
        Table(
            "sokande",
            _("Applicant"),
            [(_("Item"), TEXT), (_("Value"), TEXT)],
            [
                [_("PO service"), f["verksamhet"]["name"]],
                [_("Form"), str(Verksamhet.Form(form).label) if form else ""],
                [_("Applicant municipality"), f["applicant_kommun"] or "–"],
                [_("Participating municipalities"), ", ".join(f["participating_kommuner"]) or "–"],
            ],
        )
    ]


def _planned(f: dict[str, Any]) -> list[Table]:
    prev = f["previous_year"]
    return [
        Table(
            "planerat",
            _("Planned årsanställningar and amount"),
            [(_("Item"), TEXT), (_("Value"), NUMBER)],
            [
                [_("Planned årsanställningar"), f["planned_arsanstallningar"]],
                [
                    _("Årsanställningar by the employment periods entered"),
                    f["staff"]["arsanstallningar"],
                ],
                [_("Number of ombud"), f["staff"]["ombud_count"]],
            ],
        ),
        Table(
            "foregaende-ar",
            _("Clients the year before"),
            [(_("Item"), TEXT), (_("Clients"), COUNT)],
            [
                [_("Clients during %(year)s") % {"year": prev["year"]}, prev["served"]],
                [
                    _("On the waiting list at the end of %(year)s") % {"year": prev["year"]},
                    prev["waiting_at_year_end"],
                ],
            ],
        ),
        Table(
            "belopp",
            _("Amount applied for"),
            [(_("Item"), TEXT), (_("Amount (kr)"), MONEY)],
            [
                [_("Amount per årsanställning"), f["amount_per_arsanstallning"]],
                [_("Amount applied for"), f["requested_amount"]],
            ],
        ),
    ]


def _ledningsgrupp(f: dict[str, Any]) -> list[Table]:
    lg = f["ledningsgrupp"]
    rows = [
        [str(OrganisationType(t).label), ", ".join(names)] for t, names in lg["present"].items()
    ]
    rows.append(
        [
            _("Composition complete"),
            _("Yes")
            if lg["complete"]
            else _("No, missing: %(m)s") % {"m": ", ".join(lg["missing"])},
        ]
    )
    return [
        Table(
            "ledningsgrupp-sammansattning",
            _("Ledningsgrupp composition on %(date)s") % {"date": lg["on"]},
            [(_("Organisation type"), TEXT), (_("Organisations"), TEXT)],
            rows,
        )
    ]


def _co_financing(f: dict[str, Any]) -> list[Table]:
    rows: list[list[Any]] = [[c["kommun"], c["planned"]] for c in f["co_financing"].values()]
    rows.append([_("Total"), f["co_financing_planned"]])
    return [
        Table(
            "medfinansiering",
            _("Planned co-financing per municipality"),
            [(_("Municipality"), TEXT), (_("Planned (kr)"), MONEY)],
            rows,
        )
    ]


def _contact(f: dict[str, Any]) -> list[Table]:
    return [
        Table(
            "kontaktperson",
            _("Contact person"),
            [(_("Item"), TEXT), (_("Value"), TEXT)],
            [[_("Name"), f["contact_person"] or "–"], [_("E-mail"), f["contact_email"] or "–"]],
        )
    ]


APPLICATION_SECTIONS = {
    "applicant": _applicant,
    "planned": _planned,
    "ledningsgrupp_check": _ledningsgrupp,
    "co_financing": _co_financing,
    "contact": _contact,
}
