"""axe-core (WCAG 2.1 AA) on every HTML page of the access matrix, as a role that may see it,
and every such page fits a phone (360 and 390 px wide) without sideways scrolling, of the page
or of a table in it."""

from __future__ import annotations

from collections import defaultdict

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.access import ROLE_USERS
from tests.security.harness import visits

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP = {"width": 1280, "height": 720}
PHONES = (390, 360)  # an iPhone 12-15 and the narrowest common Android
# The page's widest element when the page is wider than the window: what to fix.
WIDEST = """() => {
  const w = window.innerWidth;
  let widest = null;
  for (const el of document.body.querySelectorAll('*')) {
    const right = el.getBoundingClientRect().right;
    if (right > w + 1 && (!widest || right >= widest.right)) {
      widest = {right: Math.round(right), tag: el.tagName, cls: String(el.className).slice(0, 60),
                text: (el.textContent || '').trim().slice(0, 40)};
    }
  }
  // A table that scrolls sideways inside the page hides its last columns just the same;
  // only the grant report's figure tables (.sb-table), rows by numbers, may.
  const scrolling = [...document.querySelectorAll('.table-responsive')]
    .filter((el) => el.scrollWidth > el.clientWidth + 1 && !el.querySelector('table.sb-table'))
    .map((el) => (el.querySelector('caption') || el).textContent.trim().slice(0, 60));
  return {scroll: document.documentElement.scrollWidth, window: w, widest: widest, scrolling: scrolling};
}"""


def too_wide(page) -> list[str]:  # type: ignore[no-untyped-def]
    """The widths (the desktop's, then the phones') at which the page, or a table in it,
    scrolls sideways, with the page's widest element or the table's caption."""
    found = []
    for width in (DESKTOP["width"], *PHONES):
        page.set_viewport_size({"width": width, "height": DESKTOP["height"]})
        m = page.evaluate(WIDEST)
        if m["scroll"] > m["window"]:
            found.append(f"{m['scroll']} px wide at {width} px (widest: {m['widest']})")
        if m["scrolling"]:
            found.append(f"a table scrolls sideways at {width} px: {m['scrolling']}")
    page.set_viewport_size(DESKTOP)
    return found


def test_axe_on_every_page(world, live_server, browser):  # type: ignore[no-untyped-def]
    by_role = defaultdict(list)
    for visit in visits(world):
        by_role[visit.role].append(visit)
    axe = Axe()
    failures, checked = [], 0
    for role, role_visits in by_role.items():
        context = browser.new_context(viewport=DESKTOP)
        page = context.new_page()
        user = world.users[ROLE_USERS[role]]
        page.goto(f"{live_server.url}/konto/logga-in/")
        page.get_by_label("E-postadress").fill(user.email)
        page.get_by_label("Lösenord").fill("Testlosenord-123")
        page.get_by_role("button", name="Logga in").click()
        page.wait_for_url(f"{live_server.url}/")
        for visit in role_visits:
            response = page.request.get(f"{live_server.url}{visit.url}")
            if "text/html" not in response.headers.get("content-type", ""):
                continue
            page.goto(f"{live_server.url}{visit.url}")
            results = axe.run(page, options={"runOnly": ["wcag2a", "wcag2aa", "wcag21aa"]})
            checked += 1
            if results.violations_count:
                failures.append(f"{visit.url} as {role}:\n{results.generate_report()}")
            if page.locator("h1").count() != 1:
                failures.append(f"{visit.url} as {role}: {page.locator('h1').count()} h1 elements")
            failures.extend(f"{visit.url} as {role}: {w}" for w in too_wide(page))
        context.close()
    print(f"axe checked {checked} pages")
    assert checked >= 5
    assert not failures, "\n\n".join(failures)
