"""The ledningsgrupp's agenda as this app needs it: the meetings a report can be put on, and
putting it there.

The ledningsgrupp app sits above this one (its agenda items point at reports), so it plugs
its functions in from its AppConfig.ready (``provide``). Without it there are no meetings to
choose, and the report page offers none.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class Agenda:
    upcoming_meetings: Callable[..., list[Any]]  # (*, verksamhet) -> planned meetings
    put_on: Callable[..., Any]  # (*, report, meeting, by) -> the report
    meeting_url: Callable[[Any], str] = lambda meeting: ""  # the meeting's page


_provided: list[Agenda] = []


def provide(agenda: Agenda) -> None:
    _provided[:] = [agenda]


def upcoming_meetings(*, verksamhet: Any) -> list[Any]:
    """Planned meetings of the verksamhet's ledningsgrupp from today on."""
    return _provided[0].upcoming_meetings(verksamhet=verksamhet) if _provided else []


def meeting_url(meeting: Any) -> str:
    """The page of a meeting the report is on ("" without the ledningsgrupp app)."""
    return _provided[0].meeting_url(meeting) if _provided else ""


def put_on_agenda(*, report: Any, meeting: Any, by: Any) -> Any:
    """Put the report on the meeting's agenda (an agenda item there, the report ON_AGENDA)."""
    if not _provided:
        raise ImproperlyConfigured("No agenda: the ledningsgrupp app is not installed.")
    return _provided[0].put_on(report=report, meeting=meeting, by=by)
