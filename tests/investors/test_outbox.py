"""A mail server that is down loses nothing: the inquiry stays, the mail goes later."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from pytest_django.asserts import assertContains, assertRedirects

from investors.models import Inquiry, OutboxMessage
from investors.outbox import outbox_send
from tests.smtp_servers import smtp_server, use_smtp

pytestmark = pytest.mark.django_db


def send_outbox():
    out = io.StringIO()
    call_command("send_outbox", stdout=out)
    return out.getvalue()


def test_a_refusing_mail_server_keeps_the_inquiry_and_retries_later(client, valid_data, settings):
    response = client.post("/inquire/", valid_data)

    # The investor sees success, and the inquiry and its mail are stored.
    assertRedirects(response, "/inquire/thanks/")
    messages = OutboxMessage.objects.filter(inquiry=Inquiry.objects.get())
    assert messages.count() == 2

    with smtp_server("refusing") as refusing:
        use_smtp(settings, refusing)
        assert "0 sent, 2 pending" in send_outbox()
    assert {(m.status, m.attempts, m.last_error) for m in messages} == {
        ("pending", 1, "SMTPConnectError")
    }

    # The mail server is back; the next run of send_outbox after the back-off sends both.
    with smtp_server("working") as working:
        use_smtp(settings, working)
        assert "0 sent" in send_outbox()  # not yet due
        messages.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
        assert "2 sent" in send_outbox()
    assert set(messages.values_list("status", flat=True)) == {"sent"}
    assert len(working.messages) == 2


def test_a_message_that_keeps_failing_is_marked_failed_for_staff(settings, valid_data, client):
    settings.OUTBOX_MAX_ATTEMPTS = 3
    client.post("/inquire/", valid_data)
    with smtp_server("refusing") as refusing:
        use_smtp(settings, refusing)
        for _ in range(3):
            OutboxMessage.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
            send_outbox()
    assert set(OutboxMessage.objects.values_list("status", "attempts")) == {("failed", 3)}
    # A failed message is not tried again by cron.
    OutboxMessage.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    assert "0 sent, 0 pending, 2 failed" in send_outbox()


def test_a_message_is_sent_once_even_when_two_senders_race(settings, valid_data, client):
    client.post("/inquire/", valid_data)

    assert outbox_send() == 2
    assert outbox_send() == 0
    assert len(mail.outbox) == 2


def test_staff_see_unsent_mail_in_the_admin(admin_client, valid_data, client):
    client.post("/inquire/", valid_data)
    response = admin_client.get("/admin/investors/outboxmessage/?status__exact=pending")
    assert response.status_code == 200
    assert response.context["cl"].result_count == 2


def test_staff_see_what_was_sent_queued_or_failed_on_the_inquiry_and_in_the_outbox(
    admin_client, valid_data, client, settings
):
    settings.OUTBOX_MAX_ATTEMPTS = 1
    client.post("/inquire/", valid_data)
    inquiry = Inquiry.objects.get()
    acknowledgement = OutboxMessage.objects.get(kind="inquiry_acknowledgement")
    with smtp_server("refusing") as refusing:
        use_smtp(settings, refusing)
        outbox_send(message_ids=[acknowledgement.pk])  # fails, once is enough to give up

    outbox = admin_client.get("/admin/investors/outboxmessage/")
    on_inquiry = admin_client.get(f"/admin/investors/inquiry/{inquiry.pk}/change/")
    for page in (outbox, on_inquiry):
        assertContains(page, "Gửi thất bại")  # the acknowledgement
        assertContains(page, "Chờ gửi")  # the notification, not tried yet
        assertContains(page, "SMTPConnectError")
        assertContains(page, inquiry.email)
    assertContains(outbox, inquiry.reference)  # which subject, to whom
