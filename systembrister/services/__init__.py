"""Every write to a systembrist goes through here, with the acting user and a timeline event.

Refused transitions raise ``ValidationError`` (Swedish message, keyed by field where one
applies); acting without the capability (core/access.py) raises ``PermissionDenied``.
"""

from .answers import (
    ForwardTo,
    systembrist_answer,
    systembrist_close,
    systembrist_forward,
    systembrist_remind,
    systembrist_send_for_answer,
)
from .reports import (
    systembrist_create,
    systembrist_submit,
    systembrist_support,
    systembrist_update,
)
from .review import (
    systembrist_accept,
    systembrist_merge,
    systembrist_put_on_agenda,
    systembrist_record_decision,
    systembrist_return,
)

__all__ = [
    "ForwardTo",
    "systembrist_accept",
    "systembrist_answer",
    "systembrist_close",
    "systembrist_create",
    "systembrist_forward",
    "systembrist_merge",
    "systembrist_put_on_agenda",
    "systembrist_record_decision",
    "systembrist_remind",
    "systembrist_return",
    "systembrist_send_for_answer",
    "systembrist_submit",
    "systembrist_support",
    "systembrist_update",
]
