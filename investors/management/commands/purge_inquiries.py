"""Anonymise closed inquiries: the privacy notice's promise, run by cron."""

from django.core.management.base import BaseCommand, CommandError

from investors.services import inquiry_anonymise


class Command(BaseCommand):
    help = (
        "Remove the personal data (contact name, e-mail, phone, message, mail sent) of inquiries "
        "closed (won, lost, spam) and unchanged for more than N days."
    )

    def add_arguments(self, parser):
        parser.add_argument("--older-than-days", type=int, required=True)

    def handle(self, *args, older_than_days, **options):
        if older_than_days < 1:
            raise CommandError("--older-than-days must be at least 1.")
        count = inquiry_anonymise(older_than_days=older_than_days)
        self.stdout.write(f"Anonymised {count} closed inquiries.")
