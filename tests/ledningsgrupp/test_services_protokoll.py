"""§ numbering across meetings and years, justering, and the lock after it."""

from __future__ import annotations

import datetime
import subprocess

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledningsgrupp import services
from ledningsgrupp.models import MeetingStatus, Paragraph, RefusedEdit, Signature
from systembrister.models import Event, EventKind
from systembrister.models import Status as SBStatus

from .conftest import all_present, make_group, make_systembrist
from .factories import AttendanceFactory, MeetingFactory


def _setup(protokoll, lg, by):
    all_present(protokoll.meeting, lg)
    return services.protokoll_setup(
        protokoll=protokoll,
        by=by,
        expected_version=protokoll.version,
        chair=lg.chair,
        secretary=lg.secretary,
        justerare=lg.justerare,
    )


def test_numbers_run_on_across_meetings_and_restart_each_year(world, lg, lead_lars):
    feb, may, jan_next = (
        MeetingFactory(ledningsgrupp=lg.group, date=datetime.date(2025, m, d))
        for m, d in ((2, 3), (5, 12), (1, 20))
    )
    jan_next.date = datetime.date(2026, 1, 20)
    jan_next.save()
    numbers = []
    for meeting, titles in ((feb, "abc"), (may, "de"), (jan_next, "fg")):
        for t in titles:
            p = services.paragraph_add(meeting=meeting, by=lead_lars, title=t)
            numbers.append((p.year, p.number))
    assert numbers == [(2025, 1), (2025, 2), (2025, 3), (2025, 4), (2025, 5), (2026, 1), (2026, 2)]
    assert [str(p) for p in Paragraph.objects.filter(protokoll__meeting=may)] == [
        "§ 4/2025 d",
        "§ 5/2025 e",
    ]


def test_numbering_is_per_ledningsgrupp(world, lg, lead_lars, outsider_olle):
    from .factories import LedningsgruppFactory

    other = LedningsgruppFactory(verksamhet=world.other_verksamhet)
    services.paragraph_add(meeting=MeetingFactory(ledningsgrupp=lg.group), by=lead_lars, title="a")
    p = services.paragraph_add(
        meeting=MeetingFactory(ledningsgrupp=other), by=outsider_olle, title="b"
    )
    assert (p.year, p.number) == (2025, 1)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    plan=st.lists(
        st.tuples(st.sampled_from([2024, 2025, 2026]), st.integers(min_value=0, max_value=3)),
        min_size=1,
        max_size=12,
    )
)
@pytest.mark.django_db
def test_property_numbers_are_gapless_and_unique_per_year(world, plan):
    """Whatever order paragraphs are added in, across any meetings, each year reads 1..n."""
    Paragraph.objects.all().delete()
    lg = make_group(world) if not hasattr(world, "_lg") else world._lg
    world.__dict__["_lg"] = lg
    meetings: dict[tuple[int, int], object] = {}
    by = world.users["lead_lars"]
    expected: dict[int, int] = {}
    for year, slot in plan:
        key = (year, slot)
        if key not in meetings:
            meetings[key] = MeetingFactory(
                ledningsgrupp=lg.group, date=datetime.date(year, 1 + 3 * slot, 15)
            )
        p = services.paragraph_add(meeting=meetings[key], by=by, title=f"{year}-{slot}")
        expected[year] = expected.get(year, 0) + 1
        assert (p.year, p.number) == (year, expected[year])
    for year, count in expected.items():
        numbers = sorted(
            Paragraph.objects.filter(ledningsgrupp=lg.group, year=year).values_list(
                "number", flat=True
            )
        )
        assert numbers == list(range(1, count + 1))
    Paragraph.objects.all().delete()
    from ledningsgrupp.models import Protokoll

    Protokoll.objects.all().delete()


