"""The de-identification guard with realistic Swedish text: what it stops and what it lets by."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from systembrister.guard import check_texts, find_identifying

CLIENTS = ["Anna", "Kim Berg", "Stjärnan"]

IDENTIFYING = [
    ("Klienten nås på 070-123 45 67 dagtid.", "070-123 45 67", "phone"),
    ("Handläggaren bad om 19850412-1234 i mejlet.", "19850412-1234", "personnummer"),
    ("Beslutet gällde 850412-1234 och kom för sent.", "850412-1234", "personnummer"),
    ("Ring honom på +46 70 123 45 67 om det brådskar.", "+46 70 123 45 67", "phone"),
    ("Hans personnummer 198504121234 stod i ansökan.", "198504121234", "personnummer"),
    ("Över 100 år: 250412+1234 nekades tolk.", "250412+1234", "personnummer"),
    ("Samordningsnummer 850472-1234 godtogs inte av banken.", "850472-1234", "personnummer"),
    ("Mobil 0701234567, svarar sällan.", "0701234567", "phone"),
    ("Mottagningen har nummer 021-12 34 56.", "021-12 34 56", "phone"),
    ("Växeln 08-123 456 78 kopplade fel.", "08-123 456 78", "phone"),
    (
        "Skicka till anna.svensson@gmail.com så vidarebefordrar jag.",
        "anna.svensson@gmail.com",
        "email",
    ),
    ("Anna fick vänta i sex månader på sin LSS-bedömning.", "Anna", "name"),
    ("Vi såg att ANNA inte fick någon kallelse.", "ANNA", "name"),
    ("Handläggaren träffade kim berg två gånger.", "kim berg", "name"),
    ("Klienten som kallas Stjärnan fick avslag.", "Stjärnan", "name"),
]

CLEAN = [
    "Försäkringskassan avslog ansökan om sjukersättning den 2026-03-01.",
    "Skulden hos Kronofogden var 12 000 kr när ärendet kom in.",
    "Enligt 4 kap. 1 § SoL ska kommunen pröva behovet av bistånd.",
    "Under 2025 fick 14 klienter vänta mer än tre månader.",
    "Ärendet togs upp i protokollet § 12/2026.",
    "Västerås stad (org.nr 212000-2080) har ingen rutin för detta.",
    "Totalt 1 050 000 kr i hyresskulder bland klienterna.",
    "Telefontiden är kl. 08.30–10.00 och kön är ofta 45 minuter.",
    "Beslut fattades 2025-11-03 och överklagades 2026-01-15.",
    "Tre av tio klienter saknar kontaktperson på Arbetsförmedlingen.",
    "Diarienummer 2025/1234 hos Region Västmanland.",
    "Annandag jul stängde mottagningen, och Annas-dagen firas inte här.",
    "Handläggarna på kommunen byts ut var sjätte månad.",
]


@pytest.mark.parametrize(("text", "found", "kind"), IDENTIFYING)
def test_stops_identifying_text(text: str, found: str, kind: str) -> None:
    findings = find_identifying(text, terms=CLIENTS)
    assert [(f.text, f.kind) for f in findings] == [(found, kind)]


@pytest.mark.parametrize("text", CLEAN)
def test_lets_de_identified_text_by(text: str) -> None:
    assert find_identifying(text, terms=CLIENTS) == []


def test_message_is_swedish_names_the_words_and_is_keyed_by_field() -> None:
    with pytest.raises(ValidationError) as exc:
        check_texts(
            {"description": "Kim Berg ringde från 070-123 45 67.", "title": "Väntetider"},
            terms=CLIENTS,
        )
    errors = exc.value.message_dict
    assert list(errors) == ["description"]
    message = errors["description"][0]
    assert "”Kim Berg”" in message and "”070-123 45 67”" in message
    assert "Ta bort eller skriv om" in message


def test_names_match_whole_words_only() -> None:
    assert find_identifying("Kimberly och Bergslagen", terms=["Kim", "Berg"]) == []
