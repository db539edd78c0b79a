"""The redovisning figures cache and the draft PDF cache (statsbidrag/reports/cache.py), and
the triggers that keep the figures cache correct: every statement that writes a table the figures are computed from appends a row per
verksamhet it touched to ``statsbidrag_figures_change``. Triggers rather than Django signals
because QuerySet.update(), bulk writes and raw SQL must invalidate too.

The tables have no Django models: they hold derived data only (no history, nothing personal
beyond what the figures show), and are read and written by reports/cache.py alone. They
have no foreign keys, so that Django's flush and the scale generator's reset can TRUNCATE
the domain tables; a TRUNCATE of any watched table (or of ombud_verksamhet, whose ids then
start again) empties the cache instead. The change counts are never reset: they only grow.
"""

from __future__ import annotations

from django.db import migrations

CHANGE = "statsbidrag_figures_change"


def direct(column: str = "verksamhet_id") -> str:
    return f"SELECT r.{column} AS v FROM {{rows}} r"


def via(joins: str) -> str:
    """``joins`` ends at an alias ``p`` holding ``verksamhet_id``."""
    return f"SELECT p.verksamhet_id AS v FROM {{rows}} r {joins}"


CLIENT = via("JOIN clients_client p ON p.id = r.client_id")
GRANT_YEAR = via("JOIN statsbidrag_grantyear p ON p.id = r.grant_year_id")
SYSTEMBRIST = via("JOIN systembrister_systembrist p ON p.id = r.systembrist_id")
LEDNINGSGRUPP = via("JOIN ledningsgrupp_ledningsgrupp p ON p.id = r.ledningsgrupp_id")

# Table → SELECT of the verksamheter (column v) whose figures rows {rows} may change.
WATCHED = {
    "ombud_verksamhet_kommuner": direct(),
    # An organisation is named in its own verksamhet and wherever it sits in a ledningsgrupp,
    # was offered a seat or is responsible for a systembrist.
    "ombud_organisation": " UNION ".join(
        [
            direct(),
            via(
                "JOIN ledningsgrupp_memberorganisation m ON m.organisation_id = r.id"
                " JOIN ledningsgrupp_ledningsgrupp p ON p.id = m.ledningsgrupp_id"
            ),
            via(
                "JOIN ledningsgrupp_seatoffer m ON m.organisation_id = r.id"
                " JOIN ledningsgrupp_ledningsgrupp p ON p.id = m.ledningsgrupp_id"
            ),
            via(
                "JOIN systembrister_systembrist_organisations m ON m.organisation_id = r.id"
                " JOIN systembrister_systembrist p ON p.id = m.systembrist_id"
            ),
        ]
    ),
    # Kommun names are reference data, changed rarely: every verksamhet.
    "ombud_kommun": "SELECT w.id AS v FROM ombud_verksamhet w WHERE EXISTS (SELECT 1 FROM {rows})",
    "clients_client": direct(),
    "clients_uppdrag": CLIENT,
    "clients_contact": CLIENT,
    "statsbidrag_employmentperiod": direct(),
    "statsbidrag_grantyear": direct(),
    "statsbidrag_grantyear_participating_kommuner": via(
        "JOIN statsbidrag_grantyear p ON p.id = r.grantyear_id"
    ),
    "statsbidrag_cofinancing": GRANT_YEAR,
    "statsbidrag_decision": GRANT_YEAR,
    "statsbidrag_payment": GRANT_YEAR,
    "statsbidrag_repayment": GRANT_YEAR,
    "systembrister_systembrist": direct(),
    "systembrister_systembrist_organisations": SYSTEMBRIST,
    "systembrister_support": SYSTEMBRIST,
    "ledningsgrupp_ledningsgrupp": direct(),
    "ledningsgrupp_meeting": LEDNINGSGRUPP,
    "ledningsgrupp_memberorganisation": LEDNINGSGRUPP,
    "ledningsgrupp_seatoffer": LEDNINGSGRUPP,
    "ledningsgrupp_attendance": via(
        "JOIN ledningsgrupp_meeting m ON m.id = r.meeting_id"
        " JOIN ledningsgrupp_ledningsgrupp p ON p.id = m.ledningsgrupp_id"
    ),
    "ledningsgrupp_representative": via(
        "JOIN ledningsgrupp_memberorganisation m ON m.id = r.member_organisation_id"
        " JOIN ledningsgrupp_ledningsgrupp p ON p.id = m.ledningsgrupp_id"
    ),
}

TABLES = f"""
CREATE TABLE {CHANGE} (
    id bigserial PRIMARY KEY,
    verksamhet_id integer NOT NULL
);
CREATE INDEX {CHANGE}_verksamhet ON {CHANGE} (verksamhet_id);
CREATE TABLE statsbidrag_figures_compacted (
    verksamhet_id integer PRIMARY KEY,
    changes bigint NOT NULL
);
CREATE TABLE statsbidrag_figures_cache (
    verksamhet_id integer NOT NULL,
    year smallint NOT NULL,
    variant varchar(40) NOT NULL,
    check_on date NOT NULL,
    changes bigint NOT NULL,
    figures jsonb NOT NULL,
    computed_at timestamp with time zone NOT NULL DEFAULT now(),
    PRIMARY KEY (verksamhet_id, year, variant)
);
CREATE TABLE statsbidrag_pdf_cache (
    key char(64) PRIMARY KEY,
    pdf bytea NOT NULL,
    created_at timestamp with time zone NOT NULL DEFAULT now()
);
"""


