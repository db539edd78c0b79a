"""The figures as labelled tables: one source for the page, the PDF, the CSV and the charts."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from clients.models import Boende, ContactType, EndReason, Forsorjning, Sysselsattning
from clients.models.client import ClientGroup

from .clients import AGE_BANDS, CATEGORIES, GROUPS, OUTCOME_FIELDS
from .table import (
    B_TOTAL,
    COUNT,
    DATE,
    ENDED_UPPDRAG,
    G_TOTAL,
    MONEY,
    NUMBER,
    NUMERIC,
    SERVED_TOTAL,
    TEXT,
    Key,
    Table,
    band_label,
    category_labels,
    gender_columns,
    suppress_tables,
)
from .tables_governance import (
    fund_tables,
    ledningsgrupp_tables,
    per_kommun_tables,
    systembrist_tables,
)

__all__ = [
    "B_TOTAL",
    "COUNT",
    "DATE",
    "ENDED_UPPDRAG",
    "G_TOTAL",
    "MONEY",
    "NUMBER",
    "NUMERIC",
    "SECTIONS",
    "SERVED_TOTAL",
    "TEXT",
    "Key",
    "Table",
    "all_tables",
    "band_label",
    "category_labels",
    "client_tables",
    "contact_tables",
    "employer_table",
    "end_reason_tables",
    "fund_tables",
    "gender_columns",
    "group_tables",
    "ledningsgrupp_tables",
    "outcome_tables",
    "per_kommun_tables",
    "section_tables",
    "staff_tables",
    "suppress_tables",
    "systembrist_tables",
    "without_names",
]


def staff_tables(f: dict[str, Any]) -> list[Table]:
    s = f["staff"]
    summary = Table(
        "arsanstallningar",
        _("Årsanställningar and ombud"),
        [(_("Figure"), TEXT), (_("Value"), NUMBER)],
        [[_("Årsanställningar"), s["arsanstallningar"]], [_("Number of ombud"), s["ombud_count"]]],
    )
    periods = Table(
        "anstallningar",
        _("Employment periods during the year"),
        [
            (_("Ombud"), TEXT),
            (_("Employer"), TEXT),
            (_("From"), DATE),
            (pgettext("inclusive end", "Until"), DATE),
            (_("Percentage of full time"), NUMBER),
            (_("Årsanställningar"), NUMBER),
        ],
        [
            [p["name"], p["employer"], p["start"], p["end"], p["percent"], p["arsanstallningar"]]
            for p in s["periods"]
        ],
    )
    return [summary, periods]


def employer_table(f: dict[str, Any]) -> Table:
    """Årsanställningar per employer (kommun or contractor) with no ombud named: the
    publiceringsversion's stand-in for the employment periods, which name each employee."""
    s = f["staff"]
    by_employer = s.get("by_employer")
    if by_employer is None:  # a snapshot frozen before the figure existed: sum its periods
        sums: dict[str, Decimal] = {}
        for p in s["periods"]:
            sums[p["employer"]] = sums.get(p["employer"], Decimal(0)) + Decimal(
                p["arsanstallningar"]
            )
        by_employer = {k: str(v) for k, v in sorted(sums.items())}
    return Table(
        "arsanstallningar-per-arbetsgivare",
        _("Årsanställningar per employer"),
        [(_("Employer"), TEXT), (_("Årsanställningar"), NUMBER)],
        [[employer or _("Not recorded"), value] for employer, value in by_employer.items()],
    )


def without_names(tables: list[Table], f: dict[str, Any]) -> list[Table]:
    """The tables for publishing: the employment periods give way to the årsanställningar per
    employer, since a version meant for the public names no individual employee."""
    return [employer_table(f) if t.key == "anstallningar" else t for t in tables]


def _served(band: str, gender: str) -> Key:
    return ("served", band, gender)


def client_tables(f: dict[str, Any]) -> list[Table]:
    c = f["clients"]
    labels = category_labels()
    by_gender = Table(
        "klienter-kon",
        _("Clients by gender"),
        [(_("Clients"), TEXT), *gender_columns()],
        [[labels[cat], *(c["by_gender"][cat][g] for g in G_TOTAL)] for cat in CATEGORIES],
        keys={
            (CATEGORIES.index("served"), 1 + i): _served("total", g) for i, g in enumerate(G_TOTAL)
        },
    ).grid(total_column=len(G_TOTAL))
    by_age = Table(
        "klienter-alder",
        _("Clients by age group"),
        [(_("Clients"), TEXT), *[(band_label(b), COUNT) for b in AGE_BANDS], (_("Total"), COUNT)],
        [[labels[cat], *(c["by_age_band"][cat][b] for b in B_TOTAL)] for cat in CATEGORIES],
        keys={
            (CATEGORIES.index("served"), 1 + i): _served(b, "total") for i, b in enumerate(B_TOTAL)
        },
    ).grid(total_column=len(B_TOTAL))
    age_gender = Table(
        "klienter-alder-kon",
        _("Clients during the year by age group and gender"),
        [(_("Age group"), TEXT), *gender_columns()],
        [[band_label(b), *(c["age_gender"][b][g] for g in G_TOTAL)] for b in B_TOTAL],
        keys={
            (r, 1 + i): _served(b, g) for r, b in enumerate(B_TOTAL) for i, g in enumerate(G_TOTAL)
        },
    ).grid(total_row=len(B_TOTAL) - 1, total_column=len(G_TOTAL))
    return [by_gender, by_age, age_gender]


