from django.urls import path

from .views import documents, employment, money, overview, questions

app_name = "statsbidrag"
urlpatterns = [
    path("", overview.index, name="index"),
    path("anstallningar/", employment.period_list, name="employment"),
    path("anstallningar/ny/", employment.period_new, name="employment_new"),
    path("anstallningar/<int:pk>/andra/", employment.period_edit, name="employment_edit"),
    path("ar/nytt/", overview.year_new, name="year_new"),
    path("ar/<int:year>/", overview.year_detail, name="year"),
    path("ar/<int:year>/andra/", overview.year_edit, name="year_edit"),
    path("ar/<int:year>/medfinansiering/", money.co_financing, name="co_financing"),
    path("ar/<int:year>/beslut/nytt/", money.decision_new, name="decision_new"),
    path("ar/<int:year>/utbetalningar/ny/", money.payment_new, name="payment_new"),
    path("ar/<int:year>/aterkrav/nytt/", money.repayment_new, name="repayment_new"),
    path("ar/<int:year>/fragor/", questions.question_list, name="questions"),
    path("ar/<int:year>/<slug:kind>/", documents.document, name="document"),
    path("ar/<int:year>/<slug:kind>/andra/", documents.document_edit, name="document_edit"),
    path("ar/<int:year>/<slug:kind>/skicka/", documents.document_submit, name="document_submit"),
    path("ar/<int:year>/<slug:kind>/pdf/", documents.document_pdf, name="document_pdf"),
    path(
        "ar/<int:year>/<slug:kind>/publiceringsversion/",
        documents.document_pdf_public,
        name="document_pdf_public",
    ),
    path(
        "ar/<int:year>/<slug:kind>/csv/<slug:table>/",
        documents.document_csv,
        name="document_csv",
    ),
]
