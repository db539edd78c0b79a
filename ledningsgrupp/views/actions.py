"""Action items: the list (open, overdue highlighted), create from a paragraph, edit status."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.access import requires
from core.forms import form_page, submit
from core.http import Request
from core.query import IdField, QueryForm

from .. import services
from ..forms import ActionItemForm
from ..models import ActionItem, ActionItemStatus, Paragraph
from ..selectors import action_items_of
from ._base import group_crumbs, group_or_404, overview_url


class ActionListQuery(QueryForm):
    status = forms.ChoiceField(required=False, choices=ActionItemStatus.choices)


@requires("ledningsgrupp.view")
def action_list(request: Request) -> HttpResponse:
    group = group_or_404(request)
    status: str = ActionItemStatus.OPEN  # open items unless another status (or all: "") is asked
    if "status" in request.GET:
        status = ActionListQuery.read(request)["status"] or ""
    return render(
        request,
        "ledningsgrupp/actions.html",
        {
            "items": action_items_of(group=group, status=status),
            "status": status,
            "statuses": ActionItemStatus.choices,
            "manager": request.actor.can("meeting.manage", group),
            "today": request.actor.today,
        },
    )


class ActionQuery(QueryForm):
    paragraf = IdField()  # "new action item" from a paragraph


@requires("meeting.manage")
def action_edit(request: Request, pk: int | None = None) -> HttpResponse:
    group = group_or_404(request)
    item = get_object_or_404(ActionItem, pk=pk, ledningsgrupp=group) if pk else None
    request.actor.require("meeting.manage", group)
    paragraph = None
    source = ActionQuery.read(request)["paragraf"]
    if item is None and source is not None:
        paragraph = (
            Paragraph.objects.filter(pk=source, ledningsgrupp=group)
            .select_related("protokoll__meeting")
            .first()
        )
    form = ActionItemForm(request.POST or None, instance=item, group=group)

    def save(data: dict[str, Any]) -> ActionItem:
        fields = {k: v for k, v in data.items() if k != "version"}
        if item is None:
            return services.action_item_create(
                group=group, by=request.user, paragraph=paragraph, **fields
            )
        return services.action_item_update(
            item=item, by=request.user, expected_version=data.get("version"), **fields
        )

    if submit(request, form, save) is not None:
        messages.success(request, _("The action item is saved."))
        if paragraph is not None:
            return redirect("ledningsgrupp:protokoll", pk=paragraph.protokoll.meeting_id)
        return redirect("ledningsgrupp:actions")
    if paragraph is not None:
        title = _("New action item from § %(number)s") % {
            "number": f"{paragraph.number}/{paragraph.year}"
        }
    else:
        title = _("Action item") if item else _("New action item")
    crumbs = [*group_crumbs(group), (_("Action items"), reverse("ledningsgrupp:actions"))]
    return form_page(request, form, title=title, crumbs=crumbs, cancel_url=overview_url())
