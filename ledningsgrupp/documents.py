"""Documents of a meeting: the agenda as PDF and iCalendar, the protokoll's content and PDF."""

from __future__ import annotations

import datetime
import json
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from core.pdf import render_pdf

from .models import Meeting, Protokoll, Signature
from .selectors import (
    agenda_of,
    attendance_lists,
    attendance_of,
    others_present_of,
    paragraphs_of,
    quorum_for,
    representatives_on,
)


def agenda_pdf(meeting: Meeting) -> bytes:
    """The invitation with the agenda (A4)."""
    with translation.override("sv"):
        title = _("Agenda %(group)s %(date)s") % {
            "group": meeting.ledningsgrupp.name,
            "date": f"{meeting.date:%Y-%m-%d}",
        }
        context = {
            "meeting": meeting,
            "group": meeting.ledningsgrupp,
            "items": agenda_of(meeting=meeting),
            "representatives": representatives_on(group=meeting.ledningsgrupp, on=meeting.date),
        }
        return render_pdf("ledningsgrupp/pdf/agenda.html", context, title=title)


def meeting_ics(meeting: Meeting) -> bytes:
    """One VEVENT for the meeting (Europe/Stockholm), with the agenda as its description."""
    zone = ZoneInfo(settings.TIME_ZONE)
    start = datetime.datetime.combine(meeting.date, meeting.start_time, tzinfo=zone)
    end_time = meeting.end_time or (start + datetime.timedelta(hours=2)).time()
    end = datetime.datetime.combine(meeting.date, end_time, tzinfo=zone)
    with translation.override("sv"):
        lines = [f"{n}. {item.title}" for n, item in enumerate(agenda_of(meeting=meeting), 1)]
        calendar = Calendar()
        calendar.add("prodid", "-//Ombud//Ledningsgrupp//SV")
        calendar.add("version", "2.0")
        calendar.add("method", "PUBLISH")
        event = Event()
        event.add("uid", f"ledningsgrupp-meeting-{meeting.pk}@ombud")
        event.add("dtstamp", datetime.datetime.now(tz=datetime.UTC))
        event.add("dtstart", start)
        event.add("dtend", end)
        event.add("summary", f"{meeting.ledningsgrupp.name}: " + _("meeting"))
        if meeting.place:
            event.add("location", meeting.place)
        if meeting.link:
            event.add("url", meeting.link)
        event.add("description", _("Agenda") + ":\n" + "\n".join(lines))
        calendar.add_component(event)
    return bytes(calendar.to_ical())


def _signatures(protokoll: Protokoll) -> dict[str, Signature]:
    return {s.kind: s for s in protokoll.signatures.select_related("user")}


def protokoll_content(protokoll: Protokoll) -> str:
    """The protokoll's content as canonical JSON: what the SHA-256 in the PDF footer covers."""
    meeting = protokoll.meeting
    signatures = _signatures(protokoll)
    content = {
        "ledningsgrupp": meeting.ledningsgrupp.name,
        "date": meeting.date.isoformat(),
        "start": meeting.start_time.isoformat(),
        "end": meeting.end_time.isoformat() if meeting.end_time else None,
        "place": meeting.place,
        "link": meeting.link,
        "attendance": [
            [
                a.representative.member_organisation.organisation.name,
                a.representative.display_name,
                a.status,
                a.substitute_name,
            ]
            for a in attendance_of(meeting=meeting)
        ],
        "chair": protokoll.chair.display_name if protokoll.chair else None,
        "secretary": protokoll.secretary_name or None,
        "others_present": [
            [o.display_name, o.capacity] for o in others_present_of(meeting=meeting)
        ],
        "justerare": protokoll.justerare.display_name if protokoll.justerare else None,
        "paragraphs": [
            {
                "number": f"{p.number}/{p.year}",
                "title": p.title,
                "discussion": p.discussion,
                "decision": p.decision,
                "systembrister": sorted(s.title for s in p.systembrister.all()),
            }
            for p in paragraphs_of(protokoll=protokoll)
        ],
        "signatures": {
            kind: [str(s.user), s.signed_at.isoformat()] for kind, s in sorted(signatures.items())
        },
    }
    return json.dumps(content, ensure_ascii=False, sort_keys=True)


def protokoll_pdf(protokoll: Protokoll) -> bytes:
    """The justerat protokoll (A4, page numbers, signatories and dates, SHA-256 in the footer)."""
    meeting = protokoll.meeting
    attendance = attendance_of(meeting=meeting)
    with translation.override("sv"):
        title = _("Protokoll %(group)s %(date)s") % {
            "group": meeting.ledningsgrupp.name,
            "date": f"{meeting.date:%Y-%m-%d}",
        }
        signatures = _signatures(protokoll)
        context = {
            "protokoll": protokoll,
            "meeting": meeting,
            "group": meeting.ledningsgrupp,
            "attendance": attendance,
            "lists": attendance_lists(
                attendance=attendance, others=others_present_of(meeting=meeting)
            ),
            "quorum": quorum_for(meeting=meeting, attendance=attendance),
            "paragraphs": paragraphs_of(protokoll=protokoll),
            "chair_signature": signatures.get(Signature.Kind.CHAIR),
            "justerare_signature": signatures.get(Signature.Kind.JUSTERARE),
        }
        return render_pdf("ledningsgrupp/pdf/protokoll.html", context, title=title)
