"""manage.py import_data and the upload → preview → confirm screens."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from openpyxl import load_workbook

from clients.models import Client
from imports.models import ImportRun, ImportStatus
from tests.imports.files import csv_bytes, xlsx


def command(*args: str) -> tuple[str, int]:
    out = io.StringIO()
    try:
        call_command("import_data", *args, stdout=out)
    except CommandError as exc:
        return out.getvalue(), exc.returncode
    return out.getvalue(), 0


def test_command_refuses_and_imports(world, tmp_path, pnr):  # type: ignore[no-untyped-def]
    bad = tmp_path / "klienter.csv"
    bad.write_bytes(csv_bytes(["Alias", "Personnummer"], [["Kalle", pnr[0]], ["Bad", "123"]]))
    args = ["--verksamhet", "po-vastmanland", "--by", "lars@example.se"]
    out, status = command("klienter", str(bad), *args)
    assert status == 1
    lines = out.strip().splitlines()
    assert lines[0].startswith("rad 3, Personnummer: ")
    assert lines[-1] == ("Inget importerat: 2 rader, 1 skapade, 0 redan importerade, 1 avvisade.")
    assert not Client.objects.exists()

    good = tmp_path / "klienter.xlsx"
    good.write_bytes(xlsx(["Alias", "Personnummer"], [["Kalle", pnr[0]], ["Stina", None]]))
    out, status = command("klienter", str(good), *args, "--dry-run")
    assert status == 0 and out.startswith("Inget importerat: 2 rader, 2 skapade")
    assert not Client.objects.exists()
    out, status = command("klienter", str(good), *args)
    assert status == 0 and out.startswith("Importerat: 2 rader, 2 skapade")
    out, status = command("klienter", str(good), *args)
    assert status == 0 and "0 skapade, 2 redan importerade" in out
    assert Client.objects.count() == 2


def test_command_needs_a_lead_or_admin(world, tmp_path):  # type: ignore[no-untyped-def]
    f = tmp_path / "k.csv"
    f.write_bytes(csv_bytes(["Alias"], [["Kalle"]]))
    with pytest.raises(CommandError, match="may not import"):
        call_command(
            "import_data", "klienter", str(f), "--verksamhet", "po-vastmanland",
            "--by", "anna@example.se",
        )  # fmt: skip


def test_command_writes_templates(world, tmp_path):  # type: ignore[no-untyped-def]
    xlsx_out, csv_out = tmp_path / "mall.xlsx", tmp_path / "mall.csv"
    command("kontakter", "--template", str(xlsx_out), "--verksamhet", "po-vastmanland")
    command("kontakter", "--template", str(csv_out))
    book = load_workbook(xlsx_out)
    assert book.sheetnames == ["Kontakter", "Tillåtna värden"]
    assert [c.value for c in book["Kontakter"][1]][:4] == ["Klient", "Födelseår", "Datum", "Typ"]
    allowed = {r[0].value: r[1].value for r in book["Tillåtna värden"].iter_rows() if r[0].value}
    assert "Hembesök" in allowed["Typ"]
    assert "Försäkringskassan" in allowed["Organisationer"]
    assert csv_out.read_bytes().decode("utf-8-sig").startswith("Klient;Födelseår;Datum;Typ")


def test_upload_preview_confirm(client, world, pnr):  # type: ignore[no-untyped-def]
    client.force_login(world.lead_lars)
    header = ["Alias", "Personnummer", "Födelseår"]
    bad = xlsx(header, [["Kalle", pnr[0], None], ["Bad", "19850312-1232", None]])
    response = client.post(
        reverse("imports:index"),
        {"kind": "klienter", "file": SimpleUploadedFile("klienter.xlsx", bad)},
    )
    run = ImportRun.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "imports:preview", args=[run.pk]
    )
    page = client.get(response["Location"]).content.decode()
    assert "Personnummer" in page and "inte ett giltigt personnummer" in page
    assert "Importera" not in page  # no confirm button while a row is refused
    assert client.post(reverse("imports:confirm", args=[run.pk])).status_code == 302
    assert not Client.objects.exists()

    fixed = xlsx(header, [["Kalle", pnr[0], None], ["Bra", None, 1970]])
    client.post(
        reverse("imports:index"),
        {"kind": "klienter", "file": SimpleUploadedFile("klienter.xlsx", fixed)},
    )
    run = ImportRun.objects.latest("pk")
    assert not Client.objects.exists()  # the preview saves nothing
    page = client.get(reverse("imports:preview", args=[run.pk])).content.decode()
    assert "Importera 2 rader" in page
    response = client.post(reverse("imports:confirm", args=[run.pk]), follow=True)
    assert "Importerat: 2 skapade, 0 redan importerade." in response.content.decode()
    run.refresh_from_db()
    assert run.status == ImportStatus.IMPORTED and run.created == 2 and bytes(run.content) == b""
    assert run.report == {}  # no copy of the client names is kept
    assert Client.objects.count() == 2
    listing = client.get(reverse("imports:index")).content.decode()
    assert "klienter.xlsx" in listing and "Importerat" in listing


def test_upload_form_errors(client, world):  # type: ignore[no-untyped-def]
    client.force_login(world.lead_lars)
    page = client.post(
        reverse("imports:index"), {"kind": "", "file": SimpleUploadedFile("a.txt", b"x")}
    ).content.decode()
    assert "Välj vad filen innehåller." in page and "Välj en .xlsx- eller .csv-fil." in page


def test_kind_select_starts_with_a_swedish_prompt(client, world):  # type: ignore[no-untyped-def]
    client.force_login(world.lead_lars)
    page = client.get(reverse("imports:index")).content.decode()
    assert '<option value="" selected>Välj vad du importerar</option>' in page
    assert "---------" not in page


def test_template_download(client, world):  # type: ignore[no-untyped-def]
    client.force_login(world.admin_agnes)
    response = client.get(reverse("imports:template", args=["anstallningar", "xlsx"]))
    assert response["Content-Disposition"] == 'attachment; filename="mall-anstallningar.xlsx"'
    book = load_workbook(io.BytesIO(response.content))
    assert book["Anställningar"]["A1"].value == "Ombud"
    assert client.get(reverse("imports:template", args=["x", "xlsx"])).status_code == 404


def test_a_previewed_file_is_kept_a_day(world, pnr):  # type: ignore[no-untyped-def]
    import datetime

    from django.core.exceptions import ValidationError
    from django.utils import timezone

    from imports.services import import_confirm, import_preview

    def preview():  # type: ignore[no-untyped-def]
        return import_preview(
            verksamhet=world.verksamhet, by=world.lead_lars, kind="klienter",
            file_name="k.csv", content=csv_bytes(["Alias"], [["Kalle"]]),
        )  # fmt: skip

    old = preview()
    ImportRun.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=2)
    )
    preview()  # a later upload empties the old file
    old.refresh_from_db()
    assert bytes(old.content) == b""
    with pytest.raises(ValidationError, match="sparas inte längre"):
        import_confirm(run=old, by=world.lead_lars)
    assert not Client.objects.exists()
