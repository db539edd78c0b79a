from .documents import Application, DocumentStatus, Redovisning, ReportForm
from .grant import CoFinancing, Decision, EmploymentPeriod, GrantYear, Payment, Repayment

__all__ = [
    "Application",
    "CoFinancing",
    "Decision",
    "DocumentStatus",
    "EmploymentPeriod",
    "GrantYear",
    "Payment",
    "Redovisning",
    "Repayment",
    "ReportForm",
]
