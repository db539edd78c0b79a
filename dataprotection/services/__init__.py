"""Every write of the data-protection screens and commands."""

from .anonymisation import anonymisation_decide, anonymisation_request
from .gallring import gallring_rule_save, gallring_run
from .logreview import logreview_sign
from .registerutdrag import registerutdrag_pdf

__all__ = [
    "anonymisation_decide",
    "anonymisation_request",
    "gallring_rule_save",
    "gallring_run",
    "logreview_sign",
    "registerutdrag_pdf",
]
