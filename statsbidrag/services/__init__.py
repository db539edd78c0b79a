"""Writes of the statsbidrag app (keyword-only, one transaction, validated, audited)."""

from .documents import document_for, document_save_answers, document_submit
from .grant import (
    co_financing_set,
    decision_add,
    employment_period_save,
    grant_year_save,
    payment_add,
    repayment_add,
)

__all__ = [
    "co_financing_set",
    "decision_add",
    "document_for",
    "document_save_answers",
    "document_submit",
    "employment_period_save",
    "grant_year_save",
    "payment_add",
    "repayment_add",
]
