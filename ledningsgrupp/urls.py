from django.urls import path

from .views import actions, agenda, group, meetings, protokoll

app_name = "ledningsgrupp"
urlpatterns = [
    path("", group.overview, name="overview"),
    path("installningar/", group.settings, name="settings"),
    path("organisationer/ny/", group.member_edit, name="member_create"),
    path("organisationer/<int:pk>/", group.member_edit, name="member_edit"),
    path(
        "organisationer/<int:member_pk>/representant/ny/",
        group.representative_edit,
        name="representative_create",
    ),
    path("representanter/<int:pk>/", group.representative_edit, name="representative_edit"),
    path("platserbjudanden/ny/", group.offer_edit, name="offer_create"),
    path("platserbjudanden/<int:pk>/", group.offer_edit, name="offer_edit"),
    path("moten/", meetings.archive, name="archive"),
    path("moten/nytt/", meetings.meeting_create, name="meeting_create"),
    path("moten/<int:pk>/", meetings.meeting_detail, name="meeting"),
    path("moten/<int:pk>/andra/", meetings.meeting_edit, name="meeting_edit"),
    path("moten/<int:pk>/kallelse/", meetings.invitation_send, name="invitation_send"),
    path("moten/<int:pk>/dagordning.pdf", meetings.meeting_pdf, name="agenda_pdf"),
    path("moten/<int:pk>/mote.ics", meetings.meeting_ics_download, name="meeting_ics"),
    path("moten/<int:pk>/narvaro/", meetings.attendance, name="attendance"),
    path("moten/<int:pk>/dagordning/uppdatera/", agenda.agenda_refresh, name="agenda_refresh"),
    path("moten/<int:pk>/dagordning/ny/", agenda.item_create, name="agenda_item_create"),
    path("dagordning/<int:pk>/", agenda.item_edit, name="agenda_item_edit"),
    path("dagordning/<int:pk>/flytta/", agenda.item_move, name="agenda_item_move"),
    path("dagordning/<int:pk>/ta-bort/", agenda.item_delete, name="agenda_item_delete"),
    path("moten/<int:pk>/protokoll/", protokoll.protokoll_detail, name="protokoll"),
    path("moten/<int:pk>/protokoll/justering/", protokoll.protokoll_setup, name="protokoll_setup"),
    path(
        "moten/<int:pk>/protokoll/paragraf/ny/",
        protokoll.paragraph_create,
        name="paragraph_create",
    ),
    path("paragrafer/<int:pk>/", protokoll.paragraph_edit, name="paragraph_edit"),
    path("moten/<int:pk>/protokoll/signera/", protokoll.protokoll_sign, name="protokoll_sign"),
    path("moten/<int:pk>/protokoll.pdf", protokoll.protokoll_pdf, name="protokoll_pdf"),
    path("atgarder/", actions.action_list, name="actions"),
    path("atgarder/ny/", actions.action_edit, name="action_create"),
    path("atgarder/<int:pk>/", actions.action_edit, name="action_edit"),
]
