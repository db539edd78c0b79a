"""The rules behind the database constraints show next to their field, in Swedish, before the
database would refuse the row (the banner once read 'Begränsningen ... överträds')."""

from __future__ import annotations

from bs4 import BeautifulSoup
from django.urls import reverse

from core.models import Kommun
from statsbidrag.models import EmploymentPeriod


def _field_errors(html: str) -> dict[str, str]:
    soup = BeautifulSoup(html, "html.parser")
    found = {}
    for error in soup.select(".invalid-feedback"):
        field = error.get("id", "").removeprefix("id_").removesuffix("_error")
        found[field] = error.get_text(" ", strip=True)
    return found


def _post(client, world, **fields):  # type: ignore[no-untyped-def]
    client.force_login(world.grant_gunilla)
    data = {
        "ombud": world.ombud_omar.pk,
        "start": "2025-03-01",
        "percent": "75",
        "employer_kommun": Kommun.objects.get(kod="1980").pk,
        **fields,
    }
    return client.post(reverse("statsbidrag:employment_new"), data)


def test_percent_out_of_range_is_refused_next_to_the_field(world, client) -> None:  # type: ignore[no-untyped-def]
    response = _post(client, world, percent="0")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ange en andel över 0 och högst 100 procent." in _field_errors(html)["percent"]
    assert "Begränsningen" not in html and "employment_percent_range" not in html
    assert not EmploymentPeriod.objects.filter(ombud=world.ombud_omar).exists()


def test_an_end_before_the_start_is_refused_next_to_the_end(world, client) -> None:  # type: ignore[no-untyped-def]
    response = _post(client, world, end="2025-02-01")
    html = response.content.decode()
    assert response.status_code == 200
    assert "samma dag som den börjar eller senare" in _field_errors(html)["end"]
    assert "employment_end_after_start" not in html
    assert 'value="2025-02-01"' in html  # what was typed stays
