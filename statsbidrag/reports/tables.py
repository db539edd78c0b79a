"""The figures as labelled tables: one source for the page, the PDF, the CSV and the charts."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, cast

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from clients.models import Boende, ContactType, EndReason, Forsorjning, Gender, Sysselsattning
from clients.models.client import ClientGroup
from core.suppression import Hidden, Sum, grid_sums
from core.suppression import suppress as suppress_cells
from systembrister.models import Level, Outcome, Status

from .clients import AGE_BANDS, CATEGORIES, GENDERS, GROUPS, OUTCOME_FIELDS
from .suppression import Suppressed

# Snapshots live in JSONB, which does not keep key order: tables always use these lists.
G_TOTAL = [*GENDERS, "total"]
B_TOTAL = [*AGE_BANDS, "total"]

COUNT, MONEY, NUMBER, TEXT, DATE = "count", "money", "number", "text", "date"
NUMERIC = frozenset((COUNT, MONEY, NUMBER))


# A cell's identity across tables: the same figure shown twice has one key, so that it is
# hidden in both or in neither.
Key = Hashable


@dataclass
class Table:
    key: str
    title: str
    columns: list[tuple[str, str]]  # (label, kind)
    rows: list[list[Any]] = field(default_factory=list)
    # Count cells' keys where a figure appears in several tables ((row, column) -> key);
    # every other count cell is (table key, row, column).
    keys: dict[tuple[int, int], Key] = field(default_factory=dict)
    # The totals a reader sees, in keys: (total, parts).
    sums: list[Sum] = field(default_factory=list)

    def key_of(self, row: int, column: int) -> Key:
        return self.keys.get((row, column), (self.key, row, column))

    def count_cells(self) -> dict[Key, int]:
        return {
            self.key_of(r, c): value
            for r, row in enumerate(self.rows)
            for c, (value, kind) in enumerate(zip(row, self.kinds, strict=True))
            if kind == COUNT and isinstance(value, int) and not isinstance(value, bool)
        }

    def grid(self, *, total_row: int | None = None, total_column: int | None = None) -> Table:
        """Adds the sums of a table whose last row and/or column is the total of the others
        (over its count columns)."""
        columns = [c for c, kind in enumerate(self.kinds) if kind == COUNT]
        for total, parts in grid_sums(
            range(len(self.rows)), columns, total_row=total_row, total_column=total_column
        ):
            cell = cast(tuple[int, int], total)  # grid_sums keys its cells (row, column)
            self.sums.append(
                (self.key_of(*cell), [self.key_of(*cast(tuple[int, int], p)) for p in parts])
            )
        return self

    def masked(self, hidden: Hidden) -> Table:
        """A copy with the hidden count cells as ``Suppressed``."""
        rows = [
            [
                Suppressed(hidden.threshold, hidden.cells[self.key_of(r, c)])
                if kind == COUNT and self.key_of(r, c) in hidden
                else v
                for c, (v, kind) in enumerate(zip(row, self.kinds, strict=True))
            ]
            for r, row in enumerate(self.rows)
        ]
        return Table(self.key, self.title, self.columns, rows, self.keys, self.sums)

    def suppressed(self) -> Table:
        """This table alone with small counts hidden (primary and secondary)."""
        return suppress_tables([self])[0]

    @property
    def kinds(self) -> list[str]:
        return [k for _label, k in self.columns]

    @property
    def widths(self) -> list[float]:
        """Column widths in per cent, for the PDF's fixed table layout (WeasyPrint's automatic
        layout measures every cell twice): in proportion to the longest word of the heading
        or the longest value, text capped at 32 characters and numbers at 16; the number
        columns of a table equally wide."""
        needs: list[float] = []
        for i, (label, kind) in enumerate(self.columns):
            # In widths of a letter: bold headings and digits are wider; 2 for the padding.
            heading = 1.2 * max((len(w) for w in str(label).split()), default=1)
            value = max(
                (_letters(str(row[i])) for row in self.rows if row[i] is not None), default=1
            )
            needs.append(max(heading, min(value, 32 if kind == TEXT else 16)) + 2)
        numeric = [n for n, kind in zip(needs, self.kinds, strict=True) if kind in NUMERIC]
        if numeric:
            needs = [
                max(numeric) if kind in NUMERIC else n
                for n, kind in zip(needs, self.kinds, strict=True)
            ]
        total = sum(needs)
        return [round(100 * n / total, 1) for n in needs]


def _letters(text: str) -> float:
    return len(text) * (1.15 if text[:1].isdigit() else 1.0)


def category_labels() -> dict[str, str]:
    return {
        "ongoing_at_start": _("Ongoing at the start of the year"),
        "new": _("New during the year"),
        "ended": _("Ended during the year"),
        "waiting_at_year_end": _("On the waiting list at the end of the year"),
        "served": _("Clients during the year, total"),
    }


def band_label(band: str) -> str:
    if band == "unknown":
        return _("Age not known")
    if band == "total":
        return _("Total")
    return _("%(band)s years") % {"band": band.replace("-", "–")}


def gender_columns() -> list[tuple[str, str]]:
    return [(str(Gender(g).label), COUNT) for g in GENDERS] + [(_("Total"), COUNT)]


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


# Keys of figures that several tables show: the served clients by age band and gender.
SERVED_TOTAL: Key = ("served", "total", "total")
ENDED_UPPDRAG: Key = ("end_reasons", "total")


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


def suppress_tables(tables: list[Table]) -> list[Table]:
    """The tables of one document with small counts hidden, decided together: a figure that
    two tables show is hidden in both, and every total any of them shows is respected."""
    cells: dict[Key, int] = {}
    sums: list[Sum] = []
    for table in tables:
        cells.update(table.count_cells())
        sums += table.sums
    hidden = suppress_cells(cells, sums)
    return [t.masked(hidden) for t in tables]


def section_tables(kind: str, figures: dict[str, Any]) -> list[Table]:
    builder = SECTIONS.get(kind)
    return builder(figures) if builder is not None else []


def all_tables(figures: dict[str, Any], *, suppress: bool) -> list[Table]:
    tables = [t for kind in SECTIONS for t in section_tables(kind, figures)]
    return suppress_tables(tables) if suppress else tables
