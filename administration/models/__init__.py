"""The administration's own records: invitations to a role in a verksamhet."""

from .invitation import Invitation

__all__ = ["Invitation"]
