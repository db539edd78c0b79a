"""Every earkiv URL × every role (tests/test_access_matrix.py)."""

from __future__ import annotations

import datetime

from core.documents import store_document
from core.models import Document
from tests.access import Case, only


def cases(world) -> list[Case]:  # type: ignore[no-untyped-def]
    store_document(
        verksamhet=world.verksamhet,
        kind=Document.Kind.PROTOKOLL,
        title="Protokoll Matris 2025-03-04",
        date=datetime.date(2025, 3, 4),
        file_name="protokoll-matris-2025-03-04.pdf",
        content=b"%PDF-1.7 matris",
        by=None,
    )
    admin = only({"admin": 200})
    return [
        Case("earkiv:index", admin),
        Case("earkiv:download", admin, kwargs={"year": 2025}),
    ]
