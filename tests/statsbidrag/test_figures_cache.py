"""The redovisning figures cache: reused while nothing changed, recomputed after any write that
could change the figures, whichever way the write is made (save, update(), bulk, m2m, raw SQL)."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from clients.models import Client, Contact, ContactType, Uppdrag
from ledningsgrupp.models import (
    Attendance,
    Meeting,
    MemberOrganisation,
    Representative,
    SeatOffer,
)
from core.models import Kommun, Organisation, Verksamhet
from statsbidrag.models import CoFinancing, EmploymentPeriod, GrantYear
from statsbidrag.reports import cache
from statsbidrag.reports.cache import cached_redovisning_figures
from statsbidrag.reports.figures import redovisning_figures
from systembrister.models import Status, Support, Systembrist
from tests.core.factories import kommun

from .factories import (
    DecisionFactory,
    EmploymentPeriodFactory,
    PaymentFactory,
    RepaymentFactory,
    make_client,
    make_contact,
    make_uppdrag,
)

D = datetime.date


def cached(world: Any, year: int = 2025) -> tuple[dict[str, Any], int]:
    """The figures through the cache, and the number of queries it took."""
    with CaptureQueriesContext(connection) as ctx:
        figures = cached_redovisning_figures(verksamhet=world.verksamhet, year=year)
    return figures, len(ctx.captured_queries)


def fresh(world: Any, year: int = 2025) -> dict[str, Any]:
    return redovisning_figures(verksamhet=world.verksamhet, year=year)


def test_the_second_read_is_one_query_and_the_same_figures(dataset, world) -> None:  # type: ignore[no-untyped-def]
    first, computed = cached(world)
    second, queries = cached(world)
    assert first == second == fresh(world)
    assert queries == 1 < computed


def _c1(world: Any) -> Client:
    return Client.objects.get(verksamhet=world.verksamhet, alias="C1")


# Each write changes the 2025 figures of the dataset's verksamhet.
WRITES: dict[str, Callable[[Any, Any], Any]] = {
    "client added with an uppdrag": lambda w, d: make_uppdrag(
        make_client(w.verksamhet, "N1", birth_year=1970), started=D(2025, 5, 1)
    ),
    "client's kommun changed": lambda w, d: Client.objects.filter(pk=_c1(w).pk).update(
        kommun=kommun("1984")
    ),
    "uppdrag ended by update()": lambda w, d: Uppdrag.objects.filter(client=_c1(w)).update(
        ended=D(2025, 6, 1), end_reason="moved"
    ),
    "contact added": lambda w, d: make_contact(_c1(w), w.ombud_anna, D(2025, 8, 1), "brev"),
    "contacts added by bulk_create": lambda w, d: Contact.objects.bulk_create(
        [Contact(client=_c1(w), by=w.ombud_anna, date=D(2025, 8, 2), type=ContactType.BREV)]
    ),
    "contact struck": lambda w, d: Contact.objects.filter(
        client=_c1(w), type=ContactType.HEMBESOK, date=D(2025, 3, 1)
    ).update(struck_at=timezone.now(), struck_by=w.ombud_anna, struck_reason="fel"),
    "contact deleted": lambda w, d: Contact.objects.filter(
        client=_c1(w), date=D(2025, 4, 1)
    ).delete(),
    "contact added by raw SQL": lambda w, d: _raw_contact(w),
    "employment period added": lambda w, d: EmploymentPeriodFactory(
        verksamhet=w.verksamhet, name="Ny", start=D(2025, 10, 1)
    ),
    "ombud renamed": lambda w, d: _rename_user(w.ombud_anna),
    "grant year costs changed": lambda w, d: GrantYear.objects.filter(pk=d["grant_year"].pk).update(
        costs=Decimal("1300000")
    ),
    "participating kommun removed": lambda w, d: d["grant_year"].participating_kommuner.remove(
        kommun("1984")
    ),
    "co-financing changed": lambda w, d: CoFinancing.objects.filter(
        grant_year=d["grant_year"]
    ).update(actual=Decimal("1")),
    "decision added": lambda w, d: DecisionFactory(
        grant_year=d["grant_year"], decided_on=D(2025, 12, 1), granted_amount=Decimal("5")
    ),
    "payment added": lambda w, d: PaymentFactory(
        grant_year=d["grant_year"], paid_on=D(2025, 12, 1)
    ),
    "repayment added": lambda w, d: RepaymentFactory(grant_year=d["grant_year"]),
    "kommun renamed": lambda w, d: Kommun.objects.filter(kod="1980").update(name="Västerås kommun"),
    "kommun served added": lambda w, d: w.verksamhet.kommuner.add(kommun("0180")),
    "verksamhet renamed": lambda w, d: _rename_verksamhet(w.verksamhet),
    "organisation renamed": lambda w, d: Organisation.objects.filter(pk=w.orgs["fk"].pk).update(
        name="FK"
    ),
    "systembrist closed": lambda w, d: Systembrist.objects.filter(title="Långa väntetider").update(
        status=Status.CLOSED
    ),
    "support added": lambda w, d: Support.objects.create(
        systembrist=d["s1"], ombud=w.ombud_anna, clients_affected=5
    ),
    "responsible organisation added": lambda w, d: d["s1"].organisations.add(w.orgs["af"]),
    "meeting held": lambda w, d: Meeting.objects.filter(date=D(2025, 12, 15)).update(status="held"),
    "attendance changed": lambda w, d: Attendance.objects.filter(status="absent").update(
        status="present"
    ),
    "representative moved": lambda w, d: Representative.objects.update(
        member_organisation=MemberOrganisation.objects.get(organisation=w.orgs["kommun"])
    ),
    "member organisation left": lambda w, d: MemberOrganisation.objects.filter(
        organisation=w.orgs["psykiatri"]
    ).update(end=D(2025, 7, 1)),
    "seat offer added": lambda w, d: SeatOffer.objects.create(
        ledningsgrupp=MemberOrganisation.objects.first().ledningsgrupp,  # type: ignore[union-attr]
        organisation=w.orgs["af"],
        offered_on=D(2025, 5, 5),
    ),
}


def _raw_contact(world: Any) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO clients_contact (version, client_id, date, type, no_personal_data,"
            " note, by_id, created_at, struck_reason) VALUES (1, %s, %s, 'brev', false, '', %s,"
            " now(), '')",
            [_c1(world).pk, D(2025, 9, 9), world.ombud_anna.pk],
        )


def _rename_verksamhet(verksamhet: Verksamhet) -> None:
    verksamhet.name = "PO Västmanland län"
    verksamhet.save()


def _rename_user(user: Any) -> None:
    user.first_name = "Annika"
    user.save()


@pytest.mark.parametrize("write", list(WRITES), ids=list(WRITES))
def test_a_write_retires_the_cached_figures(dataset, world, write) -> None:  # type: ignore[no-untyped-def]
    before, _ = cached(world)
    WRITES[write](world, dataset)
    after, queries = cached(world)
    assert after == fresh(world)
    assert after != before
    assert queries > 1


def test_writes_elsewhere_keep_the_cached_figures(dataset, world) -> None:  # type: ignore[no-untyped-def]
    cached(world)
    other = make_client(world.other_verksamhet, "G1", birth_year=1980)
    make_contact(other, world.outsider_olle, D(2025, 3, 3), "telefon")
    EmploymentPeriod.objects.filter(verksamhet=world.other_verksamhet).update(name="Gotland")
    world.ombud_anna.save(update_fields=["last_login"])  # a login
    _, queries = cached(world)
    assert queries == 1


def test_a_write_committed_while_computing_retires_the_entry(dataset, world, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The entry keeps the change count read before computing, so a write made between the
    computation and the store does not hide behind it."""
    compute = cache.redovisning_figures

    def compute_then_write(**kwargs: Any) -> dict[str, Any]:
        figures = compute(**kwargs)
        make_contact(_c1(world), world.ombud_anna, D(2025, 11, 11), "brev")
        return figures

    monkeypatch.setattr(cache, "redovisning_figures", compute_then_write)
    stale, _ = cached(world)
    monkeypatch.setattr(cache, "redovisning_figures", compute)
    now, queries = cached(world)
    assert queries > 1
    assert now == fresh(world) != stale


