"""An ended consent offers nothing to withdraw; one in force does."""

from __future__ import annotations

import datetime

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from .factories import ConsentFactory


def test_only_a_consent_in_force_offers_withdraw(world, annas_client) -> None:  # type: ignore[no-untyped-def]
    today = timezone.localdate()
    ended = ConsentFactory(
        client=annas_client,
        organisation=world.orgs["fk"],
        recorded_by=world.ombud_anna,
        valid_from=today - datetime.timedelta(days=400),
        valid_until=today - datetime.timedelta(days=10),
    )
    current = ConsentFactory(
        client=annas_client,
        organisation=world.orgs["af"],
        recorded_by=world.ombud_anna,
        valid_until=today + datetime.timedelta(days=100),
    )
    browser = Client()
    browser.force_login(world.ombud_anna)
    html = browser.get(reverse("clients:consents", args=[annas_client.pk])).content.decode()
    assert reverse("clients:consent_withdraw", args=[annas_client.pk, current.pk]) in html
    assert reverse("clients:consent_withdraw", args=[annas_client.pk, ended.pk]) not in html
