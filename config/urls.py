from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog  # noqa: F401

from core.views import auth, dashboard, health, history, pages

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("konto/logga-in/", auth.login, name="login"),
    path("konto/logga-ut/", auth.logout, name="logout"),
    path("konto/losenord/", auth.password_change, name="password_change"),
    path("konto/losenord/klart/", auth.password_change_done, name="password_change_done"),
    path("konto/aterstall/", auth.password_reset, name="password_reset"),
    path("konto/aterstall/skickat/", auth.password_reset_done, name="password_reset_done"),
    path(
        "konto/aterstall/<uidb64>/<token>/",
        auth.password_reset_confirm,
        name="password_reset_confirm",
    ),
    path("konto/aterstall/klart/", auth.password_reset_complete, name="password_reset_complete"),
    path("konto/tvastegs/", auth.otp_setup, name="otp_setup"),
    path("konto/tvastegs/kod/", auth.otp_verify, name="otp_verify"),
    path("konto/verksamhet/", auth.switch_verksamhet, name="switch_verksamhet"),
    path("historik/", history.history_recent, name="history_recent"),
    path("historik/<str:label>/<int:pk>/", history.history_object, name="history_object"),
    path("tillganglighet/", pages.accessibility, name="accessibility"),
    path("halsa/", health.health, name="health"),
    path("klienter/", include("clients.urls")),
    path("systembrister/", include("systembrister.urls")),
    path("ledningsgrupp/", include("ledningsgrupp.urls")),
    path("statsbidrag/", include("statsbidrag.urls")),
    path("dataskydd/", include("dataprotection.urls")),
    path("administration/", include("administration.urls")),
    path("import/", include("imports.urls")),
    path("jobb/", include("jobs.urls")),
    path("earkiv/", include("earkiv.urls")),
]

if settings.OIDC_ENABLED:
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))

if settings.ADMIN_ENABLED:
    urlpatterns.append(path("admin/", admin.site.urls))

handler400 = "core.views.pages.error_400"
handler403 = "core.views.pages.error_403"
handler404 = "core.views.pages.error_404"
handler500 = "core.views.pages.error_500"
