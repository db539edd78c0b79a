from . import devices  # noqa: F401  (history of the second-factor devices)
from .audit import AccessLog
from .tenancy import Kommun, Organisation, OrganisationType, Verksamhet
from .users import Role, RoleAssignment, User

__all__ = [
    "AccessLog",
    "Kommun",
    "Organisation",
    "OrganisationType",
    "Role",
    "RoleAssignment",
    "User",
    "Verksamhet",
]
