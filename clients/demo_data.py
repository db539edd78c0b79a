"""The demo clients' words: aliases, needs, plans and notes (data for demo.py)."""

from __future__ import annotations

from core.choices import LifeArea

from .models import ContactType, EndReason

ALIASES = [
    "Solen",
    "Kalle B",
    "Lilla My",
    "Björken",
    "Maja L",
    "Janne",
    "Stina",
    "Hasse V",
    "Fjärilen",
    "Eva K",
    "Rosa",
    "Moa",
    "Lasse",
    "Tindra",
    "Göran S",
    "Ninni",
    "Bosse",
    "Sara J",
    "Ahmed",
    "Leila",
    "Peo",
    "Vildrosen",
    "Ulla-Britt",
    "Kim",
    "Nisse",
    "Zara",
    "Tomten",
    "Ellen",
    "Micke",
    "Gunnel",
]
# (status, ended-year) per client, in order: 4 waiting, 4 contact-building, 12 active,
# 8 ended in 2025, 2 ended in 2026.
PLAN = (
    [("waiting", None)] * 4
    + [("contact_building", None)] * 4
    + [("active", None)] * 12
    + [("ended", 2025)] * 8
    + [("ended", 2026)] * 2
)
END_REASONS_2025 = [
    (EndReason.GOALS_MET, ""),
    (EndReason.GOALS_MET, ""),
    (EndReason.GOALS_MET, ""),
    (EndReason.CLIENT_ENDED, ""),
    (EndReason.CLIENT_ENDED, ""),
    (EndReason.MOVED, ""),
    (EndReason.LOST_CONTACT, ""),
    (EndReason.OTHER, "Fick boendestöd som täcker behovet"),
]
END_REASONS_2026 = [(EndReason.GOALS_MET, ""), (EndReason.DECEASED, "")]
NEEDS = [
    (LifeArea.BOENDE, "Jag vill ha ett eget kontrakt och slippa flytta runt."),
    (LifeArea.EKONOMI, "Jag får inte pengarna att räcka hela månaden."),
    (LifeArea.SYSSELSATTNING, "Jag vill ha något att göra på dagarna, kanske praktik."),
    (LifeArea.VARD_PSYKIATRI, "Jag vill ha en fast läkare på psykiatrin."),
    (LifeArea.SOCIALT_NATVERK, "Jag är ensam och vill träffa folk."),
    (LifeArea.VARDAGSLIV, "Jag behöver hjälp att få ordning på posten och räkningarna."),
    (LifeArea.JURIDIK, "Jag har skulder hos Kronofogden som jag inte förstår."),
    (LifeArea.VARD_SOMATIK, "Jag har ont i tänderna men vågar inte gå till tandläkaren."),
]
GOALS: dict[str, tuple[str, str, str]] = {
    LifeArea.BOENDE: ("Ha en egen lägenhet", "bostad", "Ansöka om lägenhet och boendestöd"),
    LifeArea.EKONOMI: ("Få ekonomin att gå ihop", "kommun", "Ansöka om ekonomiskt bistånd"),
    LifeArea.SYSSELSATTNING: ("Ha en sysselsättning", "af", "Möte om arbetsträning"),
    LifeArea.VARD_PSYKIATRI: ("Ha en fast kontakt i vården", "psykiatri", "Få en fast vårdkontakt"),
    LifeArea.SOCIALT_NATVERK: ("Träffa andra", "rsmh", "Prova på RSMH:s träffpunkt"),
    LifeArea.VARDAGSLIV: ("Ordning på posten", "kommun", "Ansöka om god man"),
    LifeArea.JURIDIK: ("Förstå mina skulder", "kronofogden", "Gå igenom skulderna"),
    LifeArea.VARD_SOMATIK: ("Laga tänderna", "primarvard", "Boka tid hos tandläkare"),
}
CONTACT_TYPES = [
    ContactType.HEMBESOK,
    ContactType.HEMBESOK,
    ContactType.HEMBESOK,
    ContactType.TELEFON,
    ContactType.TELEFON,
    ContactType.KONTORET,
    ContactType.DIGITALT,
    ContactType.FOLJER_MED,
    ContactType.MYNDIGHET_UTAN_KLIENT,
    ContactType.BREV,
    ContactType.ANNAT,
]
# A note that only fits one kind of contact (the list above is drawn at random).
TYPE_NOTES = {
    ContactType.FOLJER_MED: "Följde med till mötet, klienten förde sin talan.",
    ContactType.MYNDIGHET_UTAN_KLIENT: "Träffade handläggaren om ansökan; klienten var inte med.",
}
NOTES = [
    "Fika hemma, pratade om veckan.",
    "Ringde och stämde av inför mötet.",
    "Stämde av hur mötet hade gått.",
    "Gick igenom posten tillsammans.",
    "Promenad och samtal om mål.",
    "Kort avstämning.",
    "",
]
