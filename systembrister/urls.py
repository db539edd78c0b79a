from django.urls import path

from .views import reports, statistics, workflow

app_name = "systembrister"
urlpatterns = [
    path("", reports.report_list, name="list"),
    path("ny/", reports.report_create, name="create"),
    path("statistik/", statistics.statistics_page, name="statistics"),
    path("statistik.csv", statistics.statistics_csv, name="statistics_csv"),
    path("export.csv", statistics.register_csv, name="register_csv"),
    path("sammanstallning.pdf", statistics.year_pdf, name="year_pdf"),
    path("<int:pk>/", reports.report_detail, name="detail"),
    path("<int:pk>/andra/", reports.report_edit, name="edit"),
    path("<int:pk>/skicka-in/", reports.report_submit, name="submit"),
    path("<int:pk>/stod/", reports.report_support, name="support"),
    path("<int:pk>/skicka-tillbaka/", workflow.report_return, name="return"),
    path("<int:pk>/godkann/", workflow.report_accept, name="accept"),
    path("<int:pk>/sla-ihop/", workflow.report_merge, name="merge"),
    path("<int:pk>/dagordning/", workflow.report_agenda, name="agenda"),
    path("<int:pk>/begar-svar/", workflow.report_send, name="send"),
    path("<int:pk>/svar/", workflow.report_answer, name="answer"),
    path("<int:pk>/avsluta/", workflow.report_close, name="close"),
    path("<int:pk>/vidarebefordra/", workflow.report_forward, name="forward"),
]
