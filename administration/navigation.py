"""Navigation links and dashboard sections this app adds to the shared pages."""

from django.utils.translation import gettext_lazy as _

from core.history import track
from core.registry import nav

from .models import Invitation

nav(
    _("Users"),
    "administration:users",
    "users.manage",
    order=90,
    match_prefix="/administration/anvandare/",
)
track(Invitation, "verksamhet")
nav(
    _("Organisations"),
    "administration:organisations",
    "organisations.manage",
    order=91,
    match_prefix="/administration/organisationer/",
)
nav(
    _("Settings"),
    "administration:settings",
    "verksamhet.settings",
    order=92,
    match_prefix="/administration/installningar/",
)
nav(
    _("Export"),
    "administration:export",
    "data.export",
    order=93,
    match_prefix="/administration/export/",
)
