"""Every transition through the services: allowed ones write an event, refused ones explain why."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ledningsgrupp.services import agenda_systembrist_add
from systembrister import services
from systembrister.models import EventKind, Status, Systembrist
from tests.systembrister.conftest import TODAY, make_draft

pytestmark = pytest.mark.django_db


def kinds(report: Systembrist) -> list[str]:
    return list(report.events.order_by("at", "pk").values_list("kind", flat=True))


def refused(exc: pytest.ExceptionInfo[ValidationError]) -> str:
    return " ".join(exc.value.messages)


# --- drafting and submitting ---------------------------------------------------------------


def test_create_keeps_a_draft_with_the_author_in_history(world, draft) -> None:  # type: ignore[no-untyped-def]
    assert draft.status == Status.DRAFT
    assert draft.reporter == world.ombud_anna
    assert kinds(draft) == [EventKind.CREATED]
    assert draft.history.first().history_user == world.ombud_anna


def test_create_is_stopped_by_the_guard_per_field(world) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as exc:
        make_draft(world, examples="Klienten 19850412-1234 fick avslag.")
    assert "19850412-1234" in exc.value.message_dict["examples"][0]
    assert not Systembrist.objects.exists()


def test_create_refuses_missing_organisation_and_zero_clients(world) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as exc:
        make_draft(world, orgs=(), n=0)
    assert set(exc.value.message_dict) == {"organisations", "clients_affected"}


def test_only_an_ombud_creates(world) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        make_draft(world, by=world.member_fk)


def test_update_own_draft_with_version_check(world, draft) -> None:  # type: ignore[no-untyped-def]
    from core.concurrency import StaleEdit

    fields = {
        "title": "Väntetider på sjukersättning",
        "description": draft.description,
        "level": draft.level,
        "organisations": [world.orgs["fk"], world.orgs["af"]],
        "life_area": draft.life_area,
        "clients_affected": 5,
        "first_observed": draft.first_observed,
    }
    updated = services.systembrist_update(
        report=draft, by=world.ombud_anna, expected_version=draft.version, **fields
    )
    assert updated.title == "Väntetider på sjukersättning"
    assert updated.organisations.count() == 2
    with pytest.raises(StaleEdit):
        services.systembrist_update(
            report=draft, by=world.ombud_anna, expected_version=draft.version, **fields
        )
    with pytest.raises(PermissionDenied):
        services.systembrist_update(
            report=updated, by=world.ombud_omar, expected_version=updated.version, **fields
        )


def test_submit(world, submitted) -> None:  # type: ignore[no-untyped-def]
    assert submitted.status == Status.SUBMITTED
    assert submitted.submitted_at is not None
    assert kinds(submitted)[-1] == EventKind.SUBMITTED


def test_submit_refused_twice_and_for_others(world, submitted) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as exc:
        services.systembrist_submit(report=submitted, by=world.ombud_anna)
    assert "Bara utkast" in refused(exc)
    with pytest.raises(PermissionDenied):
        services.systembrist_submit(report=submitted, by=world.ombud_omar)


def test_edit_refused_after_submit(world, submitted) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError):
        services.systembrist_update(
            report=submitted,
            by=world.ombud_anna,
            expected_version=submitted.version,
            title="x",
            description="y",
            level=submitted.level,
            organisations=[world.orgs["fk"]],
            life_area=submitted.life_area,
            clients_affected=1,
            first_observed=submitted.first_observed,
        )


# --- supports ------------------------------------------------------------------------------


def test_support_adds_up_once_per_ombud(world, submitted) -> None:  # type: ignore[no-untyped-def]
    services.systembrist_support(report=submitted, by=world.ombud_omar, clients_affected=4)
    assert submitted.supports.get().clients_affected == 4
    assert kinds(submitted)[-1] == EventKind.SUPPORTED
    with pytest.raises(ValidationError) as exc:
        services.systembrist_support(report=submitted, by=world.ombud_omar, clients_affected=1)
    assert "redan" in refused(exc)
    with pytest.raises(ValidationError):
        services.systembrist_support(report=submitted, by=world.ombud_anna, clients_affected=1)
    with pytest.raises(PermissionDenied):
        services.systembrist_support(report=submitted, by=world.member_fk, clients_affected=1)


def test_support_refused_on_draft_and_closed(world, closed) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError):
        services.systembrist_support(report=closed, by=world.ombud_omar, clients_affected=1)
    with pytest.raises(ValidationError):
        services.systembrist_support(
            report=make_draft(world), by=world.ombud_omar, clients_affected=1
        )


# --- review --------------------------------------------------------------------------------


def test_return_with_comment_then_resubmit(world, submitted) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as exc:
        services.systembrist_return(report=submitted, by=world.lead_lars, comment="")
    assert "comment" in exc.value.message_dict
    returned = services.systembrist_return(
        report=submitted, by=world.lead_lars, comment="Beskriv hur ofta det händer."
    )
    assert returned.status == Status.RETURNED
    assert returned.events.last().comment == "Beskriv hur ofta det händer."
    again = services.systembrist_submit(report=returned, by=world.ombud_anna)
    assert again.status == Status.SUBMITTED


def test_return_comment_is_guarded(world, submitted) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as exc:
        services.systembrist_return(
            report=submitted, by=world.lead_lars, comment="Ring mig på 070-123 45 67."
        )
    assert "070-123 45 67" in exc.value.message_dict["comment"][0]


def test_review_is_the_leads(world, submitted) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        services.systembrist_accept(report=submitted, by=world.ombud_omar)
    with pytest.raises(PermissionDenied):
        services.systembrist_return(report=submitted, by=world.member_fk, comment="x")


def test_accept(world, accepted) -> None:  # type: ignore[no-untyped-def]
    assert accepted.status == Status.ACCEPTED
    assert kinds(accepted)[-1] == EventKind.ACCEPTED


def test_accept_refused_for_a_draft(world) -> None:  # type: ignore[no-untyped-def]
    report = make_draft(world)
    with pytest.raises(ValidationError) as exc:
        services.systembrist_accept(report=report, by=world.lead_lars)
    assert "inskickade" in refused(exc)


def test_merge_moves_counts_and_supports(world, accepted) -> None:  # type: ignore[no-untyped-def]
    duplicate = services.systembrist_submit(
        report=make_draft(world, by=world.ombud_omar, orgs=("fk", "af"), n=2),
        by=world.ombud_omar,
    )
    services.systembrist_support(report=duplicate, by=world.ombud_anna, clients_affected=1)
    target = services.systembrist_merge(report=duplicate, into=accepted, by=world.lead_lars)
    duplicate.refresh_from_db()
    assert duplicate.status == Status.MERGED and duplicate.merged_into == target
    # Anna reported the target (3) and supported the duplicate (+1); Omar brings 2.
    assert target.clients_affected == 3 + 1
    assert {s.ombud: s.clients_affected for s in target.supports.all()} == {world.ombud_omar: 2}
    assert not duplicate.supports.exists()
    assert set(target.organisations.values_list("name", flat=True)) == {
        "Försäkringskassan",
        "Arbetsförmedlingen",
    }
    assert kinds(target)[-1] == EventKind.MERGED and kinds(duplicate)[-1] == EventKind.MERGED


def test_merge_refused(world, accepted) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError):
        services.systembrist_merge(report=accepted, into=accepted, by=world.lead_lars)
    other = services.systembrist_submit(report=make_draft(world), by=world.ombud_anna)
    with pytest.raises(ValidationError):  # a draft cannot take a duplicate
        services.systembrist_merge(report=other, into=make_draft(world), by=world.lead_lars)
    with pytest.raises(PermissionDenied):
        services.systembrist_merge(report=other, into=accepted, by=world.ombud_anna)


# --- agenda, answers, closing ---------------------------------------------------------------


def test_put_on_agenda(world, on_agenda, meeting) -> None:  # type: ignore[no-untyped-def]
    assert on_agenda.status == Status.ON_AGENDA and on_agenda.meeting == meeting
    assert kinds(on_agenda)[-1] == EventKind.ON_AGENDA


def test_put_on_agenda_refused_for_submitted(world, submitted, meeting) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError):
        services.systembrist_put_on_agenda(report=submitted, meeting=meeting, by=world.lead_lars)


def test_send_for_answer(world, awaiting) -> None:  # type: ignore[no-untyped-def]
    assert awaiting.status == Status.AWAITING_ANSWER
    event = awaiting.events.last()
    assert event.kind == EventKind.SENT_FOR_ANSWER and "Försäkringskassan" in event.comment


def test_send_for_answer_refused(world, on_agenda) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as exc:
        services.systembrist_send_for_answer(report=on_agenda, by=world.lead_lars, answer_due=TODAY)
    assert "answer_due" in exc.value.message_dict
    other = services.systembrist_accept(
        report=services.systembrist_submit(report=make_draft(world), by=world.ombud_anna),
        by=world.lead_lars,
    )
    with pytest.raises(ValidationError):
        services.systembrist_send_for_answer(
            report=other, by=world.lead_lars, answer_due=TODAY + datetime.timedelta(days=9)
        )


def test_answers_from_every_organisation_make_it_answered(world, meeting) -> None:  # type: ignore[no-untyped-def]
    report = make_draft(world, orgs=("fk", "af"))
    report = services.systembrist_submit(report=report, by=world.ombud_anna)
    report = services.systembrist_accept(report=report, by=world.lead_lars)
    report = agenda_systembrist_add(meeting=meeting, report=report, by=world.lead_lars)
    report = services.systembrist_send_for_answer(
        report=report, by=world.lead_lars, answer_due=TODAY + datetime.timedelta(days=5)
    )
    services.systembrist_answer(
        report=report,
        by=world.member_fk,
        organisation=world.orgs["fk"],
        text="Vi inför en särskild kontaktväg för personligt ombud.",
        planned_action="Kontaktperson utses",
        planned_by=TODAY + datetime.timedelta(days=60),
    )
    report.refresh_from_db()
    assert report.status == Status.AWAITING_ANSWER
    services.systembrist_answer(
        report=report,
        by=world.member_af,
        organisation=world.orgs["af"],
        text="Vi ser över rutinen.",
    )
    report.refresh_from_db()
    assert report.status == Status.ANSWERED
    assert kinds(report)[-2:] == [EventKind.ANSWERED, EventKind.ANSWERED]


def test_answer_refused(world, awaiting) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):  # not a member of the organisation
        services.systembrist_answer(
            report=awaiting, by=world.member_af, organisation=world.orgs["fk"], text="x"
        )
    with pytest.raises(ValidationError):  # AF is not responsible
        services.systembrist_answer(
            report=awaiting, by=world.member_af, organisation=world.orgs["af"], text="x"
        )
    with pytest.raises(ValidationError) as exc:  # empty answer
        services.systembrist_answer(
            report=awaiting, by=world.member_fk, organisation=world.orgs["fk"], text=""
        )
    assert "text" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:  # guard
        services.systembrist_answer(
            report=awaiting,
            by=world.member_fk,
            organisation=world.orgs["fk"],
            text="Handläggaren nås på fk.handlaggare@forsakringskassan.se.",
        )
    assert "text" in exc.value.message_dict


def test_close_with_outcome_and_conclusion(world, closed) -> None:  # type: ignore[no-untyped-def]
    assert closed.status == Status.CLOSED and closed.outcome == "no_action"
    assert closed.closed_at is not None
    assert kinds(closed)[-1] == EventKind.CLOSED


def test_close_refused(world, awaiting) -> None:  # type: ignore[no-untyped-def]
    fresh = services.systembrist_submit(report=make_draft(world), by=world.ombud_anna)
    with pytest.raises(ValidationError):
        services.systembrist_close(
            report=fresh, by=world.lead_lars, outcome="resolved", conclusion="Klart."
        )
    with pytest.raises(ValidationError) as exc:
        services.systembrist_close(report=awaiting, by=world.lead_lars, outcome="", conclusion="")
    assert set(exc.value.message_dict) == {"outcome", "conclusion"}
    with pytest.raises(PermissionDenied):
        services.systembrist_close(
            report=awaiting, by=world.member_fk, outcome="resolved", conclusion="Klart."
        )


def test_forward_after_close(world, closed, awaiting) -> None:  # type: ignore[no-untyped-def]
    report = services.systembrist_forward(
        report=closed, by=world.lead_lars, to="lansstyrelsen", forwarded_on=TODAY
    )
    assert report.forwarded_to == "Länsstyrelsen" and report.forwarded_on == TODAY
    assert kinds(report)[-1] == EventKind.FORWARDED
    with pytest.raises(ValidationError):  # only once
        services.systembrist_forward(
            report=report, by=world.lead_lars, to="regional", forwarded_on=TODAY
        )


def test_forward_refused_before_close_and_in_the_future(world, awaiting) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError):
        services.systembrist_forward(
            report=awaiting, by=world.lead_lars, to="regional", forwarded_on=TODAY
        )


def test_record_decision_writes_an_event(world, on_agenda) -> None:  # type: ignore[no-untyped-def]
    services.systembrist_record_decision(
        report=on_agenda, by=world.lead_lars, decision="Skickas till FK för svar.", reference="§ 4"
    )
    event = on_agenda.events.last()
    assert (event.kind, event.reference) == (EventKind.DECISION, "§ 4")
