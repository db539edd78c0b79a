from django.urls import path

from .views import export, invitations, offboarding, registers, users

app_name = "administration"
urlpatterns = [
    path("anvandare/", users.user_list, name="users"),
    path("anvandare/<int:pk>/", users.user_detail, name="user"),
    path("anvandare/<int:pk>/roller/ny/", users.role_new, name="role_add"),
    path("anvandare/<int:pk>/roller/<int:rpk>/ta-bort/", users.role_delete, name="role_remove"),
    path("anvandare/<int:pk>/tvastegs/", users.second_factor, name="second_factor_reset"),
    path("anvandare/<int:pk>/avsluta/", offboarding.account_close_page, name="account_close"),
    path("inbjudningar/", invitations.invitation_list, name="invitations"),
    path("inbjudningar/ny/", invitations.invitation_new, name="invitation_new"),
    path(
        "inbjudningar/<int:pk>/skicka-igen/",
        invitations.invitation_send_again,
        name="invitation_resend",
    ),
    path(
        "inbjudningar/<int:pk>/aterkalla/",
        invitations.invitation_cancel,
        name="invitation_withdraw",
    ),
    path("inbjudan/<str:token>/", invitations.invitation_accept_page, name="invitation_accept"),
    path("organisationer/", registers.organisation_list, name="organisations"),
    path("organisationer/ny/", registers.organisation_new, name="organisation_new"),
    path("organisationer/<int:pk>/", registers.organisation_edit, name="organisation_edit"),
    path("installningar/", registers.verksamhet_settings, name="settings"),
    path("export/", export.export, name="export"),
]
