from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClientsConfig(AppConfig):
    name = "clients"
    verbose_name = _("Clients")

    def ready(self) -> None:
        from . import (
            access,  # noqa: F401  (registers the object rules of client capabilities)
            navigation,  # noqa: F401  (registers nav links and dashboard sections)
        )
