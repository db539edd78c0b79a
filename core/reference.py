"""Reference data shipped with the code: Sweden's kommuner (SCB kommunkoder) with their län."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

KOMMUNER_CSV = Path(__file__).resolve().parent / "data" / "kommuner.csv"


def load_kommuner(kommun_model: Any) -> int:
    """Insert the kommuner that are missing; returns how many were added. Idempotent."""
    with KOMMUNER_CSV.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    existing = set(kommun_model.objects.values_list("kod", flat=True))
    new = [
        kommun_model(kod=r["kod"], name=r["namn"], lan_kod=r["lan_kod"], lan_name=r["lan_namn"])
        for r in rows
        if r["kod"] not in existing
    ]
    kommun_model.objects.bulk_create(new)
    return len(new)
