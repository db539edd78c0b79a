"""The Klienter file's columns, its parsed row and the alias key (see ``clients``)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from clients.models import UppdragStatus

# The headers are the file's format (the template writes them), Swedish as the team's
# spreadsheets are, so they are not translated with the pages.
ALIAS = "Alias"
FIRST = "Förnamn"
LAST = "Efternamn"
PNR = "Personnummer"
BORN = "Födelseår"
GENDER = "Kön"
KOMMUN = "Kommun"
PHONE = "Telefon"
EMAIL = "E-post"
GROUP = "Primär klientgrupp"
STATUS = "Status"
WAITING = "På väntelistan sedan"
CONTACT = "Kontaktskapande från"
STARTED = "Uppdraget startade"
ENDED = "Uppdraget avslutades"
END_REASON = "Avslutsorsak"
OMBUD = "Ansvarigt ombud"
REFERRED = "Hur klienten kom till oss"

S = UppdragStatus
BATCH = 1000


@dataclass
class ClientRow:
    alias: str
    fields: dict[str, Any]
    status: str
    waiting_since: datetime.date | None
    contact_started: datetime.date | None
    started: datetime.date | None
    ended: datetime.date | None
    end_reason: str
    ombud: Any
    referred_by: str


def _alias_key(alias: str, birth_year: int | None, kommun_id: int | None) -> tuple[Any, ...]:
    return ("alias", " ".join(alias.split()).casefold(), birth_year, kommun_id)
