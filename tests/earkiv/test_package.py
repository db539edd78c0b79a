"""The year's E-ARK SIP: valid for eark-validator, every PDF in it byte for byte."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from lxml import etree

from core.documents import store_document
from core.models import Document
from earkiv.package import write_package, zip_package
from statsbidrag import services
from tests.earkiv.validator import VALIDATOR_FAULTS, errors, package_type, report_errors
from tests.statsbidrag.factories import GrantYearFactory

pytestmark = pytest.mark.django_db

METS = "{http://www.loc.gov/METS/}"


@pytest.fixture
def documents(world):  # type: ignore[no-untyped-def]
    gy = GrantYearFactory(verksamhet=world.verksamhet, year=2025)
    doc = services.document_for(kind="ansokan", grant_year=gy, by=world.grant_gunilla)
    services.document_submit(
        kind="ansokan", document=doc, by=world.grant_gunilla, expected_version=doc.version
    )
    submitted = Document.objects.get()
    protokoll = store_document(
        verksamhet=world.verksamhet,
        kind=Document.Kind.PROTOKOLL,
        title="Protokoll Ledningsgruppen 2026-03-04",
        date=submitted.date.replace(month=3, day=4),
        file_name="protokoll-1-2026-03-04.pdf",
        content=b"%PDF-1.7 protokoll",
        by=world.lead_lars,
        diarienummer="SN 2026/17",
    )
    return [submitted, protokoll]


def test_the_package_is_a_valid_e_ark_sip(documents, world, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    year = documents[0].date.year
    folder = write_package(verksamhet=world.verksamhet, year=year, output=tmp_path)
    found = errors(folder)
    assert not found, "\n".join(found)
    # The one rule the validator cannot have satisfied (tests/earkiv/validator.py) fires on
    # the software agent's note only.
    faults = [text for rule, text in report_errors(folder) if rule in VALIDATOR_FAULTS]
    assert len(faults) == 1 and "agent[@ROLE = 'CREATOR']/mets:note" in faults[0]
    assert package_type(folder) == "SIP"

    archive = zip_package(folder, tmp_path / "sip.zip")
    assert errors(archive) == []
    with zipfile.ZipFile(archive) as z:
        names = z.namelist()
    assert f"{folder.name}/METS.xml" in names


def test_every_pdf_is_in_the_package_with_its_checksum_and_metadata(
    documents, world, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    year = documents[0].date.year
    folder = write_package(verksamhet=world.verksamhet, year=year, output=tmp_path)
    mets = etree.parse(str(folder / "METS.xml"))
    files = {
        f.find(f"{METS}FLocat").get("{http://www.w3.org/1999/xlink}href"): f
        for f in mets.iter(f"{METS}file")
    }
    for document in documents:
        path = f"representations/rep1/data/{document.file_name}"
        data = (folder / path).read_bytes()
        assert data == bytes(document.content)
        assert files[path].get("CHECKSUM") == document.sha256 == hashlib.sha256(data).hexdigest()
        assert files[path].get("CHECKSUMTYPE") == "SHA-256"
    premis = (folder / "metadata/preservation/premis.xml").read_text()
    assert all(d.sha256 in premis for d in documents)
    descriptive = "".join(p.read_text() for p in (folder / "metadata/descriptive").glob("*.xml"))
    assert "Protokoll Ledningsgruppen 2026-03-04" in descriptive
    assert "Diarienummer SN 2026/17" in descriptive
    assert world.verksamhet.name in descriptive and documents[0].title in descriptive


def test_the_admin_downloads_the_year_as_a_valid_zip(
    documents, world, client, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    year = documents[0].date.year
    client.force_login(world.admin_agnes)
    page = client.get(reverse("earkiv:index")).content.decode()
    url = reverse("earkiv:download", kwargs={"year": year})
    assert "E-arkiv" in page and url in page and "Ladda ner paket (zip)" in page
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    archive = tmp_path / "download.zip"
    archive.write_bytes(response.content)
    assert errors(archive) == []
    assert client.get(reverse("earkiv:download", kwargs={"year": year - 5})).status_code == 404


def test_earkiv_export_writes_the_package(documents, world, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    year = documents[0].date.year
    call_command(
        "earkiv_export",
        "--verksamhet", world.verksamhet.slug,
        "--year", str(year),
        "--output", str(tmp_path),
        stdout=out,
    )  # fmt: skip
    (folder,) = [p for p in tmp_path.iterdir() if p.is_dir()]
    assert str(folder) in out.getvalue() and "2 documents" in out.getvalue()
    assert (folder / "METS.xml").exists() and errors(folder) == []
    with pytest.raises(CommandError, match="no stored documents"):
        call_command(
            "earkiv_export", "--verksamhet", world.verksamhet.slug, "--year", "1999",
            "--output", str(tmp_path),
        )  # fmt: skip
