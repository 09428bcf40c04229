"""`manage.py backup` and `restore`: a backup restored into a fresh database has every row.

Runs on the suite's database: PostgreSQL (pg_dump, pg_restore, psql) when DATABASE_URL says so,
SQLite (its backup API) otherwise.
"""

import io
import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from contextlib import closing
from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from tests.factories import InquiryFactory, PlotFactory, ProjectFactory, UserFactory
from tests.tools import ROOT, tool_missing

MAIN_TABLES = [
    "zones_zone",
    "zones_plot",
    "zones_project",
    "zones_sector",
    "zones_historicalzone",
    "investors_inquiry",
    "auth_user",
    "auth_group",
    "auth_permission",
    "django_content_type",
    "django_migrations",
]


@pytest.fixture
def fresh_database(tmp_path):
    """A database beside the test database, as (DATABASE_URL, open a DB-API connection to it).
    It holds what a restore must remove: its own zones_zone, and a table the backup lacks with a
    foreign key to it (as a later migration's table would)."""
    if connection.vendor == "sqlite":
        path = tmp_path / "restored.sqlite3"
        url, open_db = f"sqlite:///{path}", lambda: closing(sqlite3.connect(path))
    else:
        import psycopg

        settings = connection.settings_dict
        server = {key.lower(): settings[key] or None for key in ("HOST", "PORT", "USER")}
        server["password"] = settings["PASSWORD"] or None
        name = f"test_restore_{uuid.uuid4().hex[:12]}"
        credentials = quote(settings["USER"] or "") + (
            f":{quote(settings['PASSWORD'])}" if settings["PASSWORD"] else ""
        )
        url = f"postgres://{credentials}@{settings['HOST']}:{settings['PORT'] or 5432}/{name}"

        def open_db(dbname=name):
            return psycopg.connect(dbname=dbname, autocommit=True, **server)

        with open_db("postgres") as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
    with open_db() as db:
        db.execute("CREATE TABLE zones_zone (id bigint PRIMARY KEY)")
        db.execute("CREATE TABLE later (zone_id bigint REFERENCES zones_zone (id))")
        db.execute("INSERT INTO zones_zone (id) VALUES (999999)")
        db.commit()
    yield url, open_db
    if connection.vendor == "postgresql":
        with open_db("postgres") as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def require_postgresql_tools():
    missing = [tool for tool in ("pg_dump", "pg_restore", "psql") if not shutil.which(tool)]
    if connection.vendor == "postgresql" and missing:
        tool_missing(f"{', '.join(missing)} missing: apt-get install postgresql-client")


def row_counts(cursor, tables):
    counts = {}
    for table in tables:
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 (names from the catalogue)
        counts[table] = cursor.fetchone()[0]
    return counts


def table_names(cursor):
    if connection.vendor == "sqlite":
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    else:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    return {name for (name,) in cursor.fetchall()}


# Committed, so that pg_dump sees the rows; the migrations' rows (groups) are put back afterwards.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_backup_restored_into_a_fresh_database_has_every_row(tmp_path, fresh_database):
    require_postgresql_tools()
    call_command("load_langson", stdout=io.StringIO())
    InquiryFactory.create_batch(3)
    PlotFactory.create_batch(2)
    ProjectFactory()
    UserFactory()

    out = io.StringIO()
    call_command("backup", directory=tmp_path / "backups", stdout=out)
    (backup,) = (tmp_path / "backups").iterdir()
    assert f"to {backup} (" in out.getvalue()
    assert backup.stat().st_mode & 0o077 == 0  # investors' personal data: the owner's alone

    url, open_restored = fresh_database
    result = subprocess.run(
        [sys.executable, "manage.py", "restore", "--no-input", str(backup)],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": url},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Restored" in result.stdout

    with connection.cursor() as cursor:
        tables = table_names(cursor)
        source = row_counts(cursor, sorted(tables))
        cursor.execute("SELECT slug FROM zones_zone ORDER BY slug")
        source_slugs = [slug for (slug,) in cursor.fetchall()]
    with open_restored() as db:
        cursor = db.cursor()
        assert table_names(cursor) == tables  # `later` is gone
        assert row_counts(cursor, sorted(tables)) == source
        cursor.execute("SELECT slug FROM zones_zone ORDER BY slug")
        assert [slug for (slug,) in cursor.fetchall()] == source_slugs
    assert set(MAIN_TABLES) <= tables
    assert all(source[table] > 0 for table in MAIN_TABLES), source


def other_engines_backup(path):
    if connection.vendor == "sqlite":
        path.write_bytes(b"PGDMP" + bytes(64))  # the signature of a pg_dump custom-format file
        return "is a PostgreSQL backup, and the database is SQLite: refusing to restore it"
    with closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE t (x)")
    return "is a SQLite backup, and the database is PostgreSQL: refusing to restore it"


def test_restore_refuses_a_backup_of_the_other_engine(tmp_path):
    message = other_engines_backup(tmp_path / "other")
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(tmp_path / "other"), interactive=False)


def test_restore_refuses_a_file_that_is_no_backup(tmp_path):
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(CommandError, match="is not a backup"):
        call_command("restore", str(tmp_path / "notes.txt"), interactive=False)


def test_restore_refuses_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        call_command("restore", str(tmp_path / "gone.dump"), interactive=False)
    with pytest.raises(CommandError, match="the following arguments are required: file"):
        call_command("restore")


def test_after_a_restore_no_page_cached_from_the_old_data_is_served(tmp_path, monkeypatch):
    from portal import page_cache
    from portal.backups import SIGNATURES
    from portal.management.commands import restore

    vendor = "postgresql" if connection.vendor == "postgresql" else "sqlite"
    (tmp_path / "backup").write_bytes(SIGNATURES[vendor] + b"\0" * 64)
    monkeypatch.setattr(restore, "restore_database", lambda **kwargs: None)
    before = page_cache.catalogue_version()
    call_command("restore", str(tmp_path / "backup"), interactive=False, stdout=io.StringIO())
    assert page_cache.catalogue_version() > before
