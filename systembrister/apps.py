from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SystembristerConfig(AppConfig):
    name = "systembrister"
    verbose_name = _("System deficiencies")

    def ready(self) -> None:
        # Object rules of the systembrister capabilities; nav links and dashboard sections.
        from . import access, navigation  # noqa: F401
