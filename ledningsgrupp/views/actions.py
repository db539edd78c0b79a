"""Action items: the list (open, overdue highlighted), create from a paragraph, edit status."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from core.access import requires_roles
from core.query import IdField, QueryForm

from .. import services
from ..forms import ActionItemForm
from ..models import ActionItem, ActionItemStatus, Paragraph
from ..selectors import action_items_of, manages
from ._base import MANAGE_ROLES, READ_ROLES, group_or_404, require_manager, run_service


class ActionListQuery(QueryForm):
    status = forms.ChoiceField(required=False, choices=ActionItemStatus.choices)


@requires_roles(*READ_ROLES)
def action_list(request: HttpRequest) -> HttpResponse:
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
            "manager": manages(request=request, group=group),
            "today": timezone.localdate(),
        },
    )


class ActionQuery(QueryForm):
    paragraf = IdField()  # "new action item" from a paragraph


@requires_roles(*MANAGE_ROLES)
def action_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    group = group_or_404(request)
    item = get_object_or_404(ActionItem, pk=pk, ledningsgrupp=group) if pk else None
    require_manager(request, group)
    paragraph = None
    source = ActionQuery.read(request)["paragraf"]
    if item is None and source is not None:
        paragraph = (
            Paragraph.objects.filter(pk=source, ledningsgrupp=group)
            .select_related("protokoll__meeting")
            .first()
        )
    form = ActionItemForm(request.POST or None, instance=item, group=group)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        if item is None:
            saved = run_service(
                form,
                lambda: services.action_item_create(
                    group=group, by=request.user, paragraph=paragraph, **data
                ),
            )
        else:
            saved = run_service(
                form,
                lambda: services.action_item_update(
                    item=item,
                    by=request.user,
                    expected_version=form.cleaned_data.get("version"),
                    **data,
                ),
            )
        if saved is not None:
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
    return render(request, "ledningsgrupp/form.html", {"form": form, "title": title})
