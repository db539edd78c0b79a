"""Manual tasks (most reminders are computed from dates, see the dashboard)."""

from __future__ import annotations

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
from ..forms import TaskForm
from ..models import Task
from ..selectors.access import assigned_clients
from ..selectors.reminders import count, reminders_for
from ._base import crumbs, log_list
from ._rows import with_links


@requires("client.list")
def tasks(request: Request) -> HttpResponse:
    r = with_links(reminders_for(actor=request.actor))
    log_list(request, "tasks", count(r))
    return render(request, "clients/tasks.html", {"r": r, "today": request.actor.today})


class TaskQuery(QueryForm):
    klient = IdField()  # the client page's "new task" link


@requires("client.list")
def task_create(request: Request) -> HttpResponse:
    # A task is about one of the user's own current clients (not the waiting list, not a
    # colleague's client that a lead also sees).
    clients = assigned_clients(request.actor).order_by("alias")
    initial = {}
    chosen = TaskQuery.read(request)["klient"]
    if chosen is not None:
        initial["client"] = clients.filter(pk=chosen).first()
    form = TaskForm(request.POST or None, clients=clients, initial=initial)
    done = submit(
        request,
        form,
        lambda d: services.task_create(owner=request.user, by=request.user, **d),
    )
    if done is not None:
        messages.success(request, _("The task is added."))
        return redirect("clients:tasks")
    return form_page(
        request, form, title=_("New task"), crumbs=crumbs(), cancel_url=reverse("clients:tasks")
    )


@requires("client.list")
def task_done(request: Request, tpk: int) -> HttpResponse:
    """POST marks the user's own task done; GET just goes back to the list."""
    task = get_object_or_404(Task, pk=tpk, owner=request.user)
    if request.method == "POST":
        services.task_done(task=task, by=request.user)
        messages.success(request, _("The task is done."))
    return redirect("clients:tasks")
