from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class LedningsgruppConfig(AppConfig):
    name = "ledningsgrupp"
    verbose_name = _("Steering group")

    def ready(self) -> None:
        from systembrister import agenda

        from . import access, navigation  # noqa: F401  (object rules; nav links, dashboard sections)
        from .selectors import upcoming_meetings
        from .services import agenda_systembrist_add

        # The systembrister app's report page puts reports on this app's agendas.
        agenda.provide(
            agenda.Agenda(
                upcoming_meetings=upcoming_meetings,
                put_on=agenda_systembrist_add,
                meeting_url=lambda meeting: reverse("ledningsgrupp:meeting", args=[meeting.pk]),
            )
        )
