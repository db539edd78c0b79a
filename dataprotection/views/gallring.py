"""Gallring: the rule, the dry run, and the real run (lead or admin)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.access import requires, verksamhet_of
from core.forms import submit
from core.http import Request
from dataprotection.forms import GallringRuleForm, GallringRunForm
from dataprotection.selectors.gallring import dry_run, rule_for, runs_for
from dataprotection.services import gallring_rule_save, gallring_run


@requires("dataprotection.view", write="gallring.run")
def gallring(request: Request) -> HttpResponse:
    """GET: what would go today (dry run). POST with confirmation: carry it out."""
    verksamhet = verksamhet_of(request.actor)
    form = GallringRunForm(request.POST or None)
    run = submit(request, form, lambda data: gallring_run(verksamhet=verksamhet, by=request.user))
    if run is not None:
        messages.success(
            request,
            _("Gallring carried out: %(clients)s clients reduced, %(log)s access-log rows removed.")
            % {"clients": run.clients, "log": run.counts.get("access_log", 0)},
        )
        return redirect("dataprotection:gallring")
    return render(
        request,
        "dataprotection/gallring.html",
        {"dry": dry_run(verksamhet), "runs": runs_for(verksamhet), "form": form},
    )


@requires("dataprotection.view", write="gallring.run")
def gallring_rule(request: Request) -> HttpResponse:
    verksamhet = verksamhet_of(request.actor)
    rule = rule_for(verksamhet)
    initial = {
        "years_after_end": rule.years_after_end,
        "access_log_years": rule.access_log_years,
        "decision": rule.decision,
        "version": rule.version if rule.pk else None,
    }
    form = GallringRuleForm(request.POST or None, initial=initial)
    saved = submit(
        request,
        form,
        lambda data: gallring_rule_save(
            verksamhet=verksamhet,
            by=request.user,
            years_after_end=data["years_after_end"],
            access_log_years=data["access_log_years"],
            decision=data["decision"],
            expected_version=data.get("version"),
        ),
    )
    if saved is not None:
        messages.success(request, _("The gallring rule is saved."))
        return redirect("dataprotection:gallring")
    return render(request, "dataprotection/gallring_rule.html", {"form": form, "rule": rule})
