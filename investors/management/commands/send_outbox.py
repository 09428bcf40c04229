"""Send the mail waiting in the outbox (run by cron, e.g. every minute)."""

from django.core.management.base import BaseCommand

from investors.models import OutboxMessage
from investors.outbox import outbox_send


class Command(BaseCommand):
    help = "Send pending outbox messages that are due; retry failures with back-off."

    def handle(self, *args, **options):
        sent = outbox_send()
        pending = OutboxMessage.objects.filter(status=OutboxMessage.Status.PENDING).count()
        failed = OutboxMessage.objects.filter(status=OutboxMessage.Status.FAILED).count()
        self.stdout.write(f"Outbox: {sent} sent, {pending} pending, {failed} failed.")
