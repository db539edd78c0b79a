from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LedningsgruppConfig(AppConfig):
    name = "ledningsgrupp"
    verbose_name = _("Steering group")

    def ready(self) -> None:
        from . import navigation  # noqa: F401  (registers nav links and dashboard sections)
