"""The default redovisning question list (same as migration 0002; used if the row is missing)."""

NAME = "Länsstyrelsens redovisningsformulär"
VALID_FROM_YEAR = 2024

QUESTIONS = [
    {"key": "verksamhet", "label": "Beskriv verksamheten under året", "kind": "text"},
    {"key": "staff", "label": "Årsanställningar och antal ombud", "kind": "staff"},
    {
        "key": "clients",
        "label": "Klienter under året efter kön och ålder (pågående vid årets början, nya, "
        "avslutade, på väntelista vid årets slut)",
        "kind": "clients",
    },
    {"key": "groups", "label": "Klientgrupper och kännetecken", "kind": "groups"},
    {"key": "end_reasons", "label": "Orsaker till avslut", "kind": "end_reasons"},
    {
        "key": "outcomes",
        "label": "Boende, sysselsättning och försörjning vid start och avslut",
        "kind": "outcomes",
    },
    {"key": "contacts", "label": "Kontakter med klienter och myndigheter", "kind": "contacts"},
    {"key": "systembrister", "label": "Rapporterade systembrister", "kind": "systembrister"},
    {
        "key": "systembrister_text",
        "label": "Exempel på systembrister och vad de har lett till",
        "kind": "text",
    },
    {
        "key": "ledningsgrupp",
        "label": "Ledningsgruppens sammansättning och antal möten",
        "kind": "ledningsgrupp",
    },
    {"key": "per_kommun", "label": "Fördelning per kommun (samverkan)", "kind": "per_kommun"},
    {"key": "funds", "label": "Användning av medel", "kind": "funds"},
    {"key": "other", "label": "Övrigt som länsstyrelsen bör känna till", "kind": "text"},
]
