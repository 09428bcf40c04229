"""Back up the database of DATABASE_URL to a timestamped file (`make backup`, or nightly by cron).

    manage.py backup [--directory var/backups]

PostgreSQL: a `pg_dump --format=custom` file (`.dump`); SQLite: a copy made with the online
backup API (`.sqlite3`). `manage.py restore FILE` puts either back; see docs/deploy.md.
"""

import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from portal.backups import BackupError, backup_database, backup_filename, describe


class Command(BaseCommand):
    help = "Write a timestamped backup of the database to var/backups/ (or --directory)."
    # A configuration warning must never stop the nightly backup (nor a restore).
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--directory",
            type=Path,
            default=settings.BASE_DIR / "var" / "backups",
            help="Where to write the file (created if missing). Default: var/backups/",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, directory, database, **options):
        connection = connections[database]
        started = time.monotonic()
        try:
            path = directory.resolve() / backup_filename(connection)
            backup_database(connection=connection, path=path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Backed up {describe(connection)} to {path} "
            f"({path.stat().st_size:,} bytes, {time.monotonic() - started:.1f} s)."
        )
