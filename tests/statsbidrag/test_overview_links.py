"""Issue 18: the statsbidrag overview links nothing a user cannot open (an ombud followed
"Inskickad 2026-12-01" to a 403)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from .factories import GrantYearFactory


@pytest.fixture
def submitted_2026(world):  # type: ignore[no-untyped-def]
    from statsbidrag import services

    gy = GrantYearFactory(verksamhet=world.verksamhet, year=2026)
    for kind in ("ansokan", "redovisning"):
        document = services.document_for(kind=kind, grant_year=gy, by=world.grant_gunilla)
        services.document_submit(
            kind=kind, document=document, by=world.grant_gunilla, expected_version=document.version
        )
    GrantYearFactory(verksamhet=world.verksamhet, year=2027)  # drafts only
    return gy


@pytest.mark.parametrize("who", ["ombud_anna", "member_fk", "grant_gunilla", "lead_lars"])
def test_every_link_on_the_overview_opens(client, world, submitted_2026, who) -> None:  # type: ignore[no-untyped-def]
    client.force_login(world.users[who])
    page = client.get(reverse("statsbidrag:index")).content.decode()
    links = _links(page)
    assert links, who
    # The overview's links, and the links on the pages they lead to.
    for url in sorted(links):
        response = client.get(url)
        assert response.status_code == 200, (who, url)
        if response["Content-Type"].startswith("text/html"):
            for deeper in sorted(_links(response.content.decode()) - links):
                if "pdf" in deeper:  # a PDF costs a second; its access is the page's
                    continue
                assert client.get(deeper).status_code == 200, (who, url, deeper)


def _links(page: str) -> set[str]:
    main = page[page.index('<main id="main"') :]
    return set(re.findall(r'href="(/statsbidrag/[^"?#]*)"', main))


def test_the_ombud_sees_submitted_as_text_where_there_is_no_link(
    client, world, submitted_2026
) -> None:  # type: ignore[no-untyped-def]
    client.force_login(world.ombud_anna)
    page = client.get(reverse("statsbidrag:index")).content.decode()
    application = reverse("statsbidrag:document", kwargs={"year": 2026, "kind": "ansokan"})
    assert application not in page
    assert client.get(application).status_code == 403
