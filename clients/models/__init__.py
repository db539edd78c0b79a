from .client import Client, ClientGroup, Gender, PreferredContact
from .consent import Consent, ConsentForm, Fullmakt
from .contact import Contact, ContactKind, ContactType
from .plan import ActionPlan, Goal, Need, NeedStatus, SipStatus, Step, StepStatus, Task
from .uppdrag import (
    Assignment,
    Boende,
    EndReason,
    Forsorjning,
    Sysselsattning,
    Uppdrag,
    UppdragStatus,
)

__all__ = [
    "ActionPlan",
    "Assignment",
    "Boende",
    "Client",
    "ClientGroup",
    "Consent",
    "ConsentForm",
    "Contact",
    "ContactKind",
    "ContactType",
    "EndReason",
    "Forsorjning",
    "Fullmakt",
    "Gender",
    "Goal",
    "Need",
    "NeedStatus",
    "PreferredContact",
    "SipStatus",
    "Step",
    "StepStatus",
    "Sysselsattning",
    "Task",
    "Uppdrag",
    "UppdragStatus",
]
