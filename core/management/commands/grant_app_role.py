"""Give the app's database role what it needs and no more; the owner runs it after migrate."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS, connections, transaction

from core.db_roles import grant_statements, owner_alias

ROLE_CHECK = """
SELECT r.rolsuper OR r.rolcreaterole OR r.rolcreatedb OR r.rolreplication OR r.rolbypassrls,
       pg_has_role(r.rolname, current_user, 'MEMBER'),
       EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE n.nspname = current_schema() AND c.relowner = r.oid)
FROM pg_roles r WHERE r.rolname = %s
"""
TABLES = """
SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm')
"""


class Command(BaseCommand):
    help = (
        "Grant the app role (the user of DATABASE_URL, or --role) DML on the domain tables and "
        "only SELECT and INSERT on the access log and the history tables. Run as the owner "
        "(DATABASE_OWNER_URL) after every migrate."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--role", help="The app's role (default: the user of DATABASE_URL).")

    def handle(self, *args: Any, **options: Any) -> None:
        alias = owner_alias()
        role = options["role"]
        if not role:
            if alias == DEFAULT_DB_ALIAS:
                self.stderr.write(
                    "DATABASE_OWNER_URL is not set: the app connects as the owner of its tables "
                    "and nothing is granted (docs/operations.md, Database roles)."
                )
                return
            role = connections[DEFAULT_DB_ALIAS].settings_dict["USER"]
        connection = connections[alias]
        with transaction.atomic(using=alias), connection.cursor() as cursor:
            cursor.execute(ROLE_CHECK, [role])
            row = cursor.fetchone()
            if row is None:
                raise CommandError(f"No role {role!r}: create it first (docs/operations.md).")
            privileged, member_of_owner, owns_tables = row
            if privileged or member_of_owner or owns_tables:
                raise CommandError(
                    f"{role!r} must be an unprivileged role: not a superuser, without CREATEROLE, "
                    "CREATEDB, REPLICATION or BYPASSRLS, not a member of the owner role and "
                    "owning no table."
                )
            cursor.execute("SELECT current_schema()")
            schema = cursor.fetchone()[0]
            cursor.execute(TABLES)
            tables = [name for (name,) in cursor.fetchall()]
            statements = grant_statements(
                role=role, schema=schema, tables=tables, quote=connection.ops.quote_name
            )
            for statement in statements:
                cursor.execute(statement)
        self.stdout.write(f"Granted {role} access to {len(tables)} tables in {schema}.")
