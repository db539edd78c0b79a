from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EarkivConfig(AppConfig):
    name = "earkiv"
    verbose_name = _("E-archive")

    def ready(self) -> None:
        from . import access, navigation  # noqa: F401  (object rules; nav links, dashboard)
