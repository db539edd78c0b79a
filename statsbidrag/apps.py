from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatsbidragConfig(AppConfig):
    name = "statsbidrag"
    verbose_name = _("State grant")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from . import navigation  # noqa: F401  (registers nav links and dashboard sections)

        post_migrate.connect(_forget_cached_figures, sender=self)


def _forget_cached_figures(using: str = "default", **kwargs: object) -> None:
    """Migrations mean new code: figures computed by the old code are not reused."""
    from .reports.cache import forget_all

    forget_all(using=using)
