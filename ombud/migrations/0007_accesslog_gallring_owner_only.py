"""The access log's gallring exception is for the owner role only.

Until now any role that could set ``ombud.gallring = 'on'`` (a setting anyone may set) could
delete access-log rows. Now the DELETE also has to come from the table's owner (or a member
of its role): gallring runs as the owner (ombud/db_roles.py), and the app's role has no
DELETE privilege on the table anyway. The trigger stays as a second line of defence.
"""

from django.db import migrations

FORWARD = """
CREATE OR REPLACE FUNCTION ombud_accesslog_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('ombud.gallring', true) = 'on'
       AND pg_has_role(current_user,
                       (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER') THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'ombud_accesslog is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""

BACKWARD = """
CREATE OR REPLACE FUNCTION ombud_accesslog_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('ombud.gallring', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'ombud_accesslog is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""


class Migration(migrations.Migration):
    dependencies = [("ombud", "0006_device_history")]
    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