def test_compacting_the_changes_keeps_the_entry_valid(dataset, world, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(cache, "COMPACT_AFTER", 3)
    for day in range(1, 6):
        make_contact(_c1(world), world.ombud_anna, D(2025, 10, day), "brev")
    figures, _ = cached(world)  # computes, stores, then folds the pending rows into a count
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {cache.CHANGE}")  # noqa: S608
        assert cursor.fetchone()[0] == 0
    assert cached(world) == (figures, 1)
    make_contact(_c1(world), world.ombud_anna, D(2025, 10, 9), "brev")
    after, queries = cached(world)
    assert queries > 1 and after == fresh(world) != figures


def test_language_is_part_of_the_key(dataset, world) -> None:  # type: ignore[no-untyped-def]
    with translation.override("sv"):
        swedish, _ = cached(world)
    with translation.override("en"):
        english, queries = cached(world)
        assert english == fresh(world)
    assert queries > 1
    assert swedish["ledningsgrupp"]["members"] != english["ledningsgrupp"]["members"]


def test_the_current_year_is_recomputed_the_next_day(dataset, world, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The ledningsgrupp's composition is checked on today's date while the year lasts."""
    today = timezone.localdate()
    cached(world, today.year)
    assert cached(world, today.year)[1] == 1
    monkeypatch.setattr(timezone, "localdate", lambda: today + datetime.timedelta(days=1))
    figures, queries = cached(world, today.year)
    assert queries > 1
    assert (
        figures["ledningsgrupp"]["check"]["on"] == (today + datetime.timedelta(days=1)).isoformat()
    )


def test_every_table_the_figures_read_is_watched(dataset, world) -> None:  # type: ignore[no-untyped-def]
    """A table read by the figures without a trigger would let a write go unnoticed."""
    with CaptureQueriesContext(connection) as ctx:
        redovisning_figures(verksamhet=world.verksamhet, year=2025)
    read = {t for q in ctx.captured_queries for t in re.findall(r'"([a-z]+_[a-z_]+)"', q["sql"])}
    read |= {
        t
        for q in ctx.captured_queries
        for t in re.findall(r"(?:FROM|JOIN) ([a-z]+_[a-z_]+)", q["sql"])
    }
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
            " WHERE t.tgname LIKE 'statsbidrag_figures_%%'"
        )
        watched = {row[0] for row in cursor.fetchall()}
    tables = set(connection.introspection.table_names())
    assert "clients_contact" in read and "ledningsgrupp_attendance" in read
    assert (read & tables) - watched == set()


def test_submitting_computes_the_figures_afresh(dataset, world) -> None:  # type: ignore[no-untyped-def]
    from statsbidrag.services import document_for, document_submit

    cached(world)
    with connection.cursor() as cursor:  # an entry that lies
        cursor.execute(f"UPDATE {cache.CACHE} SET figures = '{{\"lie\": 1}}'")  # noqa: S608
    assert cached(world)[0] == {"lie": 1}
    document = document_for(
        kind="redovisning", grant_year=dataset["grant_year"], by=world.lead_lars
    )
    document = document_submit(kind="redovisning", document=document, by=world.lead_lars)
    assert document.snapshot["figures"] == fresh(world)


def test_forget_all_empties_the_cache(dataset, world) -> None:  # type: ignore[no-untyped-def]
    cached(world)
    cache.forget_all()
    assert cached(world)[1] > 1


def test_a_truncate_empties_the_cache(dataset, world) -> None:  # type: ignore[no-untyped-def]
    """TRUNCATE fires no row triggers (Django's flush, the scale generator's reset)."""
    cached(world)
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no deferred checks pending
        cursor.execute("TRUNCATE statsbidrag_payment")
    after, queries = cached(world)
    assert queries > 1 and after == fresh(world)


def test_a_draft_pdf_is_made_once_for_the_same_content(dataset, world, client, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import core.pdf
    from statsbidrag.services import document_for, document_save_answers

    from .test_services_documents import pdf_text

    made: list[str] = []
    render = ombud.pdf.render_pdf

    def counting(template: str, context: dict[str, Any], *, title: str) -> bytes:
        made.append(title)
        return render(template, context, title=title)

    monkeypatch.setattr(ombud.pdf, "render_pdf", counting)
    client.force_login(world.lead_lars)
    url = "/statsbidrag/ar/2025/redovisning/pdf/"
    first = client.get(url)
    assert first.status_code == 200 and client.get(url).content == first.content
    assert len(made) == 1
    make_contact(_c1(world), world.ombud_anna, D(2025, 8, 8), "brev")  # figures change
    client.get(url)
    assert len(made) == 2
    document = document_for(
        kind="redovisning", grant_year=dataset["grant_year"], by=world.lead_lars
    )
    document_save_answers(
        kind="redovisning",
        document=document,
        by=world.lead_lars,
        answers={"verksamhet": "Ett nytt svar."},
        expected_version=document.version,
    )
    assert "Ett nytt svar." in pdf_text(client.get(url).content)
    assert len(made) == 3
