from . import devices  # noqa: F401  (history of the second-factor devices)
from .audit import AccessLog
from .documents import Document
from .tenancy import Kommun, Organisation, OrganisationType, Verksamhet
from .users import Role, RoleAssignment, User

__all__ = [
    "AccessLog",
    "Document",
    "Kommun",
    "Organisation",
    "OrganisationType",
    "Role",
    "RoleAssignment",
    "User",
    "Verksamhet",
]
