from django.urls import path

from .views import runs

app_name = "imports"
urlpatterns = [
    path("", runs.index, name="index"),
    path("mall/<slug:kind>.<slug:fmt>", runs.template, name="template"),
    path("<int:pk>/", runs.preview, name="preview"),
    path("<int:pk>/bekrafta/", runs.confirm, name="confirm"),
]
