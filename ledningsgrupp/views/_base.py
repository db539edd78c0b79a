"""Shared helpers of the ledningsgrupp views: the actor's group, the breadcrumbs, and the
buttons that run a service without a form."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django import forms
from django.contrib import messages
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from core.forms import submit
from core.http import Request

from ..models import Ledningsgrupp, Meeting
from ..selectors import ledningsgrupp_for

T = TypeVar("T")


def group_or_404(request: Request) -> Ledningsgrupp:
    group = ledningsgrupp_for(actor=request.actor)
    if group is None:
        raise Http404
    return group


def press(request: Request, action: Callable[[], T]) -> T | None:
    """A button without fields (send, sign, bring up to date): the service through the one
    form flow, its refusal shown as a message on the page the user is sent back to."""
    form = forms.Form(request.POST)
    done = submit(request, form, lambda _data: action())
    for error in form.non_field_errors():
        messages.error(request, str(error))
    return done


def group_crumbs(group: Ledningsgrupp) -> list[tuple[str, str]]:
    return [(group.name, reverse("ledningsgrupp:overview"))]


def meeting_crumbs(meeting: Meeting) -> list[tuple[str, str]]:
    """The group, the meetings and the meeting: above every page of one meeting."""
    return [
        *group_crumbs(meeting.ledningsgrupp),
        (_("Meetings"), reverse("ledningsgrupp:archive")),
        (f"{meeting.date:%Y-%m-%d}", reverse("ledningsgrupp:meeting", args=[meeting.pk])),
    ]


def protokoll_crumbs(meeting: Meeting) -> list[tuple[str, str]]:
    return [
        *meeting_crumbs(meeting),
        (_("Protokoll"), reverse("ledningsgrupp:protokoll", args=[meeting.pk])),
    ]


def overview_url() -> str:
    """Where every form's Cancel leads."""
    return reverse("ledningsgrupp:overview")