def test_justering_locks_stores_pdf_and_refuses_later_edits(
    world, lg, lead_lars, member_fk, member_af
):
    meeting = MeetingFactory(ledningsgrupp=lg.group)
    AttendanceFactory(meeting=meeting, representative=lg.chair)
    report = make_systembrist(world, status=SBStatus.ON_AGENDA, meeting=meeting)
    p = services.paragraph_add(
        meeting=meeting,
        by=lead_lars,
        title="Bostadstillägg",
        decision="FK återkommer med svar.",
        systembrister=[report],
    )
    decision = Event.objects.get(systembrist=report, kind=EventKind.DECISION)
    assert decision.reference == "§ 1/2025" and decision.comment == "FK återkommer med svar."
    protokoll = _setup(p.protokoll, lg, lead_lars)

    with pytest.raises(ValidationError, match="justerare"):
        services.protokoll_sign(protokoll=protokoll, by=lead_lars)
    services.protokoll_sign(protokoll=protokoll, by=member_fk)
    protokoll.refresh_from_db()
    assert protokoll.locked_at is None
    with pytest.raises(ValidationError, match="redan signerat"):
        services.protokoll_sign(protokoll=protokoll, by=member_fk)
    services.protokoll_sign(protokoll=protokoll, by=member_af)
    protokoll.refresh_from_db()
    meeting.refresh_from_db()

    assert protokoll.locked_at is not None
    assert meeting.status == MeetingStatus.HELD
    assert set(protokoll.signatures.values_list("kind", flat=True)) == {
        Signature.Kind.CHAIR,
        Signature.Kind.JUSTERARE,
    }
    # The PDF is stored in the database, its SHA-256 beside it and on the protokoll.
    document = protokoll.document
    data = bytes(document.content)
    assert data.startswith(b"%PDF")
    import hashlib

    assert hashlib.sha256(data).hexdigest() == protokoll.pdf_sha256 == document.sha256
    assert document.size == len(data) and document.kind == "protokoll"
    assert document.verksamhet_id == meeting.ledningsgrupp.verksamhet_id
    assert len(protokoll.sha256) == 64
    # The justering table: who signed, under a plain "Signerat" heading.
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()
    heading = next(line for line in text.splitlines() if "Roll" in line and "Namn" in line)
    assert heading.split() == ["Roll", "Namn", "Signerat"]
    assert "Signerat i Ombud" not in text

    p.refresh_from_db()
    with pytest.raises(ValidationError, match="justerat och låst"):
        services.paragraph_update(
            paragraph=p, by=lead_lars, expected_version=p.version, title="Ändrad"
        )
    with pytest.raises(ValidationError, match="justerat och låst"):
        services.paragraph_add(meeting=meeting, by=lead_lars, title="Ny")
    with pytest.raises(ValidationError, match="justerat och låst"):
        services.attendance_record(meeting=meeting, by=lead_lars, rows=[(lg.chair, "absent", "")])
    p.refresh_from_db()
    assert p.title == "Bostadstillägg"
    assert Paragraph.objects.filter(protokoll=protokoll).count() == 1
    refused = list(RefusedEdit.objects.filter(protokoll=protokoll).order_by("at"))
    assert [r.by for r in refused] == [lead_lars] * 3
    assert "§ 1/2025" in refused[0].attempted
    # The refusal is in the change history with its author.
    assert RefusedEdit.history.filter(history_user=lead_lars).count() == 3


def test_chair_and_justerare_must_differ_and_have_logins(world, lg, lead_lars):
    meeting = MeetingFactory(ledningsgrupp=lg.group)
    protokoll = services.protokoll_for_meeting(meeting=meeting, by=lead_lars)
    loaded = protokoll.version
    with pytest.raises(ValidationError) as exc:
        all_present(protokoll.meeting, lg)
        services.protokoll_setup(
            protokoll=protokoll,
            by=lead_lars,
            expected_version=loaded,
            chair=lg.chair,
            secretary=None,
            justerare=lg.secretary,  # a name without login
        )
    assert "justerare" in exc.value.error_dict
    with pytest.raises(ValidationError) as exc:
        all_present(protokoll.meeting, lg)
        services.protokoll_setup(
            protokoll=protokoll,
            by=lead_lars,
            expected_version=loaded,
            chair=lg.chair,
            secretary=None,
            justerare=lg.chair,
        )
    assert "justerare" in exc.value.error_dict


def test_signing_needs_paragraphs(world, lg, lead_lars, member_fk):
    meeting = MeetingFactory(ledningsgrupp=lg.group)
    protokoll = _setup(services.protokoll_for_meeting(meeting=meeting, by=lead_lars), lg, lead_lars)
    with pytest.raises(ValidationError, match="inga paragrafer"):
        services.protokoll_sign(protokoll=protokoll, by=member_fk)
