"""Every edit form carries a version: the second of two concurrent saves is refused, shows
the other person's change, and keeps the user's input."""

from __future__ import annotations

from tests.security.harness import client_for, is_action_skipped, post_forms, visits

CONFLICT = "sparade medan du redigerade"


def _initial(form):  # type: ignore[no-untyped-def]
    return {
        name: (vals if len(vals) > 1 else vals[0]) for name, vals in form.fields.items() if vals
    }


def _button_only(form) -> bool:  # type: ignore[no-untyped-def]
    """A form that is only a button (submit a document): its outcome, refused or done, is a
    message on the page it returns to, so the test reads that page."""
    return not form.text_fields and set(form.fields) <= {"version", "csrfmiddlewaretoken"}


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
            response = second.post(form.action, data=stale, follow=_button_only(form))
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


# Finding 12: a POST without the hidden ``version`` field must not skip the lost-update check.
MISSING_VERSION = "skickades utan versionsnummer"


def _history_rows() -> int:
    from django.apps import apps

    # Every save writes a history row (simple_history's models carry ``instance_type``).
    return sum(m.objects.count() for m in apps.get_models() if hasattr(m, "instance_type"))


def test_edit_without_version_is_refused(client, world):  # type: ignore[no-untyped-def]
    from clients.models import Client
    from tests.clients.factories import client_of

    annas = client_of(world, world.ombud_anna, alias="Före")
    client.force_login(world.ombud_anna)
    url = f"/klienter/{annas.pk}/andra/"
    response = client.post(url, {"alias": "Utan version", "gender": "kvinna"})
    body = response.content.decode()
    assert response.status_code == 200
    assert MISSING_VERSION in body
    assert "Utan version" in body  # the user's input is kept
    assert Client.objects.get(pk=annas.pk).alias == "Före"
    # The form shown again carries the version, so saving again (knowingly) works.
    form = next(f for f in post_forms(body, url) if "version" in f.fields)
    assert form.fields["version"] == [str(annas.version)]
    response = client.post(
        url, {"alias": "Med version", "gender": "kvinna", "version": annas.version}
    )
    assert response.status_code == 302
    assert Client.objects.get(pk=annas.pk).alias == "Med version"


def test_edit_without_version_is_refused_on_every_edit_form(world):  # type: ignore[no-untyped-def]
    checked, failures = [], []
    for visit in visits(world):
        user = client_for(world, visit.role)
        page = user.get(visit.url)
        if page.status_code != 200 or "text/html" not in page.headers.get("Content-Type", ""):
            continue
        for form in post_forms(page.content.decode(), visit.url):
            if (
                "version" not in form.fields
                or is_action_skipped(form.action)
                or not any(form.fields["version"])
            ):
                continue  # no version shown: a create form
            data = {k: v for k, v in _initial(form).items() if k != "version"}
            marker = "Min text utan version"
            if form.text_fields:
                data[form.text_fields[0]] = marker
            before = _history_rows()
            response = user.post(form.action, data=data, follow=_button_only(form))
            body = response.content.decode()
            checked.append(form.action)
            if _history_rows() != before:
                failures.append(f"{form.action}: saved without a version")
            elif response.status_code != 200 or MISSING_VERSION not in body:
                failures.append(f"{form.action}: no message (status {response.status_code})")
            elif form.text_fields and marker not in body:
                failures.append(f"{form.action}: the user's input was lost")
    print(f"missing version checked on {len(checked)} edit forms")
    assert len(checked) >= 10
    assert not failures, "\n".join(failures)


def test_edit_without_version_is_refused_by_the_service(world):  # type: ignore[no-untyped-def]
    import pytest

    from clients import services
    from clients.models import Client
    from core.concurrency import StaleEdit
    from tests.clients.factories import client_of

    annas = client_of(world, world.ombud_anna, alias="Före")
    with pytest.raises(StaleEdit):
        services.client_update(client=annas, by=world.ombud_anna, version=None, alias="Efter")
    assert Client.objects.get(pk=annas.pk).alias == "Före"
