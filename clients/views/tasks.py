"""Manual tasks (most reminders are computed from dates, see the dashboard)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from core.access import requires_roles
from core.query import IdField, QueryForm

from .. import services
from ..forms import TaskForm
from ..models import Task
from ..selectors import viewer_for, visible_clients
from ..selectors.reminders import count, reminders_for
from ._base import form_page, log_list, run_form
from ._rows import with_links
from .lists import LIST_ROLES


@requires_roles(*LIST_ROLES)
def tasks(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    r = with_links(reminders_for(viewer))
    log_list(request, "tasks", count(r))
    return render(request, "clients/tasks.html", {"r": r, "today": viewer.today})


class TaskQuery(QueryForm):
    klient = IdField()  # the client page's "new task" link


@requires_roles(*LIST_ROLES)
def task_create(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    clients = visible_clients(viewer).order_by("alias")
    initial = {}
    chosen = TaskQuery.read(request)["klient"]
    if chosen is not None:
        initial["client"] = clients.filter(pk=chosen).first()
    form = TaskForm(request.POST or None, clients=clients, initial=initial)
    done = run_form(
        request,
        form,
        lambda d: services.task_create(owner=request.user, by=request.user, **d),
    )
    if done is not None:
        messages.success(request, _("The task is added."))
        return redirect("clients:tasks")
    return form_page(request, form, title=_("New task"), cancel="clients:tasks")


@requires_roles(*LIST_ROLES)
def task_done(request: HttpRequest, tpk: int) -> HttpResponse:
    """POST marks the user's own task done; GET just goes back to the list."""
    viewer_for(request)
    task = get_object_or_404(Task, pk=tpk, owner=request.user)
    if request.method == "POST":
        services.task_done(task=task, by=request.user)
        messages.success(request, _("The task is done."))
    return redirect("clients:tasks")
