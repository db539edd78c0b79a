from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SystembristerConfig(AppConfig):
    name = "systembrister"
    verbose_name = _("System deficiencies")

    def ready(self) -> None:
        from . import navigation  # noqa: F401  (registers nav links and dashboard sections)
