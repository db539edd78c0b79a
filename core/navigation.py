from django.utils.translation import gettext_lazy as _

from core.history import track
from core.models import Organisation, Role, RoleAssignment
from core.registry import nav

nav(_("Overview"), "dashboard", *Role, order=0)
nav(_("Change history"), "history_recent", Role.LEAD, Role.ADMIN, order=90)

track(Organisation, "verksamhet")
track(RoleAssignment, "verksamhet")
