"""Backups of the portal's database, for `manage.py backup` and `manage.py restore`.

PostgreSQL: `pg_dump --format=custom`, restored with `pg_restore` and `psql` in one transaction.
SQLite: the online backup API (what the sqlite3 shell's `.backup` does), in both directions.
The PostgreSQL tools connect as `manage.py dbshell` does, from settings.DATABASES: host, port,
user and name as arguments, the password in PGPASSWORD, never on a command line (`ps` shows those).
"""

import os
import shutil
import sqlite3
import subprocess
import tempfile
from contextlib import closing
from pathlib import Path

from django.utils import timezone

# The first bytes of each kind of backup file, its suffix and its engine's name.
SIGNATURES = {"postgresql": b"PGDMP", "sqlite": b"SQLite format 3\x00"}
SUFFIXES = {"postgresql": ".dump", "sqlite": ".sqlite3"}
ENGINES = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}


class BackupError(Exception):
    """A backup or restore that was refused or failed; the message says why."""


def describe(connection):
    """The database in words, for messages: "PostgreSQL database portal on 127.0.0.1:5432"."""
    settings = connection.settings_dict
    words = f"{ENGINES.get(connection.vendor, connection.vendor)} database {settings['NAME']}"
    if settings.get("HOST"):
        words += f" on {settings['HOST']}" + (f":{settings['PORT']}" if settings["PORT"] else "")
    return words


def backup_filename(connection):
    """`<database name>-<UTC time>.<suffix>`, e.g. `portal-20261201T031500Z.dump`."""
    name = connection.settings_dict["NAME"]
    if connection.vendor == "sqlite":
        name = Path(name).stem
    return f"{name}-{timezone.now():%Y%m%dT%H%M%SZ}{SUFFIXES[_vendor(connection)]}"


def backup_database(*, connection, path):
    """Write a consistent copy of the connection's database to `path`, which must not exist yet.
    The file is readable by its owner only: it holds investors' personal data."""
    vendor = _vendor(connection)
    path = Path(path)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        path.touch(mode=0o600, exist_ok=False)
    except FileExistsError:
        raise BackupError(f"{path} exists already; a backup never overwrites one.") from None
    try:
        if vendor == "postgresql":
            # Ownership is left out at restore time (pg_restore --no-owner); grants here, so
            # that the file restores into any database, as any user.
            _run_client(
                connection, "pg_dump", "--format=custom", "--no-privileges", f"--file={path}"
            )
        else:
            connection.ensure_connection()
            with closing(sqlite3.connect(path)) as target:
                connection.connection.backup(target)
    except BaseException:
        path.unlink()
        raise


def check_backup(*, connection, path):
    """Refuse a file that is missing or is not a backup of the connection's kind of database."""
    vendor = _vendor(connection)
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path}: no such file.")
    with path.open("rb") as file:
        head = file.read(16)
    kind = next((kind for kind, magic in SIGNATURES.items() if head.startswith(magic)), None)
    if kind is None:
        raise BackupError(
            f"{path} is not a backup: neither a pg_dump custom-format file nor SQLite."
        )
    if kind != vendor:
        raise BackupError(
            f"{path} is a {ENGINES[kind]} backup, and the database is {ENGINES[vendor]}: "
            "refusing to restore it."
        )


def restore_database(*, connection, path):
    """Replace everything in the connection's database with the backup at `path`, all or nothing."""
    check_backup(connection=connection, path=path)
    path = Path(path)
    if connection.vendor == "postgresql":
        _restore_postgresql(connection, path)
        return
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as source:
            if source.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise BackupError(f"{path} is damaged (PRAGMA quick_check): nothing was restored.")
            connection.ensure_connection()
            source.backup(connection.connection)
    except sqlite3.DatabaseError as error:
        raise BackupError(f"Restoring {path} failed: {error}") from error


def _restore_postgresql(connection, path):
    """What `pg_restore --clean --if-exists --no-owner --single-transaction` does, and also drop
    the tables the backup does not have (a later migration's): else they would stay behind, and
    foreign keys from them would stop --clean. pg_restore writes the script first, so a damaged
    backup fails before anything is dropped; psql then runs it all in one transaction."""
    quote = connection.ops.quote_name
    tables = connection.introspection.table_names(include_views=False)
    drop = "SET client_min_messages = warning;"
    if tables:
        drop += f" DROP TABLE IF EXISTS {', '.join(map(quote, tables))} CASCADE;"
    with tempfile.TemporaryDirectory(prefix="portal-restore-") as directory:
        script = Path(directory) / "restore.sql"
        _run(
            "pg_restore",
            ["--clean", "--if-exists", "--no-owner", "--no-privileges", f"--file={script}", path],
        )
        _run_client(
            connection,
            "psql",
            "--no-psqlrc",
            "--quiet",
            "--single-transaction",
            "--set=ON_ERROR_STOP=1",
            f"--command={drop}",
            f"--file={script}",
        )


def _vendor(connection):
    if connection.vendor not in ENGINES:
        raise BackupError(f"Backups cover PostgreSQL and SQLite, not {connection.vendor}.")
    return connection.vendor


def _run_client(connection, program, *parameters):
    """Run a PostgreSQL client program connected to the connection's database."""
    args, env = connection.client.settings_to_cmd_args_env(
        connection.settings_dict, list(parameters)
    )
    _run(program, args[1:], env)


def _run(program, args, env=None):
    executable = shutil.which(program)
    if executable is None:
        raise BackupError(
            f"{program} is not installed: apt-get install postgresql-client "
            "(of the server's major version or newer)."
        )
    result = subprocess.run(  # noqa: S603 (our own arguments, no shell)
        [executable, *map(str, args)],
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise BackupError(f"{program} failed: {result.stderr.strip()}")
