"""The redovisning's question list per year: add, reword, reorder, retire; earlier years'
documents keep their questions."""

from __future__ import annotations

import re

from django.urls import reverse

from statsbidrag import services
from statsbidrag.models import ReportForm
from statsbidrag.reports.documents import form_for_year
from statsbidrag.services.questions import question_list_change, revision_of

from .factories import GrantYearFactory
from .test_services_documents import pdf_text


def _post(client, year: int, **data):  # type: ignore[no-untyped-def]
    url = reverse("statsbidrag:questions", kwargs={"year": year})
    page = client.get(url).content.decode()
    revision = re.search(r'name="revision" value="([0-9a-f]+)"', page).group(1)  # type: ignore[union-attr]
    return client.post(url, {"revision": revision, **data}, follow=True)


def test_rewording_for_the_coming_year_leaves_the_submitted_year_unchanged(
    dataset, world, client
) -> None:  # type: ignore[no-untyped-def]
    gunilla = world.grant_gunilla
    doc = services.document_for(kind="redovisning", grant_year=dataset["grant_year"], by=gunilla)
    services.document_submit(
        kind="redovisning", document=doc, by=gunilla, expected_version=doc.version
    )
    doc.refresh_from_db()
    before_pdf = bytes(doc.document.content)
    GrantYearFactory(verksamhet=world.verksamhet, year=2026)
    client.force_login(gunilla)
    page = _post(
        client, 2026, action="reword", key="other", label="Något mer länsstyrelsen bör veta?"
    ).content.decode()
    assert "Frågelistan sparades." in page
    _post(client, 2026, action="add", label="Hur har ni arbetat med brukarinflytande?", kind="text")
    _post(client, 2026, action="up", key="funds")
    _post(client, 2026, action="up", key="funds")  # above per kommun, then the ledningsgrupp
    _post(client, 2026, action="retire", key="per_kommun")
    labels = [q["label"] for q in form_for_year(2026, world.verksamhet).questions]
    assert labels[-1] == "Hur har ni arbetat med brukarinflytande?"
    assert "Något mer länsstyrelsen bör veta?" in labels
    assert labels.index("Användning av medel") < labels.index(
        "Ledningsgruppens sammansättning och antal möten"
    )
    assert "Fördelning per kommun (samverkan)" not in labels
    # 2025 is untouched: its list, its submitted document, its stored PDF.
    assert form_for_year(2025, world.verksamhet).questions == doc.form.questions
    doc.refresh_from_db()
    assert bytes(doc.document.content) == before_pdf
    page = client.get(
        reverse("statsbidrag:document", kwargs={"year": 2025, "kind": "redovisning"})
    ).content.decode()
    assert "Övrigt som länsstyrelsen bör känna till" in page
    assert "Något mer länsstyrelsen bör veta?" not in page
    # The 2026 draft shows the new list.
    page = client.get(
        reverse("statsbidrag:document", kwargs={"year": 2026, "kind": "redovisning"})
    ).content.decode()
    assert "Hur har ni arbetat med brukarinflytande?" in page
    assert "Fördelning per kommun (samverkan)" not in page
    assert "Något mer länsstyrelsen bör veta?" in pdf_text(
        client.get(
            reverse("statsbidrag:document_pdf", kwargs={"year": 2026, "kind": "redovisning"})
        ).content
    )


def test_one_verksamhets_list_is_not_anothers(world) -> None:  # type: ignore[no-untyped-def]
    from tests.core.factories import VerksamhetFactory

    other = VerksamhetFactory()
    questions = form_for_year(2026, world.verksamhet).questions
    question_list_change(
        verksamhet=world.verksamhet,
        year=2026,
        by=world.grant_gunilla,
        revision=revision_of(list(questions)),
        action="retire",
        key="contacts",
    )
    assert "contacts" not in [q["key"] for q in form_for_year(2026, world.verksamhet).questions]
    assert "contacts" in [q["key"] for q in form_for_year(2026, other).questions]
    assert ReportForm.objects.filter(verksamhet=world.verksamhet).count() == 1


def test_a_stale_list_or_an_empty_question_is_refused_with_a_swedish_message(world, client) -> None:  # type: ignore[no-untyped-def]
    GrantYearFactory(verksamhet=world.verksamhet, year=2026)
    client.force_login(world.grant_gunilla)
    url = reverse("statsbidrag:questions", kwargs={"year": 2026})
    page = client.post(url, {"action": "retire", "key": "other", "revision": "0"}).content
    assert "Någon annan ändrade frågorna" in page.decode()
    page = _post(client, 2026, action="add", label="  ").content.decode()
    assert "Skriv frågan." in page
    assert ReportForm.objects.filter(verksamhet=world.verksamhet).count() == 0
