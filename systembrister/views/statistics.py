"""Statistics per year, CSV exports and the year's PDF summary (small counts suppressed)."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from core.access import requires, verksamhet_of
from core.csvexport import csv_response
from core.http import Request
from core.pdf import pdf_response, render_pdf
from core.query import QueryForm, YearField

from ..filters import RegisterFilter
from ..models import Status
from ..selectors import in_year, register, statistics, total_affected, years
from ..stats import shown_statistics, suppress
from .common import crumbs


class YearQuery(QueryForm):
    ar = YearField()


def _year(request: Request, choices: list[int]) -> int:
    year = YearQuery.read(request)["ar"] or timezone.localdate().year
    return year if year in choices else choices[0]


@requires("systembrist.view")
def statistics_page(request: Request) -> HttpResponse:
    actor = request.actor
    staff = actor.can("figures.exact")
    verksamhet = verksamhet_of(request.actor)
    choices = years(verksamhet=verksamhet)
    year = _year(request, choices)
    stats = shown_statistics(statistics(verksamhet=verksamhet, year=year), staff=staff)
    return render(
        request,
        "systembrister/statistics.html",
        {"stats": stats, "years": choices, "year": year, "staff": staff, "crumbs": crumbs()},
    )


@requires("systembrist.view")
def statistics_csv(request: Request) -> HttpResponse:
    actor = request.actor
    staff = actor.can("figures.exact")
    verksamhet = verksamhet_of(request.actor)
    choices = years(verksamhet=verksamhet)
    year = _year(request, choices)
    stats = shown_statistics(statistics(verksamhet=verksamhet, year=year), staff=staff)
    response, writer = csv_response(f"systembrister-statistik-{year}.csv")
    # The number column stays numeric: a hidden count is empty and the flag says why.
    writer.writerow([_("Year"), _("Grouping"), _("Value"), _("Number"), _("Hidden")])
    total = stats["reported_row"]
    writer.writerow([year, _("Total"), _("Reported"), total["number"], total["hidden"]])
    groups = [
        ("by_status", _("Status")),
        ("by_level", _("Level")),
        ("by_outcome", _("Outcome")),
        ("by_organisation", _("Organisation")),
    ]
    for key, heading in groups:
        for row in stats[key]:
            writer.writerow([year, heading, row["label"], row["number"], row["hidden"]])
    return response


@requires("systembrist.view")
def register_csv(request: Request) -> HttpResponse:
    """The register as filtered, one row per report (client counts masked outside the staff)."""
    actor = request.actor
    staff = actor.can("figures.exact")
    verksamhet = verksamhet_of(request.actor)
    filterset = RegisterFilter(request.GET or None, queryset=register(actor), verksamhet=verksamhet)
    response, writer = csv_response("systembrister.csv")
    writer.writerow(
        [
            _("Report number"),
            _("Title"),
            _("Status"),
            _("Level"),
            _("Life area"),
            _("Responsible organisations"),
            _("Clients affected"),
            _("Clients affected – hidden"),
            _("First observed"),
            _("Submitted"),
            _("Outcome"),
            _("Answer due"),
        ]
    )
    for r in filterset.qs:
        affected = total_affected(r)
        shown = suppress(affected, staff=staff)
        hidden = shown != affected  # the count column stays numeric: empty, with the flag
        writer.writerow(
            [
                r.pk,
                r.title,
                r.get_status_display(),
                r.get_level_display(),
                r.get_life_area_display(),
                ", ".join(o.name for o in r.organisations.all()),
                None if hidden else affected,
                shown if hidden else "",
                f"{r.first_observed:%Y-%m-%d}",
                f"{r.submitted_at:%Y-%m-%d}" if r.submitted_at else "",
                r.get_outcome_display() if r.outcome else "",
                f"{r.answer_due:%Y-%m-%d}" if r.answer_due else "",
            ]
        )
    return response


@requires("systembrist.view")
def year_pdf(request: Request) -> HttpResponse:
    """The year's systembrister for the ledningsgrupp and the redovisning."""
    actor = request.actor
    staff = actor.can("figures.exact")
    verksamhet = verksamhet_of(request.actor)
    choices = years(verksamhet=verksamhet)
    year = _year(request, choices)
    stats = shown_statistics(statistics(verksamhet=verksamhet, year=year), staff=staff)
    reports = [
        {"report": r, "affected": suppress(total_affected(r), staff=staff)}
        for r in register(actor)
        .filter(in_year(year))
        .exclude(status__in=(Status.DRAFT, Status.MERGED))
        .prefetch_related("answers__organisation")
        .order_by("submitted_at", "pk")
    ]
    title = _("Systembrister %(year)s") % {"year": year}
    data = render_pdf(
        "systembrister/pdf/year.html",
        {
            "stats": stats,
            "reports": reports,
            "year": year,
            "verksamhet": verksamhet,
            "generated": timezone.localdate(),
        },
        title=title,
    )
    return pdf_response(data, f"systembrister-{year}.pdf")
