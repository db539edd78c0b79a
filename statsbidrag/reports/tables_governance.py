"""The tables of the governance and money sections: systembrister, ledningsgrupp, the figures
per municipality and the use of funds."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from systembrister.models import Level, Outcome, Status

from .clients import CATEGORIES
from .table import COUNT, DATE, G_TOTAL, MONEY, NUMBER, SERVED_TOTAL, TEXT, Table


def systembrist_tables(f: dict[str, Any]) -> list[Table]:
    s = f["systembrister"]
    summary = Table(
        "systembrister",
        _("Systembrister reported during the year"),
        [(_("Figure"), TEXT), (_("Count"), NUMBER)],
        [
            [_("Systembrister reported"), s["reported"]],
            [_("Forwarded to regional or national level"), s["forwarded"]],
        ],
    )
    affected = Table(
        "systembrister-klienter",
        _("Clients affected (as estimated by the ombud)"),
        [(_("Figure"), TEXT), (_("Clients"), COUNT)],
        [[_("Clients affected, total"), s["clients_affected"]]],
    )
    status = Table(
        "systembrister-status",
        _("Systembrister by status"),
        [(_("Status"), TEXT), (_("Count"), NUMBER)],
        [[str(st.label), s["by_status"][st.value]] for st in Status if st.value in s["by_status"]],
    )
    level = Table(
        "systembrister-niva",
        _("Systembrister by level"),
        [(_("Level"), TEXT), (_("Count"), NUMBER)],
        [[str(lv.label), s["by_level"][lv.value]] for lv in Level],
    )
    outcome = Table(
        "systembrister-utfall",
        _("Systembrister by outcome"),
        [(_("Outcome"), TEXT), (_("Count"), NUMBER)],
        [
            [str(Outcome(k).label) if k != "none" else _("Not yet decided"), s["by_outcome"][k]]
            for k in [*(o.value for o in Outcome), "none"]
        ],
    )
    examples = Table(
        "systembrister-exempel",
        _("Examples and their outcome"),
        [
            (_("Systembrist"), TEXT),
            (_("Level"), TEXT),
            (_("Outcome"), TEXT),
            (_("Conclusion"), TEXT),
        ],
        [
            # An open report has no outcome yet: say so rather than show its status.
            [e["title"], e["level"], e["outcome"] or _("Not yet decided"), e["conclusion"]]
            for e in s["examples"]
        ],
    )
    return [summary, affected, status, level, outcome, examples]


def ledningsgrupp_tables(f: dict[str, Any]) -> list[Table]:
    lg = f["ledningsgrupp"]
    check = lg["check"]
    summary = Table(
        "ledningsgrupp",
        _("Ledningsgrupp"),
        [(_("Figure"), TEXT), (_("Value"), TEXT)],
        [
            [_("Meetings held"), lg["meetings_held"]],
            [_("Meeting dates"), ", ".join(lg["meeting_dates"]) or "–"],
            [
                _("Composition complete"),
                _("Yes")
                if check["complete"]
                else _("No, missing: %(m)s") % {"m": ", ".join(check["missing"])},
            ],
        ],
    )
    members = Table(
        "ledningsgrupp-ledamoter",
        _("Member organisations during the year"),
        [
            (_("Organisation"), TEXT),
            (_("Type"), TEXT),
            (_("From"), DATE),
            (pgettext("inclusive end", "Until"), DATE),
            (_("Meetings attended"), NUMBER),
        ],
        [
            [
                m["organisation"],
                m["type_label"],
                m["start"],
                m["end"],
                lg["attendance"].get(m["organisation"], 0),
            ]
            for m in lg["members"]
        ],
    )
    return [summary, members]


def per_kommun_tables(f: dict[str, Any]) -> list[Table]:
    table = Table(
        "per-kommun",
        _("Figures per municipality"),
        [
            (_("Municipality"), TEXT),
            (_("Clients"), COUNT),
            (_("New"), COUNT),
            (pgettext("uppdrag count", "Ended"), COUNT),
            (_("Waiting 31 Dec"), COUNT),
            (_("Årsanst."), NUMBER),
            (_("Co-fin. planned (kr)"), MONEY),
            (_("Co-fin. actual (kr)"), MONEY),
        ],
        [
            [
                r["kommun"] or _("Municipality not recorded"),
                r["served"],
                r["new"],
                r["ended"],
                r["waiting_at_year_end"],
                r["arsanstallningar"],
                r["co_financing_planned"],
                r["co_financing_actual"],
            ]
            for r in f["per_kommun"]
        ],
    )
    kommun_rows = len(table.rows)
    # Årsanställningar at an employer that is not a kommun (entreprenad) have no kommun row:
    # without their own row the column would not add up to the year's årsanställningar.
    kommuner = {r["kommun"] for r in f["per_kommun"]}
    for employer, value in f["staff"].get("by_employer", {}).items():
        if employer and employer not in kommuner:
            label = _("%(employer)s (contracted out)") % {"employer": employer}
            table.rows.append([label, None, None, None, None, value, None, None])
    categories = ("served", "new", "ended", "waiting_at_year_end")
    by_gender = f["clients"]["by_gender"]
    table.rows.append(
        [
            _("Total"),
            *(by_gender[c]["total"] for c in categories),
            f["staff"]["arsanstallningar"],
            f["funds"].get("co_financing_planned"),
            f["funds"].get("co_financing_actual"),
        ]
    )
    # Each client belongs to one kommun (or none): a column adds up to the year's count,
    # which the total row shows and the clients' tables too (the same figure, one key).
    last = len(table.rows) - 1
    for column, category in enumerate(categories, 1):
        total = (
            SERVED_TOTAL
            if category == "served"
            else ("klienter-kon", CATEGORIES.index(category), len(G_TOTAL))
        )
        table.keys[(last, column)] = total
        table.sums.append((total, [table.key_of(r, column) for r in range(kommun_rows)]))
    return [table]


def fund_tables(f: dict[str, Any]) -> list[Table]:
    m = f["funds"]
    rows = [
        [_("Amount per årsanställning"), m["amount_per_arsanstallning"]],
        [_("Statsbidrag by årsanställningar worked"), m["statsbidrag_calculated"]],
        [_("Granted by länsstyrelsen"), m["granted"]],
        [_("Paid out"), m["paid"]],
        [_("Repayment demanded"), m["repayment_demanded"]],
        [_("Municipalities' co-financing, planned"), m["co_financing_planned"]],
        [_("Municipalities' co-financing, actual"), m["co_financing_actual"]],
        [_("Total costs"), m["costs"]],
    ]
    return [Table("medel", _("Use of funds"), [(_("Item"), TEXT), (_("Amount (kr)"), MONEY)], rows)]
