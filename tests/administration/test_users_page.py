"""The users page: everyone with a role here, roles, organisation, last login, second factor,
active or not; search and the role filter; a fixed number of queries."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.models import Role
from tests.core.factories import user_with_role


def test_the_page_lists_the_verksamhets_people(client, world):  # type: ignore[no-untyped-def]
    world.ombud_anna.last_login = timezone.make_aware(timezone.datetime(2026, 11, 30, 9, 15))
    world.ombud_anna.save()
    TOTPDevice.objects.create(user=world.ombud_anna, name="app", confirmed=True)
    client.force_login(world.admin_agnes)
    body = client.get(reverse("administration:users")).content.decode()
    for name in ["Anna Lind", "Omar Haddad", "Lars Berg", "Fatima Svensson", "Gunilla Ström"]:
        assert name in body
    assert "Olle Gran" not in body  # another verksamhet
    assert "Försäkringskassan" in body  # Fatima's organisation
    assert "2026-11-30 09:15" in body
    assert "Aktiverad" in body and "Inte aktiverad" in body
    assert 'href="/administration/anvandare/"' in body  # the menu link "Användare"


def test_search_and_role_filter(client, world):  # type: ignore[no-untyped-def]
    client.force_login(world.admin_agnes)
    url = reverse("administration:users")
    ombud = client.get(url + "?role=ombud").content.decode()
    assert "Anna Lind" in ombud and "Omar Haddad" in ombud and "Lars Berg" not in ombud
    found = client.get(url + "?q=haddad").content.decode()
    assert "Omar Haddad" in found and "Anna Lind" not in found
    assert "Inga användare matchar." in client.get(url + "?q=zzz").content.decode()


def test_the_list_takes_the_same_queries_for_more_people(
    client, world, django_assert_max_num_queries
):  # type: ignore[no-untyped-def]
    client.force_login(world.admin_agnes)
    url = reverse("administration:users")
    client.get(url)
    for n in range(30):
        user_with_role(world.verksamhet, Role.OMBUD, email=f"extra{n}@example.se")
    user_with_role(world.verksamhet, Role.MEMBER, world.orgs["af"], email="ledamot@example.se")
    with django_assert_max_num_queries(12):
        response = client.get(url + "?role=ombud")
    assert "extra29@example.se" in response.content.decode()
