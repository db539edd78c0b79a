"""Every database constraint of ours speaks Swedish and names the field it concerns, so a form
shows the rule next to that field before the database would refuse the row."""

from __future__ import annotations

from django.apps import apps
from django.utils import translation

from core.constraints import CheckOnField, UniqueOnField

OURS = {
    "core",
    "clients",
    "systembrister",
    "dataprotection",
    "ledningsgrupp",
    "statsbidrag",
    "administration",
    "imports",
    "jobs",
    "earkiv",
}


def _constraints():  # type: ignore[no-untyped-def]
    for model in apps.get_models():
        if model._meta.app_label in OURS and not model.__name__.startswith("Historical"):
            for constraint in model._meta.constraints:
                yield model, constraint


def test_the_walk_reaches_the_constraints() -> None:
    assert len(list(_constraints())) >= 15


def test_every_constraint_has_a_swedish_message_and_a_field() -> None:
    missing = []
    for model, constraint in _constraints():
        where = f"{model._meta.label}.{constraint.name}"
        if not isinstance(constraint, CheckOnField | UniqueOnField):
            missing.append(f"{where}: not CheckOnField/UniqueOnField (no field for the message)")
            continue
        if constraint.field not in {f.name for f in model._meta.get_fields()}:
            missing.append(f"{where}: field {constraint.field!r} is not a field of the model")
        message = constraint.violation_error_message
        if message == constraint.default_violation_error_message:
            missing.append(f"{where}: Django's default message")
            continue
        with translation.override("sv"):
            swedish = str(message)
        with translation.override("en"):
            english = str(message)
        if swedish == english:
            missing.append(f"{where}: message not translated ({english!r})")
    assert not missing, "\n".join(missing)
