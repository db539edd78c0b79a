"""The benchmark harness: percentiles, missing pages, measuring, results.json."""

from __future__ import annotations

import datetime
import json

import pytest
from django.core.management import call_command

from bench import harness, run
from bench.pages import largest_verksamhet, pick


def test_percentile_is_nearest_rank():
    samples = list(range(1, 101))
    assert harness.percentile(samples, 50) == 50
    assert harness.percentile(samples, 95) == 95
    assert harness.percentile([7.0], 95) == 7.0


def test_a_page_without_its_url_name_is_reported_missing():
    page = harness.Page("nowhere", "ombud", [("clients:does_not_exist", ())])
    result = harness.measure(page, user=None, objects={}, n=3)
    assert result.status == "missing"
    assert "missing" in harness.table([result])


@pytest.mark.django_db
def test_measures_the_dashboard_and_writes_results(tmp_path):
    call_command(
        "seed_scale",
        verksamheter=2,
        ombud=3,
        clients=20,
        contacts=100,
        systembrister=4,
        today=datetime.date.today(),
        verbosity=0,
    )
    users, objects = pick(largest_verksamhet())
    page = harness.Page("dashboard_ombud", "ombud", [("dashboard", ())])
    result = harness.measure(page, users["ombud"], objects, n=3, warmup=0)
    assert result.status == "ok", result
    assert result.queries and result.p50_ms and result.p95_ms >= result.p50_ms

    out = tmp_path / "results.json"
    assert (
        run.main(["-n", "3", "--only", "dashboard_ombud,dashboard_lead", "--output", str(out)]) == 0
    )
    data = json.loads(out.read_text())
    assert set(data["dashboard_lead"]) >= {"p50_ms", "p95_ms", "queries"}
    assert data["caseload_raw_sql"]["p50_ms"] > 0
