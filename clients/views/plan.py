"""Needs and the action plan (goals, steps, follow-up, SIP); the printable plan and agreement."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from core.access import verksamhet_of
from core.forms import form_page, submit
from core.http import Request
from core.pdf import pdf_response, render_pdf

from .. import services
from ..forms import GoalForm, NeedForm, PlanForm, StepForm
from ..models import ActionPlan, Goal, Need, Step
from ..selectors import client_for
from ..selectors.detail import needs, plan, responsible_on, uppdrag_periods
from ._base import client_page, client_view, crumbs, without


@client_view(what="plan")
def plan_page(request: Request, pk: int) -> HttpResponse:
    client = client_for(actor=request.actor, pk=pk)
    return client_page(
        request,
        "clients/plan.html",
        client,
        tab="plan",
        today=request.actor.today,
        needs=needs(client),
        plan=plan(client),
    )


@client_view
def need_create(request: Request, pk: int) -> HttpResponse:
    client = client_for(actor=request.actor, pk=pk, write=True)
    form = NeedForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda d: services.need_create(client=client, by=request.user, **without(d, "version")),
    )
    if done is not None:
        messages.success(request, _("The need is recorded."))
        return redirect("clients:plan", pk=client.pk)
    return form_page(
        request,
        form,
        title=_("New need"),
        crumbs=crumbs(client),
        cancel_url=reverse("clients:plan", args=[client.pk]),
        intro=_("Write the need as the client says it."),
    )


@client_view
def need_edit(request: Request, pk: int, npk: int) -> HttpResponse:
    client = client_for(actor=request.actor, pk=pk, write=True)
    need = get_object_or_404(Need, pk=npk, client=client)
    form = NeedForm(request.POST or None, instance=need)
    done = submit(
        request,
        form,
        lambda d: services.need_update(
            need=need, by=request.user, version=d.get("version"), **without(d, "version")
        ),
    )
    if done is not None:
        messages.success(request, _("Saved."))
        return redirect("clients:plan", pk=client.pk)
    return form_page(
        request,
        form,
        title=_("Edit need"),
        crumbs=crumbs(client),
        cancel_url=reverse("clients:plan", args=[client.pk]),
    )


@client_view
def plan_edit(request: Request, pk: int) -> HttpResponse:
    client = client_for(actor=request.actor, pk=pk, write=True)
    the_plan = ActionPlan.objects.filter(client=client).first() or ActionPlan(client=client)
    form = PlanForm(request.POST or None, instance=the_plan)

    def save(d: dict[str, Any]) -> ActionPlan:
        target = services.plan_for(client=client, by=request.user)
        version = d.get("version") if the_plan.pk else target.version
        return services.plan_update(
            plan=target, by=request.user, version=version, **without(d, "version")
        )

    done = submit(request, form, save)
    if done is not None:
        messages.success(request, _("Saved."))
        return redirect("clients:plan", pk=client.pk)
    return form_page(
        request,
        form,
        title=_("Follow-up, SIP and agreement"),
        crumbs=crumbs(client),
        cancel_url=reverse("clients:plan", args=[client.pk]),
    )


@client_view
def goal_create(request: Request, pk: int) -> HttpResponse:
    client = client_for(actor=request.actor, pk=pk, write=True)
    form = GoalForm(request.POST or None, client=client)

    def save(d: dict[str, Any]) -> Goal:
        the_plan = services.plan_for(client=client, by=request.user)
        return services.goal_create(plan=the_plan, by=request.user, **without(d, "version"))

    done = submit(request, form, save)
    if done is not None:
        messages.success(request, _("The goal is added."))
        return redirect("clients:plan", pk=client.pk)
    return form_page(
        request,
        form,
        title=_("New goal"),
        crumbs=crumbs(client),
        cancel_url=reverse("clients:plan", args=[client.pk]),
        intro=_("Write the goal in the client's own words, and tick the needs it answers."),
    )


@client_view
def goal_edit(request: Request, pk: int, gpk: int) -> HttpResponse:
    client = client_for(actor=request.actor, pk=pk, write=True)
    goal = get_object_or_404(Goal, pk=gpk, plan__client=client)
    form = GoalForm(request.POST or None, instance=goal, client=client)
    done = submit(
        request,
        form,
        lambda d: services.goal_update(
            goal=goal, by=request.user, version=d.get("version"), **without(d, "version")
        ),
    )
    if done is not None:
        messages.success(request, _("Saved."))
        return redirect("clients:plan", pk=client.pk)
    return form_page(
        request,
        form,
        title=_("Edit goal"),
        crumbs=crumbs(client),
        cancel_url=reverse("clients:plan", args=[client.pk]),
    )


# What the step form holds that is not the step's: its version and the confirmation boxes.
NOT_STEP = ("version", "confirm", "confirm_words")


@client_view
def step_create(request: Request, pk: int, gpk: int) -> HttpResponse:
    client = client_for(actor=request.actor, pk=pk, write=True)
    goal = get_object_or_404(Goal, pk=gpk, plan__client=client)
    form = StepForm(request.POST or None, verksamhet=verksamhet_of(request.actor), client=client)
    done = submit(
        request,
        form,
        lambda d: services.step_create(goal=goal, by=request.user, **without(d, *NOT_STEP)),
    )
    if done is not None:
        messages.success(request, _("The step is added."))
        return redirect("clients:plan", pk=client.pk)
    return form_page(
        request,
        form,
        title=_("New step for: %(goal)s") % {"goal": goal},
        crumbs=crumbs(client),
        cancel_url=reverse("clients:plan", args=[client.pk]),
    )


@client_view
def step_edit(request: Request, pk: int, spk: int) -> HttpResponse:
    client = client_for(actor=request.actor, pk=pk, write=True)
    step = get_object_or_404(Step, pk=spk, goal__plan__client=client)
    form = StepForm(
        request.POST or None,
        instance=step,
        verksamhet=verksamhet_of(request.actor),
        client=client,
    )
    done = submit(
        request,
        form,
        lambda d: services.step_update(
            step=step, by=request.user, version=d.get("version"), **without(d, *NOT_STEP)
        ),
    )
    if done is not None:
        messages.success(request, _("Saved."))
        return redirect("clients:plan", pk=client.pk)
    return form_page(
        request,
        form,
        title=_("Edit step"),
        crumbs=crumbs(client),
        cancel_url=reverse("clients:plan", args=[client.pk]),
    )


@client_view(what="plan pdf", pdf=True)
def plan_pdf(request: Request, pk: int) -> HttpResponse:
    client = client_for(actor=request.actor, pk=pk)
    title = _("My plan")
    data = render_pdf(
        "clients/pdf/plan.html",
        {
            "client": client,
            "needs": needs(client),
            "plan": plan(client),
            "today": request.actor.today,
        },
        title=str(title),
    )
    return pdf_response(data, f"plan-{client.pk}.pdf")


@client_view(what="agreement pdf", pdf=True)
def agreement_pdf(request: Request, pk: int) -> HttpResponse:
    client = client_for(actor=request.actor, pk=pk)
    periods = uppdrag_periods(client)
    latest = periods[0] if periods else None
    assignment = responsible_on(latest, request.actor.today)
    responsible = assignment.ombud if assignment else None
    data = render_pdf(
        "clients/pdf/agreement.html",
        {
            "client": client,
            "plan": plan(client),
            "ombud": responsible or request.user,
            "verksamhet": verksamhet_of(request.actor),
            "today": request.actor.today,
        },
        title=str(_("Agreement between client and personligt ombud")),
    )
    return pdf_response(data, f"overenskommelse-{client.pk}.pdf")
