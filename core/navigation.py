from django.utils.translation import gettext_lazy as _

from core.history import track
from core.models import Organisation, RoleAssignment
from core.registry import nav

nav(_("Overview"), "dashboard", "dashboard.view", order=0)
nav(_("Change history"), "history_recent", "history.view", order=90)

track(Organisation, "verksamhet")
track(RoleAssignment, "verksamhet")
