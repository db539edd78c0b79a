"""Text typed by users is printed as text in every PDF: markup in it is never interpreted."""

from __future__ import annotations

import subprocess
import tempfile

from django.apps import apps
from django.db import models

from tests.security.harness import client_for, visits

PAYLOAD = "<script>alert(1)</script><b>FET</b>"
DOMAIN_APPS = ("clients", "systembrister", "ledningsgrupp", "statsbidrag")
SKIP_FIELDS = {"personnummer", "sha256", "pdf_sha256", "version", "status", "kind"}


def _poison_all_text() -> int:
    """Put the payload in every free-text column of the domain tables."""
    changed = 0
    for model in apps.get_models():
        if model._meta.app_label not in DOMAIN_APPS or model.__name__.startswith("Historical"):
            continue
        updates = {}
        for f in model._meta.concrete_fields:
            if (
                not isinstance(f, models.CharField | models.TextField)
                or f.choices
                or f.name in SKIP_FIELDS
            ):
                continue
            if isinstance(f, models.EmailField | models.URLField | models.SlugField) or f.unique:
                continue
            if f.max_length is not None and f.max_length < len(PAYLOAD):
                continue
            updates[f.name] = PAYLOAD
        if updates:
            changed += model._default_manager.update(**updates)
    return changed


def _pdf_text(data: bytes) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(data)
        f.flush()
        return subprocess.run(
            ["pdftotext", "-layout", f.name, "-"], capture_output=True, text=True, check=True
        ).stdout  # noqa: S603, S607


def test_payload_is_printed_literally_in_every_pdf(world):  # type: ignore[no-untyped-def]
    pdf_visits = []
    for visit in visits(world):
        response = client_for(world, visit.role).get(visit.url)
        if (
            response.status_code == 200
            and response.headers.get("Content-Type") == "application/pdf"
        ):
            pdf_visits.append(visit)
    poisoned = _poison_all_text()
    assert poisoned > 0 or not pdf_visits
    failures = []
    for visit in pdf_visits:
        response = client_for(world, visit.role).get(visit.url)
        if response.status_code != 200:
            failures.append(f"{visit.url}: {response.status_code}")
            continue
        text = _pdf_text(
            b"".join(response.streaming_content) if response.streaming else response.content
        )
        flat = " ".join(text.split())
        if "<script>" in flat or "<b>FET</b>" in flat:
            continue
        if "FET" in flat:
            failures.append(
                f"{visit.url}: markup was interpreted (text shows FET without its tags)"
            )
    print(f"PDFs checked: {[v.url_name for v in pdf_visits]}")
    assert not failures, "\n".join(failures)
