from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatsbidragConfig(AppConfig):
    name = "statsbidrag"
    verbose_name = _("State grant")

    def ready(self) -> None:
        from . import access, navigation  # noqa: F401  (object rules; nav links, dashboard)
