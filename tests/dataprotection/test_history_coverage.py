"""Every domain model keeps history, and writes outside web requests record who acted."""

from __future__ import annotations

from django.apps import apps
from django.core.management import call_command
from simple_history.models import registered_models

from dataprotection.family import history_model, is_historical
from dataprotection.models import GallringRun
from dataprotection.services import gallring_run
from tests.core.factories import kommun

DOMAIN_APPS = ["core", "clients", "systembrister", "dataprotection", "ledningsgrupp", "statsbidrag"]
# Append-only log; reference data; stored documents (written once, never changed: a history
# would only hold a second copy of every PDF).
WITHOUT_HISTORY = {"core.accesslog", "core.kommun", "core.document"}
# Django's own permission machinery on the user (unused: access comes from RoleAssignment).
AUTH_M2M = {"core.User.groups", "core.User.user_permissions"}


def domain_models():  # type: ignore[no-untyped-def]
    for label in DOMAIN_APPS:
        for model in apps.get_app_config(label).get_models():
            if is_historical(model) or model._meta.label_lower in WITHOUT_HISTORY:
                continue
            yield model


def test_every_domain_model_has_history() -> None:
    models = list(domain_models())
    assert len(models) > 30
    missing = [
        m._meta.label
        for m in models
        if history_model(m) is None or m._meta.db_table not in registered_models
    ]
    assert not missing, f"Models without simple_history: {missing}"


def test_every_many_to_many_field_has_history() -> None:
    missing = []
    for model in domain_models():
        historical = history_model(model)
        tracked = {f.name for f in getattr(historical, "_history_m2m_fields", [])}
        for field in model._meta.many_to_many:
            if field.name not in tracked and f"{model._meta.label}.{field.name}" not in AUTH_M2M:
                missing.append(f"{model._meta.label}.{field.name}")
    assert not missing, f"m2m fields without history: {missing}"


def test_command_records_the_acting_user(world, lead_lars):  # type: ignore[no-untyped-def]
    call_command("gallra", "--verksamhet", world.verksamhet.slug, "--by", lead_lars.email)
    run = GallringRun.objects.get()
    assert run.ran_by == lead_lars
    assert run.history.get().history_user == lead_lars


def test_command_without_by_records_the_system_user(world):  # type: ignore[no-untyped-def]
    call_command("gallra", "--verksamhet", world.verksamhet.slug)
    assert GallringRun.history.get().history_user.email == "system@ombud.invalid"


def test_service_records_the_acting_user(world, admin_agnes):  # type: ignore[no-untyped-def]
    run = gallring_run(verksamhet=world.verksamhet, by=admin_agnes)
    assert run.history.get().history_user == admin_agnes


def test_seed_demo_leaves_no_history_row_without_an_author(db) -> None:  # type: ignore[no-untyped-def]
    """Demo data are written by every app's services or under acting_as(user)."""
    kommun("1980")  # reference data (a transactional test may have flushed it)
    call_command("seed_demo", "--quiet-logins")
    anonymous = {}
    for model in domain_models():
        historical = history_model(model)
        n = historical.objects.filter(history_user__isnull=True).count()
        if n:
            anonymous[model._meta.label] = n
    assert not anonymous, f"History rows without a user: {anonymous}"
