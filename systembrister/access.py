"""What one report decides about who may act on it (the object rules of core/access.py).

Which roles hold each capability is written in ``core.access.CAPABILITIES``; here is what
the report itself adds. The rules read the report's prefetched ``supports`` and
``organisations`` (``selectors.report_for``), so asking them costs no query on the report page.
Imported by SystembristerConfig.ready().
"""

from __future__ import annotations

from core.access import Actor, object_rule

from .models import Systembrist
from .services.reports import EDITABLE, SUPPORTABLE


@object_rule("systembrist.report")
def submits_own_report(actor: Actor, report: Systembrist) -> bool:
    """Only the ombud who wrote the report submits it (the service refuses a wrong status)."""
    return report.reporter_id == actor.user.pk


@object_rule("systembrist.edit")
def edits_own_draft(actor: Actor, report: Systembrist) -> bool:
    """The reporter edits their own draft, or a report sent back to them."""
    return report.reporter_id == actor.user.pk and report.status in EDITABLE


@object_rule("systembrist.support")
def supports_another_ombuds_report(actor: Actor, report: Systembrist) -> bool:
    """Another ombud who has seen the same failure adds their clients, once, while the
    report is open."""
    return (
        report.reporter_id != actor.user.pk
        and report.status in SUPPORTABLE
        and not any(s.ombud_id == actor.user.pk for s in report.supports.all())
    )


@object_rule("systembrist.answer")
def answers_for_a_responsible_organisation(actor: Actor, report: Systembrist) -> bool:
    """A member answers for their own organisation, and only when it is responsible."""
    organisation = actor.organisation
    return organisation is not None and any(
        o.pk == organisation.pk for o in report.organisations.all()
    )
