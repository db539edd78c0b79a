from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    label = "core"
    verbose_name = _("Ombud")

    def ready(self) -> None:
        from . import navigation, signals  # noqa: F401
