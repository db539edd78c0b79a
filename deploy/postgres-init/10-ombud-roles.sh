#!/bin/sh
# Run once by the postgres image when its volume is first initialised (as the superuser):
# the owner role owns the database, its tables and migrations; the app role may only log in
# and gets its privileges from `manage.py grant_app_role` after every migrate
# (docs/operations.md, "Database roles"). The superuser is used for nothing else.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v owner_password="$OMBUD_OWNER_PASSWORD" -v app_password="$OMBUD_APP_PASSWORD" <<'SQL'
CREATE ROLE ombud_owner LOGIN PASSWORD :'owner_password'
    NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
CREATE ROLE ombud_app LOGIN PASSWORD :'app_password'
    NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
CREATE DATABASE ombud OWNER ombud_owner;
REVOKE ALL ON DATABASE ombud FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE ombud TO ombud_app;
SQL