def function_sql(table: str, source: str) -> str:
    new, old = source.format(rows="changed_rows"), source.format(rows="old_rows")
    return f"""
CREATE FUNCTION statsbidrag_figures_changed_{table}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        INSERT INTO {CHANGE} (verksamhet_id)
        SELECT DISTINCT v FROM ({new} UNION {old}) AS x WHERE v IS NOT NULL;
    ELSE
        INSERT INTO {CHANGE} (verksamhet_id)
        SELECT DISTINCT v FROM ({new}) AS x WHERE v IS NOT NULL;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER statsbidrag_figures_ins AFTER INSERT ON {table}
    REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION statsbidrag_figures_changed_{table}();
CREATE TRIGGER statsbidrag_figures_upd AFTER UPDATE ON {table}
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION statsbidrag_figures_changed_{table}();
CREATE TRIGGER statsbidrag_figures_del AFTER DELETE ON {table}
    REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION statsbidrag_figures_changed_{table}();
CREATE TRIGGER statsbidrag_figures_trunc AFTER TRUNCATE ON {table}
    FOR EACH STATEMENT EXECUTE FUNCTION statsbidrag_figures_forget();
"""


FORGET = """
CREATE FUNCTION statsbidrag_figures_forget() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM statsbidrag_figures_cache;
    RETURN NULL;
END $$;
"""

# A verksamhet's own name and slug; inserting one changes nothing cached, and a deleted one
# is never asked for again (ids are not reused but after a TRUNCATE, which empties the cache).
VERKSAMHET = f"""
CREATE FUNCTION statsbidrag_figures_changed_ombud_verksamhet() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO {CHANGE} (verksamhet_id) SELECT id FROM changed_rows;
    RETURN NULL;
END $$;
CREATE TRIGGER statsbidrag_figures_upd AFTER UPDATE ON ombud_verksamhet
    REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION statsbidrag_figures_changed_ombud_verksamhet();
CREATE TRIGGER statsbidrag_figures_trunc AFTER TRUNCATE ON ombud_verksamhet
    FOR EACH STATEMENT EXECUTE FUNCTION statsbidrag_figures_forget();
"""

# A user's name is shown in the employment periods; logins update last_login only.
USER = f"""
CREATE FUNCTION statsbidrag_figures_changed_ombud_user() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO {CHANGE} (verksamhet_id)
    SELECT DISTINCT verksamhet_id FROM statsbidrag_employmentperiod WHERE ombud_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER statsbidrag_figures_upd AFTER UPDATE OF first_name, last_name, email
    ON ombud_user FOR EACH ROW
    WHEN (OLD.first_name IS DISTINCT FROM NEW.first_name
          OR OLD.last_name IS DISTINCT FROM NEW.last_name
          OR OLD.email IS DISTINCT FROM NEW.email)
    EXECUTE FUNCTION statsbidrag_figures_changed_ombud_user();
CREATE TRIGGER statsbidrag_figures_trunc AFTER TRUNCATE ON ombud_user
    FOR EACH STATEMENT EXECUTE FUNCTION statsbidrag_figures_forget();
"""

FORWARD = "\n".join(
    [TABLES, FORGET, *(function_sql(t, s) for t, s in WATCHED.items()), VERKSAMHET, USER]
)
BACKWARD = "\n".join(
    [
        *(
            f"DROP TRIGGER statsbidrag_figures_{op} ON {t};"
            for t in WATCHED
            for op in ("ins", "upd", "del", "trunc")
        ),
        *(f"DROP FUNCTION statsbidrag_figures_changed_{t}();" for t in WATCHED),
        "DROP TRIGGER statsbidrag_figures_upd ON ombud_verksamhet;",
        "DROP TRIGGER statsbidrag_figures_trunc ON ombud_verksamhet;",
        "DROP FUNCTION statsbidrag_figures_changed_ombud_verksamhet();",
        "DROP TRIGGER statsbidrag_figures_upd ON ombud_user;",
        "DROP TRIGGER statsbidrag_figures_trunc ON ombud_user;",
        "DROP FUNCTION statsbidrag_figures_changed_ombud_user();",
        "DROP FUNCTION statsbidrag_figures_forget();",
        "DROP TABLE statsbidrag_pdf_cache, statsbidrag_figures_cache,"
        f" statsbidrag_figures_compacted, {CHANGE};",
    ]
)


class Migration(migrations.Migration):
    dependencies = [
        ("statsbidrag", "0002_default_report_form"),
        ("ombud", "0004_dataprotection"),
        ("clients", "0002_uppdrag_waiting_index"),
        ("systembrister", "0001_initial"),
        ("ledningsgrupp", "0003_refused_edit_pdf_sha256"),
    ]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
