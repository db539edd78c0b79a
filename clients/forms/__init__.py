"""Thin forms: widgets, labels and field checks. Business rules live in services.

Split by screen family; every public name is re-exported here."""

from ._common import (
    DateInput,
    LabelledChoiceField,
    LabelledMultipleChoiceField,
    blank_choice,
    choose_from,
    date_field,
    organisations,
    show_consent,
)
from .consent import ConsentEditForm, FullmaktEditForm, WithdrawForm
from .contacts import ContactLogForm, QuickContactForm, StrikeForm
from .plan import GoalForm, NeedForm, PlanForm, StepForm, TaskForm
from .records import ClientCreateForm, ClientForm
from .uppdrag import AdvanceForm, EndForm, HandoverForm, ReopenForm, UppdragForm

__all__ = [
    "AdvanceForm",
    "ClientCreateForm",
    "ClientForm",
    "ConsentEditForm",
    "ContactLogForm",
    "DateInput",
    "EndForm",
    "FullmaktEditForm",
    "GoalForm",
    "HandoverForm",
    "LabelledChoiceField",
    "LabelledMultipleChoiceField",
    "NeedForm",
    "PlanForm",
    "QuickContactForm",
    "ReopenForm",
    "StepForm",
    "StrikeForm",
    "TaskForm",
    "UppdragForm",
    "WithdrawForm",
    "blank_choice",
    "choose_from",
    "date_field",
    "organisations",
    "show_consent",
]
