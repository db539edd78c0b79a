"""Needs, plan, goals, steps and tasks."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from clients import services
from clients.models import StepStatus
from tests.clients.factories import client_of, today


def test_needs_goals_and_steps(world, annas_client) -> None:
    by = world.ombud_anna
    need = services.need_create(
        client=annas_client, by=by, life_area="boende", description="Eget boende", priority=1
    )
    with pytest.raises(ValidationError):
        services.need_create(
            client=annas_client, by=by, life_area="boende", description="x", priority=9
        )
    services.need_update(need=need, by=by, version=1, status="addressed")
    plan = services.plan_for(client=annas_client, by=by)
    assert services.plan_for(client=annas_client, by=by).pk == plan.pk
    goal = services.goal_create(plan=plan, by=by, description="Egen lägenhet", needs=[need])
    assert list(goal.needs.all()) == [need]
    other_need = services.need_create(
        client=client_of(world, by), by=by, life_area="ekonomi", description="x", priority=2
    )
    with pytest.raises(ValidationError):
        services.goal_create(plan=plan, by=by, description="Fel", needs=[other_need])
    with pytest.raises(ValidationError) as exc:
        services.step_create(goal=goal, by=by, description="Ansöka", due=today())
    assert "organisation" in exc.value.message_dict
    step = services.step_create(
        goal=goal, by=by, description="Ansöka", organisation=world.orgs["fk"], due=today()
    )
    with pytest.raises(ValidationError) as exc:
        services.step_update(step=step, by=by, version=1, status=StepStatus.DONE)
    assert "outcome" in exc.value.message_dict
    services.step_update(step=step, by=by, version=1, status=StepStatus.DONE, outcome="Beviljat")
    with pytest.raises(ValidationError):
        services.plan_update(plan=plan, by=by, version=1, sip_status="held")
    services.plan_update(plan=plan, by=by, version=1, sip_status="held", sip_date=today())
    services.goal_update(goal=goal, by=by, version=1, achieved=True, needs=[])
    assert goal.needs.count() == 0


def test_tasks(world) -> None:
    with pytest.raises(ValidationError):
        services.task_create(owner=world.ombud_anna, by=world.ombud_anna, title=" ")
    task = services.task_create(owner=world.ombud_anna, by=world.ombud_anna, title="Ring FK")
    services.task_done(task=task, by=world.ombud_anna)
    task.refresh_from_db()
    assert task.done_at is not None