def group_tables(f: dict[str, Any]) -> list[Table]:
    g = f["groups"]
    groups = Table(
        "klientgrupper",
        _("Client groups (clients during the year)"),
        [(_("Client group"), TEXT), (_("Primary group"), COUNT), (_("Primary or other"), COUNT)],
        [
            [f"{key}. {ClientGroup(int(key)).label}", g["primary"][key], g["any"][key]]
            for key in GROUPS
        ]
        + [[_("No group recorded"), g["primary"]["none"], None]],
    )
    # Every served client has one primary group or none.
    groups.sums.append((SERVED_TOTAL, [groups.key_of(r, 1) for r in range(len(groups.rows))]))
    ch = f["characteristics"]
    names = {
        "missbruk": _("Co-occurring substance use"),
        "hemloshet": _("Homeless"),
        "enskild_verksamhet": _("In a private provider's service"),
        "risk_severe": _("At risk of severe psychiatric disability"),
        "served": _("Clients during the year, total"),
    }
    characteristics = Table(
        "kannetecken",
        _("Characteristics (clients during the year)"),
        [(_("Characteristic"), TEXT), (_("Clients"), COUNT)],
        [[names[k], ch[k]] for k in names],
        keys={(len(names) - 1, 1): SERVED_TOTAL},
    )
    return [groups, characteristics]


def end_reason_tables(f: dict[str, Any]) -> list[Table]:
    e = f["end_reasons"]
    rows = [[str(r.label), e[r.value]] for r in EndReason]
    rows += [[_("No reason recorded"), e["none"]], [_("Total"), e["total"]]]
    table = Table(
        "avslut",
        _("Reasons for ending"),
        [(_("Reason"), TEXT), (_("Uppdrag"), COUNT)],
        rows,
        keys={(len(rows) - 1, 1): ENDED_UPPDRAG},
    )
    return [table.grid(total_row=len(rows) - 1)]


def outcome_tables(f: dict[str, Any]) -> list[Table]:
    choices = {"boende": Boende, "sysselsattning": Sysselsattning, "forsorjning": Forsorjning}
    titles = {
        "boende": _("Housing at start and end (ended uppdrag)"),
        "sysselsattning": _("Occupation at start and end (ended uppdrag)"),
        "forsorjning": _("Income at start and end (ended uppdrag)"),
    }
    tables = []
    for name, enum in choices.items():
        rows = [
            [
                str(enum(v).label) if v != "none" else pgettext("report value", "Not recorded"),
                f["outcomes"][name][v]["start"],
                f["outcomes"][name][v]["end"],
            ]
            for v in [*OUTCOME_FIELDS[name], "none"]
        ]
        table = Table(
            f"utfall-{name}",
            titles[name],
            [(_("Situation"), TEXT), (_("At start"), COUNT), (_("At end"), COUNT)],
            rows,
        )
        # Each column covers every ended uppdrag once: its total is the reasons' table's.
        for column in (1, 2):
            table.sums.append((ENDED_UPPDRAG, [table.key_of(r, column) for r in range(len(rows))]))
        tables.append(table)
    return tables


def contact_tables(f: dict[str, Any]) -> list[Table]:
    c = f["contacts"]
    rows = [[str(t.label), c["by_type"][t.value]] for t in ContactType]
    rows += [
        [_("Total"), c["total"]],
        [_("Clients with at least one contact"), c["clients_with_contact"]],
    ]
    if "avidentifierad" in c:  # documents frozen before the kind existed lack the figure
        label = _("Anonymised contacts (the client not named), counted apart")
        rows.append([label, c["avidentifierad"]])
    table = Table(
        "kontakter", _("Contacts by type"), [(_("Type"), TEXT), (_("Count"), COUNT)], rows
    )
    types = len(ContactType)
    table.sums.append((table.key_of(types, 1), [table.key_of(r, 1) for r in range(types)]))
    return [table]


SECTIONS = {
    "staff": staff_tables,
    "clients": client_tables,
    "groups": group_tables,
    "end_reasons": end_reason_tables,
    "outcomes": outcome_tables,
    "contacts": contact_tables,
    "systembrister": systembrist_tables,
    "ledningsgrupp": ledningsgrupp_tables,
    "per_kommun": per_kommun_tables,
    "funds": fund_tables,
}


def section_tables(kind: str, figures: dict[str, Any]) -> list[Table]:
    builder = SECTIONS.get(kind)
    return builder(figures) if builder is not None else []


def all_tables(figures: dict[str, Any], *, suppress: bool) -> list[Table]:
    tables = [t for kind in SECTIONS for t in section_tables(kind, figures)]
    return suppress_tables(tables) if suppress else tables
