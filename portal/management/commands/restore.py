"""Replace the database of DATABASE_URL with a backup made by `manage.py backup`.

    manage.py restore var/backups/portal-20261201T031500Z.dump [--no-input]

All or nothing: afterwards the database holds exactly what the backup holds (tables it lacks
are dropped). A file of the other engine, or no backup at all, is refused before anything changes.
"""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from portal.backups import BackupError, check_backup, describe, restore_database
from portal.page_cache import catalogue_changed


class Command(BaseCommand):
    help = "Replace all data in the database with a backup file made by `manage.py backup`."
    requires_system_checks = []  # as for `backup`: restoring must not wait on a warning

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="A .dump (PostgreSQL) or .sqlite3 backup.")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation.",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, file, interactive, database, **options):
        connection = connections[database]
        target = describe(connection)
        try:
            check_backup(connection=connection, path=file)
            if interactive:
                answer = input(f"This replaces all data in {target} with {file}. Type 'yes': ")
                if answer != "yes":
                    raise CommandError("Restore cancelled; nothing changed.")
            started = time.monotonic()
            restore_database(connection=connection, path=file)
        except BackupError as error:
            raise CommandError(str(error)) from error
        catalogue_changed()  # pages cached from the data before the restore are stale now
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {target} from {file} ({time.monotonic() - started:.1f} s)."
            )
        )
