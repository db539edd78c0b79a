"""The access log is append-only: PostgreSQL refuses UPDATE and DELETE on it.

The only exception is gallring (removal after the retention period), which must set the
transaction-local setting ``ombud.gallring = 'on'`` first and run as the table's owner (or a
member of its role): gallring runs as the owner (core/db_roles.py), and the app's role has no
DELETE privilege on the table anyway, so the trigger is a second line of defence. TRUNCATE is
not trapped (Django's test runner flushes tables with it); in production the application's
database role is given no TRUNCATE privilege (grant_app_role, docs/operations.md).
"""

from django.db import migrations

FORWARD = """
CREATE OR REPLACE FUNCTION core_accesslog_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('ombud.gallring', true) = 'on'
       AND pg_has_role(current_user,
                       (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER') THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'core_accesslog is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER core_accesslog_no_update_delete
    BEFORE UPDATE OR DELETE ON core_accesslog
    FOR EACH ROW EXECUTE FUNCTION core_accesslog_append_only();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS core_accesslog_no_update_delete ON core_accesslog;
DROP FUNCTION IF EXISTS core_accesslog_append_only();
"""


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
