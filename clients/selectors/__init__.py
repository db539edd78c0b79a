"""Reads of client data, always scoped to the actor (a user in a verksamhet) asking."""

from .access import client_for, viewer_of, visible_clients
from .terms import identifying_terms

__all__ = ["client_for", "identifying_terms", "viewer_of", "visible_clients"]
