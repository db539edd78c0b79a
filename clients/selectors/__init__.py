"""Reads of client data, always scoped to the user or the verksamhet."""

from .access import CLIENT_ROLES, Viewer, client_for, viewer_for, visible_clients
from .terms import identifying_terms

__all__ = [
    "CLIENT_ROLES",
    "Viewer",
    "client_for",
    "identifying_terms",
    "viewer_for",
    "visible_clients",
]
