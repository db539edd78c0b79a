"""The demo systembrister: realistic Swedish reports without identities (data for demo.py)."""

from __future__ import annotations

import datetime
from typing import Any

from core.choices import LifeArea

from .models import Level

D = datetime.date

REPORTS: list[dict[str, Any]] = [
    {
        "key": "bostadstillagg",
        "reporter": "ombud_anna",
        "title": "Långa handläggningstider för bostadstillägg",
        "description": "Beslut om bostadstillägg dröjer ofta fyra till sex månader. Under "
        "tiden uppstår hyresskulder och i flera fall hot om vräkning.",
        "examples": "En klient med sjukersättning fick beslut efter fem månader och hade då "
        "två obetalda hyror.",
        "suggested_improvement": "Förtur eller interimistiskt beslut när hyresskuld uppstår.",
        "level": Level.CENTRAL,
        "orgs": ["fk"],
        "life_area": LifeArea.EKONOMI,
        "n": 6,
        "observed": D(2024, 11, 1),
        "submitted": D(2025, 1, 20),
        "path": "closed",
        "answers": {
            "fk": (
                "Handläggningstiden beror på hög ärendemängd. Vi inför en rutin där "
                "ärenden med dokumenterad hyresskuld prioriteras.",
                "Prioriteringsrutin för ärenden med hyresskuld",
                D(2025, 9, 1),
            )
        },
        "outcome": "partly",
        "conclusion": "Rutinen har förbättrat läget men väntetiderna är fortfarande långa. "
        "Frågan lyfts till länsstyrelsen.",
        "forward": ("lansstyrelsen", D(2025, 10, 15)),
        "closed": D(2025, 10, 1),
    },
    {
        "key": "sip",
        "reporter": "ombud_omar",
        "title": "Ingen samordnad individuell plan efter utskrivning från psykiatrin",
        "description": "Klienter skrivs ut från heldygnsvården utan att SIP-möte kallats, "
        "trots att insatser från både kommun och region behövs.",
        "examples": "Vid tre utskrivningar under hösten fick ombudet själv ta initiativ till "
        "SIP efter utskrivningen.",
        "suggested_improvement": "Checklista vid utskrivning där SIP-kallelse ingår.",
        "level": Level.LOKAL,
        "orgs": ["psykiatri", "kommun"],
        "life_area": LifeArea.VARD_PSYKIATRI,
        "n": 4,
        "observed": D(2024, 9, 1),
        "submitted": D(2025, 2, 10),
        "path": "closed",
        "answers": {
            "kommun": (
                "Socialtjänsten deltar alltid när kallelse kommer och har utsett en "
                "kontaktperson för utskrivningsplanering.",
                "",
                None,
            )
        },
        "outcome": "resolved",
        "conclusion": "Psykiatrin har infört checklistan. Ledningsgruppen följer upp om ett år.",
        "closed": D(2025, 6, 12),
    },
    {
        "key": "bankid",
        "reporter": "ombud_anna",
        "title": "Krav på e-legitimation för att boka möte hos Arbetsförmedlingen",
        "description": "Personer utan e-legitimation kan inte boka eller omboka möten "
        "digitalt, och telefonkön är lång. Missade möten leder till avaktualisering.",
        "examples": "Flera klienter saknar e-legitimation på grund av skulder hos banken.",
        "suggested_improvement": "Möjlighet för ombud att boka tid via en särskild kontaktväg.",
        "level": Level.CENTRAL,
        "orgs": ["af"],
        "life_area": LifeArea.SYSSELSATTNING,
        "n": 3,
        "observed": D(2025, 1, 15),
        "submitted": D(2025, 3, 3),
        "path": "closed",
        "answers": {
            "af": (
                "Kravet är nationellt. Lokalt kan handläggare boka tid åt den sökande vid "
                "fysiskt besök.",
                "Information till handläggare om att boka tid vid besök",
                D(2025, 6, 30),
            )
        },
        "outcome": "not_resolved",
        "conclusion": "Frågan kan inte lösas lokalt och skickas till regional nivå.",
        "forward": ("regional", D(2025, 9, 20)),
        "closed": D(2025, 9, 10),
    },
    {
        "key": "hyresvard",
        "reporter": "ombud_omar",
        "title": "Hyresvärdar kräver fast inkomst för förstahandskontrakt",
        "description": "Klienter med försörjningsstöd eller sjukersättning nekas kontrakt "
        "hos privata hyresvärdar, och kommunen har få bostäder med sociala kontrakt.",
        "examples": "",
        "suggested_improvement": "Kommunal borgen eller fler sociala kontrakt.",
        "level": Level.LOKAL,
        "orgs": ["kommun"],
        "life_area": LifeArea.BOENDE,
        "n": 5,
        "observed": D(2025, 2, 1),
        "submitted": D(2025, 4, 7),
        "path": "closed",
        "answers": {},
        "outcome": "no_action",
        "conclusion": "Kommunen utreder redan bostadsförsörjningen; ledningsgruppen avvaktar "
        "utredningen.",
        "closed": D(2025, 11, 20),
    },
    {
        "key": "aktivitetsersattning",
        "reporter": "ombud_anna",
        "title": "Avslag på aktivitetsersättning utan bedömning av arbetsförmåga",
        "description": "Ansökningar avslås med hänvisning till bristande underlag, utan att "
        "Försäkringskassan begärt kompletterande utredning.",
        "examples": "Två unga vuxna fick avslag trots pågående kontakt med psykiatrin.",
        "suggested_improvement": "Begär komplettering från vården innan avslag.",
        "level": Level.HANDLAGGARE,
        "orgs": ["fk"],
        "life_area": LifeArea.EKONOMI,
        "n": 2,
        "observed": D(2025, 5, 1),
        "submitted": D(2025, 8, 25),
        "path": "answered",
        "answers": {
            "fk": (
                "Vi påminner handläggarna om skyldigheten att begära komplettering.",
                "Intern utbildning om utredningsskyldighet",
                D(2026, 3, 31),
            )
        },
    },
    {
        "key": "npf",
        "reporter": "ombud_omar",
        "title": "Långa väntetider till neuropsykiatrisk utredning",
        "description": "Väntetiden till utredning är över ett år, vilket skjuter upp "
        "anpassat stöd från både kommun och Arbetsförmedlingen.",
        "examples": "",
        "suggested_improvement": "Gemensam prioritering för personer med ombud.",
        "level": Level.LOKAL,
        "orgs": ["psykiatri", "af"],
        "life_area": LifeArea.VARD_PSYKIATRI,
        "n": 7,
        "observed": D(2025, 3, 1),
        "submitted": D(2025, 10, 6),
        "path": "awaiting",
        "overdue": True,
    },
    {
        "key": "boendestod",
        "reporter": "ombud_anna",
        "title": "Kö på sex månader till boendestöd",
        "description": "Beviljat boendestöd verkställs först efter ett halvår. Under "
        "väntetiden riskerar klienter att förlora sitt boende.",
        "examples": "",
        "suggested_improvement": "Tillfälligt stöd från annan enhet under väntetiden.",
        "level": Level.LOKAL,
        "orgs": ["kommun"],
        "life_area": LifeArea.BOENDE,
        "n": 4,
        "observed": D(2025, 10, 1),
        "submitted": D(2026, 1, 12),
        "path": "awaiting",
    },
    {
        "key": "digitala_kallelser",
        "reporter": "ombud_omar",
        "title": "Kallelser till vården skickas bara digitalt",
        "description": "Kallelser skickas till den digitala brevlådan. Klienter utan "
        "smarttelefon missar besök och skrivs ut ur vårdkön.",
        "examples": "",
        "suggested_improvement": "Brev på papper som standard när patienten begär det.",
        "level": Level.LOKAL,
        "orgs": ["psykiatri", "primarvard"],
        "life_area": LifeArea.VARD_SOMATIK,
        "n": 5,
        "observed": D(2025, 11, 1),
        "submitted": D(2026, 1, 20),
        "path": "accepted",
    },
    {
        "key": "avaktualisering",
        "reporter": "ombud_anna",
        "title": "Avaktualisering efter ett enda missat möte",
        "description": "Arbetsförmedlingen avaktualiserar inskrivna efter ett missat möte, "
        "vilket också påverkar ersättning och insatser.",
        "examples": "",
        "suggested_improvement": "Kontakt med ombudet innan beslut om avaktualisering.",
        "level": Level.HANDLAGGARE,
        "orgs": ["af", "fk"],
        "life_area": LifeArea.SYSSELSATTNING,
        "n": 3,
        "observed": D(2025, 12, 1),
        "submitted": D(2026, 2, 2),
        "path": "accepted",
    },
    {
        "key": "skuldsanering",
        "reporter": "ombud_omar",
        "title": "Ingen tid hos budget- och skuldrådgivningen på fyra månader",
        "description": "Väntetiden till budget- och skuldrådgivningen är fyra månader, "
        "vilket försenar ansökan om skuldsanering.",
        "examples": "",
        "suggested_improvement": "Förtur för personer med ombud och pågående indrivning.",
        "level": Level.LOKAL,
        "orgs": ["kommun"],
        "life_area": LifeArea.EKONOMI,
        "n": 3,
        "observed": D(2025, 12, 1),
        "submitted": D(2026, 2, 16),
        "path": "submitted",
        "support": ("ombud_anna", 2),
    },
    {
        "key": "skuldsanering_dubblett",
        "reporter": "ombud_anna",
        "title": "Väntetid till skuldrådgivning",
        "description": "Budget- och skuldrådgivningen har lång väntetid.",
        "examples": "",
        "suggested_improvement": "",
        "level": Level.LOKAL,
        "orgs": ["kommun"],
        "life_area": LifeArea.EKONOMI,
        "n": 1,
        "observed": D(2026, 1, 10),
        "submitted": D(2026, 2, 18),
        "path": "merged",
        "into": "skuldsanering",
    },
    {
        "key": "tolk",
        "reporter": "ombud_omar",
        "title": "Tolk bokas inte till vårdbesök",
        "description": "Tolk bokas inte trots att behovet står i journalen.",
        "examples": "",
        "suggested_improvement": "",
        "level": Level.HANDLAGGARE,
        "orgs": ["primarvard"],
        "life_area": LifeArea.VARD_SOMATIK,
        "n": 2,
        "observed": D(2026, 1, 5),
        "submitted": D(2026, 2, 23),
        "path": "returned",
        "comment": "Beskriv hur ofta det händer och vid vilka mottagningar, utan att nämna "
        "enskilda besök.",
    },
    {
        "key": "fardtjanst",
        "reporter": "ombud_anna",
        "title": "Intyg för färdtjänst kräver läkarbesök med lång väntetid",
        "description": "Utkast: läkarintyg för färdtjänst tar lång tid att få.",
        "examples": "",
        "suggested_improvement": "",
        "level": Level.LOKAL,
        "orgs": ["kommun", "primarvard"],
        "life_area": LifeArea.VARDAGSLIV,
        "n": 1,
        "observed": D(2026, 2, 1),
        "path": "draft",
    },
]
