"""Every edit form carries a version: the second of two concurrent saves is refused, shows
the other person's change, and keeps the user's input."""

from __future__ import annotations

from tests.security.harness import client_for, is_action_skipped, post_forms, visits

CONFLICT = "sparade medan du redigerade"


def _initial(form):  # type: ignore[no-untyped-def]
    return {
        name: (vals if len(vals) > 1 else vals[0]) for name, vals in form.fields.items() if vals
    }


def test_every_versioned_form_refuses_a_stale_save(world):  # type: ignore[no-untyped-def]
    checked, failures = [], []
    for visit in visits(world):
        first = client_for(world, visit.role)
        page = first.get(visit.url)
        if page.status_code != 200 or "text/html" not in page.headers.get("Content-Type", ""):
            continue
        for form in post_forms(page.content.decode(), visit.url):
            if (
                "version" not in form.fields
                or is_action_skipped(form.action)
                or not form.fields["version"]
            ):
                continue
            data = _initial(form)
            saved = first.post(form.action, data=data)
            if saved.status_code not in (200, 302):
                failures.append(f"{form.action}: first save gave {saved.status_code}")
                continue
            if saved.status_code == 200 and (
                "is-invalid" in saved.content.decode() or "errorlist" in saved.content.decode()
            ):
                continue  # the page's own initial data is not a valid submission (e.g. a blank add form)
            # A second user loaded the same form before the first saved.
            second = client_for(world, visit.role)
            stale = dict(data)
            marker = "Min ändring som inte får försvinna"
            if form.text_fields:
                stale[form.text_fields[0]] = marker
            response = second.post(form.action, data=stale)
            body = response.content.decode()
            checked.append(form.action)
            # Refused either as a conflict, or (for state transitions such as "start the
            # uppdrag") because the first save already changed the state: both show an error.
            refused = (
                CONFLICT in body
                or "alert-danger" in body
                or "is-invalid" in body
                or "errorlist" in body
            )
            if response.status_code != 200 or not refused:
                failures.append(
                    f"{form.action}: stale save not refused (status {response.status_code})"
                )
            elif form.text_fields and marker not in body:
                failures.append(f"{form.action}: the user's input was lost on conflict")
    print(f"concurrency checked on {len(checked)} edit forms: {checked}")
    assert not failures, "\n".join(failures)
