"""Needs, the action plan with goals and steps, and manual tasks."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import save
from core.choices import LifeArea

from ..models import ActionPlan, Client, Goal, Need, SipStatus, Step, StepStatus, Task
from ._common import apply_edit, check_organisation

NEED_FIELDS = {"life_area", "description", "priority", "status"}
PLAN_FIELDS = {"follow_up", "sip_status", "sip_date", "sip_with", "agreement_text"}
GOAL_FIELDS = {"description", "achieved", "order"}
STEP_FIELDS = {"description", "organisation", "responsible_text", "due", "status", "outcome"}
TASK_FIELDS = {"title", "due"}


def _known(fields: Iterable[str], allowed: set[str], what: str) -> None:
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"unknown {what} fields {sorted(unknown)}")


def _validate_need(need: Need) -> None:
    if need.life_area not in LifeArea.values:
        raise ValidationError({"life_area": _("Choose a life area.")})
    if not (need.description or "").strip():
        raise ValidationError({"description": _("Write the need in the client's own words.")})
    if not 1 <= int(need.priority or 0) <= 5:
        raise ValidationError({"priority": _("The priority is a number from 1 to 5.")})


@transaction.atomic
def need_create(*, client: Client, by: Any, **fields: Any) -> Need:
    _known(fields, NEED_FIELDS, "need")
    need = Need(client=client, **fields)
    _validate_need(need)
    save(need, by=by)
    return need


@transaction.atomic
def need_update(*, need: Need, by: Any, version: int | None, **changes: Any) -> Need:
    _known(changes, NEED_FIELDS, "need")
    apply_edit(need, by=by, version=version, changes=changes)
    _validate_need(need)
    save(need, by=by)
    return need


@transaction.atomic
def plan_for(*, client: Client, by: Any) -> ActionPlan:
    """The client's action plan, created empty the first time."""
    plan = ActionPlan.objects.filter(client=client).first()
    if plan is None:
        plan = ActionPlan(client=client)
        save(plan, by=by)
    return plan


@transaction.atomic
def plan_update(*, plan: ActionPlan, by: Any, version: int | None, **changes: Any) -> ActionPlan:
    _known(changes, PLAN_FIELDS, "plan")
    apply_edit(plan, by=by, version=version, changes=changes)
    if plan.sip_status == SipStatus.HELD and plan.sip_date is None:
        raise ValidationError({"sip_date": _("Give the date the SIP meeting was held.")})
    if plan.sip_status == SipStatus.NONE:
        plan.sip_date = None
    save(plan, by=by)
    return plan


def _check_needs(needs: Iterable[Need], client_id: int) -> list[Need]:
    needs = list(needs)
    if any(n.client_id != client_id for n in needs):
        raise ValidationError({"needs": _("Choose needs of this client.")})
    return needs


@transaction.atomic
def goal_create(
    *, plan: ActionPlan, by: Any, description: str, needs: Iterable[Need] = (), **fields: Any
) -> Goal:
    _known(fields, GOAL_FIELDS, "goal")
    linked = _check_needs(needs, plan.client_id)
    if not description.strip():
        raise ValidationError({"description": _("Write the goal in the client's own words.")})
    goal = Goal(plan=plan, description=description.strip(), **fields)
    save(goal, by=by)
    goal.needs.set(linked)
    return goal


@transaction.atomic
def goal_update(
    *,
    goal: Goal,
    by: Any,
    version: int | None,
    needs: Iterable[Need] | None = None,
    **changes: Any,
) -> Goal:
    _known(changes, GOAL_FIELDS, "goal")
    apply_edit(goal, by=by, version=version, changes=changes)
    if not (goal.description or "").strip():
        raise ValidationError({"description": _("Write the goal in the client's own words.")})
    save(goal, by=by)
    if needs is not None:
        goal.needs.set(_check_needs(needs, goal.plan.client_id))
    return goal


def _validate_step(step: Step, verksamhet_id: int) -> None:
    if not (step.description or "").strip():
        raise ValidationError({"description": _("Describe the step.")})
    check_organisation(step.organisation, verksamhet_id, "organisation")
    if step.organisation is None and not (step.responsible_text or "").strip():
        raise ValidationError(
            {"organisation": _("Say who is responsible: an organisation, or write who.")}
        )
    if step.status in (StepStatus.DONE, StepStatus.NOT_DONE) and not (step.outcome or "").strip():
        raise ValidationError({"outcome": _("Write what came of the step.")})


@transaction.atomic
def step_create(*, goal: Goal, by: Any, **fields: Any) -> Step:
    _known(fields, STEP_FIELDS, "step")
    step = Step(goal=goal, **fields)
    _validate_step(step, goal.plan.client.verksamhet_id)
    save(step, by=by)
    return step


@transaction.atomic
def step_update(*, step: Step, by: Any, version: int | None, **changes: Any) -> Step:
    _known(changes, STEP_FIELDS, "step")
    apply_edit(step, by=by, version=version, changes=changes)
    _validate_step(step, step.goal.plan.client.verksamhet_id)
    save(step, by=by)
    return step


@transaction.atomic
def task_create(
    *, owner: Any, by: Any, title: str, due: Any = None, client: Client | None = None
) -> Task:
    if not title.strip():
        raise ValidationError({"title": _("Write what is to be done.")})
    task = Task(owner=owner, client=client, title=title.strip(), due=due)
    save(task, by=by)
    return task


@transaction.atomic
def task_done(*, task: Task, by: Any) -> Task:
    task = Task.objects.select_for_update().get(pk=task.pk)
    if task.done_at is None:
        task.done_at = timezone.now()
        task.version += 1
        save(task, by=by)
    return task
