"""Field work on a phone (#18): overdue reminders said in words, the tasks page, quick contact."""

from __future__ import annotations

import datetime

from bs4 import BeautifulSoup

from tests.clients.factories import StepFactory, TaskFactory, full_client, today


def items(body: str, text: str) -> list[str]:
    """The text of every list item that mentions ``text``."""
    soup = BeautifulSoup(body, "html.parser")
    return [" ".join(li.get_text().split()) for li in soup.find_all("li") if text in li.get_text()]


def test_overdue_steps_follow_ups_and_tasks_are_marked_in_words(client, world) -> None:  # type: ignore[no-untyped-def]
    f = full_client(world, world.ombud_anna)
    yesterday = today() - datetime.timedelta(days=1)
    f["plan"].follow_up = yesterday
    f["plan"].save()
    f["step"].due = yesterday
    f["step"].save()
    StepFactory(goal=f["goal"], description="Boka möte med hyresvärden")  # due in 3 days
    TaskFactory(owner=world.ombud_anna, title="Skicka intyget", due=yesterday)
    TaskFactory(owner=world.ombud_anna, title="Ringa tandläkaren", due=today())
    client.force_login(world.ombud_anna)
    for url in ("/", "/klienter/uppgifter/"):
        body = client.get(url).content.decode()
        assert all("Försenad" in li for li in items(body, "Utreda rätt")), url
        assert not any("Försenad" in li for li in items(body, "Boka möte")), url
        assert any("Försenad" in li for li in items(body, yesterday.isoformat())), url
        assert all("Försenad" in li for li in items(body, "Skicka intyget")), url
        assert not any("Försenad" in li for li in items(body, "Ringa tandläkaren")), url


def test_tasks_page_lists_the_tasks_under_one_heading(client, world) -> None:  # type: ignore[no-untyped-def]
    full_client(world, world.ombud_anna)
    client.force_login(world.ombud_anna)
    soup = BeautifulSoup(client.get("/klienter/uppgifter/").content.decode(), "html.parser")
    headings = [h.get_text(strip=True) for h in soup.find_all(["h1", "h2", "h3"])]
    assert headings.count("Mina uppgifter") == 1, headings
    assert len(items(str(soup), "Ring handläggaren")) == 1
