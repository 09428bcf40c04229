"""The outbox: mail stored in the same transaction as what caused it, sent after commit.

Sending claims a message by moving its next attempt forward in one UPDATE, so a message is
never sent twice by the after-commit hook and `send_outbox` running at the same moment.
"""

import datetime
import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from .models import OutboxMessage

if TYPE_CHECKING:
    from .models import Inquiry

logger = logging.getLogger(__name__)

CLAIM = datetime.timedelta(minutes=10)


def outbox_queue(
    *, kind: str, to: Iterable[str], subject: str, body: str, inquiry: "Inquiry | None" = None
) -> OutboxMessage:
    """Store a message; it is sent once the surrounding transaction commits."""
    message = OutboxMessage.objects.create(
        kind=kind, to=list(to), subject=subject.strip(), body=body, inquiry=inquiry
    )
    transaction.on_commit(lambda: outbox_send(message_ids=[message.pk]))
    return message


def _retry_delay(attempts: int) -> datetime.timedelta:
    return datetime.timedelta(minutes=2**attempts)


def outbox_send(*, message_ids: Iterable[int] | None = None) -> int:
    """Send the due messages (or the given ones if due); return how many went."""
    now = timezone.now()
    due = OutboxMessage.objects.due(now)
    if message_ids is not None:
        due = due.filter(pk__in=message_ids)
    sent = 0
    for message in due.order_by("created")[:500]:
        claimed = OutboxMessage.objects.filter(
            pk=message.pk,
            status=OutboxMessage.Status.PENDING,
            next_attempt_at=message.next_attempt_at,
        ).update(next_attempt_at=now + CLAIM)
        if not claimed:
            continue  # someone else is sending it
        sent += _deliver(message, now)
    return sent


def _deliver(message: OutboxMessage, now: datetime.datetime) -> int:
    try:
        EmailMessage(
            subject=message.subject,
            body=message.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=message.to,
        ).send()
    except Exception as error:  # any failure of the mail server: keep the message, retry later
        attempts = message.attempts + 1
        failed = attempts >= settings.OUTBOX_MAX_ATTEMPTS
        OutboxMessage.objects.filter(pk=message.pk).update(
            attempts=attempts,
            # The class only: SMTP errors can quote addresses, which stay out of the logs.
            last_error=type(error).__name__,
            status=OutboxMessage.Status.FAILED if failed else OutboxMessage.Status.PENDING,
            next_attempt_at=now + _retry_delay(attempts),
        )
        logger.warning(
            "Outbox message %s (%s) not sent, attempt %s: %s",
            message.pk,
            message.kind,
            attempts,
            type(error).__name__,
        )
        return 0
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=OutboxMessage.Status.SENT, sent_at=timezone.now(), attempts=message.attempts + 1
    )
    return 1
