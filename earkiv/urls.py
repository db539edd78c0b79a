from django.urls import path

from .views import export

app_name = "earkiv"
urlpatterns = [
    path("", export.index, name="index"),
    path("<int:year>/paket.zip", export.download, name="download"),
]
