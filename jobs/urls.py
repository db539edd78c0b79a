from django.urls import path

from .views import log

app_name = "jobs"
urlpatterns = [
    path("", log.job_log, name="log"),
]
