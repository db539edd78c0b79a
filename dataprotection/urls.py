from django.urls import path

from dataprotection.views import anonymisation, gallring, loggkontroll, overview

app_name = "dataprotection"
urlpatterns = [
    path("", overview.index, name="index"),
    path("klienter/", overview.clients, name="clients"),
    path("klienter/<int:pk>/registerutdrag/", overview.registerutdrag, name="registerutdrag"),
    path("klienter/<int:pk>/begaran/", anonymisation.request_new, name="anonymisation_request"),
    path("begaran/", anonymisation.request_list, name="anonymisation_list"),
    path("begaran/<int:pk>/", anonymisation.request_detail, name="anonymisation_detail"),
    path("gallring/", gallring.gallring, name="gallring"),
    path("gallring/regel/", gallring.gallring_rule, name="gallring_rule"),
    path("loggkontroll/", loggkontroll.months, name="loggkontroll"),
    path("loggkontroll/<int:year>/<int:month>/", loggkontroll.month, name="loggkontroll_month"),
]
