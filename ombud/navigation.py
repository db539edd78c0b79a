from django.utils.translation import gettext_lazy as _

from ombud.models import Role
from ombud.registry import nav

nav(_("Overview"), "dashboard", *Role, order=0)
nav(_("Change history"), "history_recent", Role.LEAD, Role.ADMIN, order=90)

from ombud.history import track  # noqa: E402
from ombud.models import Organisation, RoleAssignment  # noqa: E402

track(Organisation, "verksamhet")
track(RoleAssignment, "verksamhet")
from ombud.dataprotection import navigation  # noqa: E402, F401
