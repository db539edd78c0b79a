"""Gallring: the rule, the dry run, and the real run (lead or admin)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.access import requires_roles
from core.concurrency import StaleEdit
from core.models import Role
from dataprotection.forms import GallringRuleForm, GallringRunForm, show_errors
from dataprotection.selectors.gallring import dry_run, rule_for, runs_for
from dataprotection.services import gallring_rule_save, gallring_run


@requires_roles(Role.LEAD, Role.ADMIN)
def gallring(request: HttpRequest) -> HttpResponse:
    """GET: what would go today (dry run). POST with confirmation: carry it out."""
    verksamhet = request.verksamhet  # type: ignore[attr-defined]
    form = GallringRunForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        run = gallring_run(verksamhet=verksamhet, by=request.user)
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


@requires_roles(Role.LEAD, Role.ADMIN)
def gallring_rule(request: HttpRequest) -> HttpResponse:
    verksamhet = request.verksamhet  # type: ignore[attr-defined]
    rule = rule_for(verksamhet)
    initial = {
        "years_after_end": rule.years_after_end,
        "access_log_years": rule.access_log_years,
        "decision": rule.decision,
        "version": rule.version if rule.pk else None,
    }
    form = GallringRuleForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            gallring_rule_save(
                verksamhet=verksamhet,
                by=request.user,
                years_after_end=data["years_after_end"],
                access_log_years=data["access_log_years"],
                decision=data["decision"],
                expected_version=data.get("version"),
            )
        except StaleEdit as exc:
            form.show_conflict(exc.current)
        except ValidationError as exc:
            show_errors(form, exc)
        else:
            messages.success(request, _("The gallring rule is saved."))
            return redirect("dataprotection:gallring")
    return render(request, "dataprotection/gallring_rule.html", {"form": form, "rule": rule})
