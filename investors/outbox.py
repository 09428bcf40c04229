"""The outbox: mail stored in the same transaction as what caused it, sent by `send_outbox`.

No request waits on the mail server: a hung server held each submission until gunicorn killed
the worker, and a few such submissions blocked them all. `send_outbox` runs every minute (cron
or a timer), one run at a time per machine, so a confirmation goes within about a minute.
Sending claims a message by moving its next attempt forward in one UPDATE, so a message is
never sent twice by two runs (or the admin's "send again") at the same moment.
"""

import datetime
import logging
import re
import smtplib
import socket
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone

from .models import OutboxMessage

if TYPE_CHECKING:
    from .models import Inquiry

logger = logging.getLogger(__name__)

CLAIM = datetime.timedelta(minutes=10)
# Failures that say the server cannot be reached at all, whatever the message: after one, the
# run puts the other messages back for later instead of waiting EMAIL_TIMEOUT on each.
UNREACHABLE = (
    TimeoutError,
    ConnectionError,
    socket.gaierror,
    smtplib.SMTPConnectError,
    smtplib.SMTPServerDisconnected,
)
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def header_value(value: str) -> str:
    """One line, whatever the input held: a CR or LF in a header makes Django refuse the
    message (BadHeaderError) on every retry, so staff would never hear of that inquiry."""
    return " ".join(CONTROL_CHARACTERS.sub(" ", value).split())


def outbox_queue(
    *,
    kind: str,
    to: Iterable[str],
    subject: str,
    body: str,
    inquiry: "Inquiry | None" = None,
    attachments: Iterable[dict[str, str]] = (),
) -> OutboxMessage:
    """Store a message for the next run of `send_outbox`. Attachments are text:
    {"filename": ..., "content": ..., "mimetype": ...}."""
    return OutboxMessage.objects.create(
        kind=kind,
        to=list(to),
        subject=header_value(subject)[: OutboxMessage._meta.get_field("subject").max_length],
        body=body,
        inquiry=inquiry,
        attachments=list(attachments),
    )


def _retry_delay(attempts: int) -> datetime.timedelta:
    return datetime.timedelta(minutes=2**attempts)


def outbox_send(*, message_ids: Iterable[int] | None = None) -> int:
    """Send the due messages (or the given ones if due); return how many went.

    Waits at most about EMAIL_TIMEOUT on a server that does not answer.
    """
    now = timezone.now()
    due = OutboxMessage.objects.due(now)
    if message_ids is not None:
        due = due.filter(pk__in=message_ids)
    sent = 0
    unreachable = None
    for message in due.order_by("created")[:500]:
        claimed = OutboxMessage.objects.filter(
            pk=message.pk,
            status=OutboxMessage.Status.PENDING,
            next_attempt_at=message.next_attempt_at,
        ).update(next_attempt_at=now + CLAIM)
        if not claimed:
            continue  # someone else is sending it
        if unreachable:
            _record_failure(message, now, unreachable)
            continue
        try:
            _deliver(message)
        except Exception as error:  # any failure of the mail server: keep the message, retry later
            _record_failure(message, now, error)
            if isinstance(error, UNREACHABLE):
                unreachable = error
            continue
        OutboxMessage.objects.filter(pk=message.pk).update(
            status=OutboxMessage.Status.SENT, sent_at=timezone.now(), attempts=message.attempts + 1
        )
        sent += 1
    return sent


def _deliver(message: OutboxMessage) -> None:
    email = EmailMessage(
        subject=header_value(message.subject),  # messages queued before subjects were cleaned
        body=message.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=message.to,
    )
    for attachment in message.attachments:
        email.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
    email.send()


def _record_failure(message: OutboxMessage, now: datetime.datetime, error: Exception) -> None:
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
