"""Counts below SMALL_COUNT_THRESHOLD are hidden in PDF, CSV and pages for non-staff."""

from __future__ import annotations

import csv
import io

from django.urls import reverse

from statsbidrag import services
from statsbidrag.reports.figures import redovisning_figures
from statsbidrag.reports.suppression import PRIMARY, SECONDARY, Suppressed, suppress_count
from statsbidrag.reports.tables import all_tables

from .test_services_documents import pdf_text

P, S = Suppressed(5, PRIMARY), Suppressed(5, SECONDARY)


def stored_pdf(doc) -> bytes:  # type: ignore[no-untyped-def]
    """The submitted PDF as stored (on its way into core.Document)."""
    stored = getattr(doc, "document", None)
    if stored is not None and hasattr(stored, "content"):
        return bytes(stored.content)
    return doc.pdf.open("rb").read()


def test_suppress_count_keeps_zero_and_counts_from_the_threshold(settings) -> None:  # type: ignore[no-untyped-def]
    settings.SMALL_COUNT_THRESHOLD = 5
    assert suppress_count(0) == 0
    assert [isinstance(suppress_count(n), Suppressed) for n in (1, 2, 3, 4)] == [True] * 4
    assert suppress_count(5) == 5
    assert str(suppress_count(3)) == "färre än 5"
    settings.SMALL_COUNT_THRESHOLD = 3
    assert suppress_count(3) == 3 and isinstance(suppress_count(2), Suppressed)


def test_money_and_arsanstallningar_are_never_suppressed(dataset, world) -> None:  # type: ignore[no-untyped-def]
    tables = {
        t.key: t
        for t in all_tables(
            redovisning_figures(verksamhet=world.verksamhet, year=2025), suppress=True
        )
    }
    assert tables["arsanstallningar"].rows == [["Årsanställningar", "1.8767"], ["Antal ombud", 3]]
    # Served: kvinna 2, man 3, total 5. The total goes too: by age the five are five ones.
    assert tables["klienter-kon"].rows[4][1:] == [P, P, 0, 0, S]
    assert tables["klienter-alder-kon"].rows[-1][1:] == [P, P, 0, 0, S]  # the same figures
    assert tables["kannetecken"].rows[-1][1] == S
    assert tables["medel"].rows[0][1] == "318000.00"


def _submit(dataset, world):  # type: ignore[no-untyped-def]
    doc = services.document_for(
        kind="redovisning", grant_year=dataset["grant_year"], by=world.grant_gunilla
    )
    services.document_submit(
        kind="redovisning", document=doc, by=world.grant_gunilla, expected_version=doc.version
    )
    doc.refresh_from_db()
    return doc


def _get(client, name: str, **kwargs):  # type: ignore[no-untyped-def]
    return client.get(reverse(f"statsbidrag:{name}", kwargs={"year": 2025, **kwargs}))


def _csv(client, table: str) -> list[list[str]]:  # type: ignore[no-untyped-def]
    text = _get(client, "document_csv", kind="redovisning", table=table).content
    return list(csv.reader(io.StringIO(text.decode("utf-8-sig")), delimiter=";"))


def test_exact_counts_for_lansstyrelsen_and_staff_suppressed_for_members(
    dataset, world, client
) -> None:  # type: ignore[no-untyped-def]
    doc = _submit(dataset, world)
    # The PDF sent to länsstyrelsen: exact, and who sent it.
    stored = pdf_text(stored_pdf(doc))
    assert "färre än 5" not in stored and "Exakta antal, till länsstyrelsen" in stored
    assert " av Gunilla Ström" in stored and "senast" not in stored
    # Read as länsstyrelsen: a frozen unanswered question says so, and the per-kommun table
    # adds up (the contractor's årsanställningar have their own row, then the totals).
    assert "Inget svar lämnades." in stored and "Inte besvarad ännu." not in stored
    assert "(entreprenad)" in stored
    kommuner = stored[stored.index("Uppgifter per kommun") :]
    total_row = next(line for line in kommuner.splitlines() if line.strip().startswith("Totalt"))
    assert total_row.split()[1:] == ["5", "2", "3", "2", "1,88", "250", "000", "210", "000"]
    client.force_login(world.lead_lars)
    staff_page = _get(client, "document", kind="redovisning").content.decode()
    assert "färre än 5" not in staff_page and "publiceringsversion" in staff_page.lower()
    assert _get(client, "document_pdf", kind="redovisning").content == stored_pdf(doc)
    public = pdf_text(_get(client, "document_pdf_public", kind="redovisning").content)
    assert "färre än 5" in public and "dold" in public
    assert "Publiceringsversion: små tal dolda" in public
    client.force_login(world.member_fk)
    member_page = _get(client, "document", kind="redovisning").content.decode()
    assert "färre än 5" in member_page and ">dold<" in member_page
    # A member asking for "the PDF" gets the publiceringsversion.
    member_pdf = pdf_text(_get(client, "document_pdf", kind="redovisning").content)
    assert "färre än 5" in member_pdf and "Exakta antal" not in member_pdf


def test_csv_numbers_stay_numbers_with_a_flag_for_a_hidden_count(dataset, world, client) -> None:  # type: ignore[no-untyped-def]
    _submit(dataset, world)
    client.force_login(world.member_fk)
    rows = _csv(client, "klienter-kon")
    assert rows[0][:5] == ["Klienter", "Kvinna", "Kvinna – dold", "Man", "Man – dold"]
    assert rows[0][-2:] == ["Totalt", "Totalt – dold"]
    served = rows[5]
    assert served[0] == "Klienter under året, totalt"
    # Hidden cells are empty (a spreadsheet sums the rest), the flag says why.
    assert served[1:] == ["", "färre än 5", "", "färre än 5", "0", "", "0", "", "", "dold"]
    # Staff get the exact counts, no flag columns.
    client.force_login(world.lead_lars)
    assert _csv(client, "klienter-kon")[5][1:] == ["2", "3", "0", "0", "5"]
    assert ["Totalt", "3"] in _csv(client, "kontakter")


def test_publiceringsversion_names_no_ombud_and_leaves_out_an_all_hidden_chart(
    dataset, world, client
) -> None:  # type: ignore[no-untyped-def]
    client.force_login(world.lead_lars)
    exact = pdf_text(_get(client, "document_pdf", kind="redovisning").content)
    public = pdf_text(_get(client, "document_pdf_public", kind="redovisning").content)
    # The exact version for länsstyrelsen keeps each ombud's employment periods.
    names = ("Kerstin", "Anna Lind", "Omar", "Haddad")  # the table may wrap a name
    assert all(name in exact for name in names)
    # The publiceringsversion shows the årsanställningar per employer, nobody named.
    assert not [name for name in names if name in public]
    assert "Årsanställningar per arbetsgivare" in public
    assert "Ombudsbolaget AB" in public
    # By age and gender every cell is hidden: no empty chart, one sentence instead.
    lines = " ".join(public.split())
    assert (
        "Diagrammet ”Klienter under året efter åldersgrupp och kön” är utelämnat: "
        "siffrorna är för få för att visas." in lines
    )
    assert "är utelämnat" not in exact
