"""The records that belong to a client, the client first, in the order a reader meets them
(the timeline's filter, the registerutdrag's sections). dataprotection/family.py follows
the same list for gallring and the registerutdrag."""

from __future__ import annotations

from django.db import models

from .models import (
    ActionPlan,
    Assignment,
    Client,
    Consent,
    Contact,
    Fullmakt,
    Goal,
    Need,
    Step,
    Task,
    Uppdrag,
)

CLIENT_RECORDS: list[type[models.Model]] = [
    Client,
    Uppdrag,
    Assignment,
    Consent,
    Fullmakt,
    Need,
    ActionPlan,
    Goal,
    Step,
    Task,
    Contact,
]
