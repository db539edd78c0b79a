"""The consent check on contacts, consent and fullmakt services."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from clients import services
from clients.models import Contact, ContactKind, ContactType
from tests.clients.factories import ConsentFactory, today

D = datetime.timedelta


def log(client, ombud, org, day, **kw):  # type: ignore[no-untyped-def]
    return services.contact_log(
        client=client, by=ombud, date=day, type=ContactType.TELEFON, organisations=[org], **kw
    )


@pytest.fixture
def fk_consent(world, annas_client):  # type: ignore[no-untyped-def]
    return ConsentFactory(
        client=annas_client,
        organisation=world.orgs["fk"],
        recorded_by=world.ombud_anna,
        valid_from=today() - D(days=20),
        valid_until=today() - D(days=5),
    )


def test_contact_allowed_on_a_day_the_consent_is_valid(world, annas_client, fk_consent) -> None:
    contact = log(annas_client, world.ombud_anna, world.orgs["fk"], today() - D(days=10))
    assert list(contact.organisations.all()) == [world.orgs["fk"]]
    # first and last day count
    log(annas_client, world.ombud_anna, world.orgs["fk"], today() - D(days=20))
    log(annas_client, world.ombud_anna, world.orgs["fk"], today() - D(days=5))


def test_contact_refused_after_the_consent_expired(world, annas_client, fk_consent) -> None:
    with pytest.raises(ValidationError) as exc:
        log(annas_client, world.ombud_anna, world.orgs["fk"], today() - D(days=4))
    message = exc.value.message_dict["organisations"][0]
    assert "Försäkringskassan" in message
    assert "samtycke" in message
    assert not Contact.objects.exists()


def test_contact_refused_before_a_future_consent(world, annas_client) -> None:
    ConsentFactory(
        client=annas_client,
        organisation=world.orgs["af"],
        recorded_by=world.ombud_anna,
        valid_from=today() + D(days=3),
    )
    with pytest.raises(ValidationError):
        log(annas_client, world.ombud_anna, world.orgs["af"], today())


def test_contact_refused_from_the_day_the_consent_is_withdrawn(world, annas_client) -> None:
    consent = ConsentFactory(
        client=annas_client, organisation=world.orgs["af"], recorded_by=world.ombud_anna
    )
    services.consent_withdraw(
        consent=consent,
        by=world.ombud_anna,
        on=today() - D(days=1),
        reason="Vill själv",
        version=consent.version,
    )
    log(annas_client, world.ombud_anna, world.orgs["af"], today() - D(days=2))
    with pytest.raises(ValidationError):
        log(annas_client, world.ombud_anna, world.orgs["af"], today() - D(days=1))
    consent.refresh_from_db()
    assert consent.withdrawn_reason == "Vill själv"
    assert consent.history.first().history_user == world.ombud_anna


def test_avidentifierad_contact_needs_no_consent(world, annas_client) -> None:
    contact = log(
        annas_client, world.ombud_anna, world.orgs["af"], today(), kind=ContactKind.AVIDENTIFIERAD
    )
    assert contact.kind == ContactKind.AVIDENTIFIERAD


def test_consent_of_another_client_does_not_count(world, annas_client) -> None:
    from tests.clients.factories import client_of

    other = client_of(world, world.ombud_anna)
    ConsentFactory(client=other, organisation=world.orgs["fk"], recorded_by=world.ombud_anna)
    with pytest.raises(ValidationError):
        log(annas_client, world.ombud_anna, world.orgs["fk"], today())


def test_contact_in_the_future_or_with_another_services_org_is_refused(world, annas_client) -> None:
    with pytest.raises(ValidationError):
        services.contact_log(
            client=annas_client, by=world.ombud_anna, date=today() + D(days=1), type="telefon"
        )
    with pytest.raises(ValidationError):
        log(
            annas_client,
            world.ombud_anna,
            world.orgs["other_fk"],
            today(),
            kind=ContactKind.AVIDENTIFIERAD,
        )


def test_strike_keeps_the_entry(world, annas_client) -> None:
    contact = services.contact_log(
        client=annas_client, by=world.ombud_anna, date=today(), type="hembesok"
    )
    with pytest.raises(ValidationError):
        services.contact_strike(contact=contact, by=world.ombud_anna, reason=" ")
    services.contact_strike(contact=contact, by=world.ombud_anna, reason="Fel klient")
    contact.refresh_from_db()
    assert contact.struck_at and contact.struck_by == world.ombud_anna
    assert contact.struck_reason == "Fel klient"
    with pytest.raises(ValidationError):
        services.contact_strike(contact=contact, by=world.ombud_anna, reason="igen")


def test_consent_create_update_and_rules(world, annas_client) -> None:
    with pytest.raises(ValidationError) as exc:
        services.consent_create(
            client=annas_client,
            by=world.ombud_anna,
            organisation=world.orgs["fk"],
            scope="Allt",
            form="written",
            valid_from=today(),
            valid_until=today() - D(days=1),
        )
    assert "valid_until" in exc.value.message_dict
    consent = services.consent_create(
        client=annas_client,
        by=world.ombud_anna,
        organisation=world.orgs["fk"],
        scope="Sjukpenning",
        form="oral",
        witness="Kollega",
        valid_from=today(),
    )
    assert consent.recorded_by == world.ombud_anna
    services.consent_update(consent=consent, by=world.ombud_anna, version=1, scope="Mer")
    assert consent.version == 2
    from core.concurrency import StaleEdit

    with pytest.raises(StaleEdit):
        services.consent_update(consent=consent, by=world.ombud_anna, version=1, scope="Gammal")
    with pytest.raises(ValidationError):
        services.consent_create(
            client=annas_client,
            by=world.ombud_anna,
            organisation=world.orgs["other_fk"],
            scope="x",
            form="oral",
            valid_from=today(),
        )


def test_fullmakt_needs_end_date_within_a_year(world, annas_client) -> None:
    base = {"client": annas_client, "by": world.ombud_anna, "organisation": world.orgs["fk"]}
    with pytest.raises(ValidationError) as exc:
        services.fullmakt_create(
            **base, covers="Bostadstillägg", valid_from=today(), valid_until=today() + D(days=400)
        )
    assert "valid_until" in exc.value.message_dict
    with pytest.raises(ValidationError):
        services.fullmakt_create(
            **base, covers=" ", valid_from=today(), valid_until=today() + D(days=40)
        )
    fullmakt = services.fullmakt_create(
        **base, covers="Bostadstillägg", valid_from=today(), valid_until=today() + D(days=40)
    )
    services.fullmakt_withdraw(
        fullmakt=fullmakt, by=world.ombud_anna, on=today(), version=fullmakt.version
    )
    with pytest.raises(ValidationError):
        services.fullmakt_update(
            fullmakt=fullmakt, by=world.ombud_anna, version=fullmakt.version, covers="x"
        )
