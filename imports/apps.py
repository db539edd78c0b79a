from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportsConfig(AppConfig):
    name = "imports"
    verbose_name = _("Import")

    def ready(self) -> None:
        from . import access, navigation  # noqa: F401  (object rules; nav links, dashboard)
