"""A mail server that hangs, refuses or misbehaves never holds up or loses an investor's inquiry,
and what goes out is safe plain text. Real SMTP servers on free ports (tests/smtp_servers.py)."""

import io
import time

import pytest
from django.core import mail
from django.core.management import call_command
from django.template.loader import render_to_string

from investors.models import Inquiry, OutboxMessage
from investors.outbox import outbox_queue
from tests.factories import InquiryFactory
from tests.smtp_servers import smtp_server, use_smtp


def send_outbox():
    out = io.StringIO()
    call_command("send_outbox", stdout=out)
    return out.getvalue()


# Real commits: after-commit hooks run as in production.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_hung_mail_server_does_not_hold_up_the_investor(client, valid_data, settings):
    with smtp_server("hung") as hung:
        use_smtp(settings, hung, timeout=5)
        started = time.monotonic()
        response = client.post("/inquire/", valid_data, follow=True)
        elapsed = time.monotonic() - started
        connections = hung.connections

    # The answer did not wait on the mail server at all (not even for its 5 s timeout): the
    # connection count proves it on a machine of any speed; the time is what the investor sees.
    assert connections == 0
    assert elapsed < 5
    inquiry = Inquiry.objects.get()
    assert inquiry.reference in response.content.decode()
    assert set(inquiry.messages.values_list("kind", "status", "attempts")) == {
        ("inquiry_acknowledgement", "pending", 0),
        ("inquiry_notification", "pending", 0),
    }

    # Later, the timer's send_outbox finds a working server: each message goes exactly once.
    with smtp_server("working") as working:
        use_smtp(settings, working)
        assert "2 sent, 0 pending" in send_outbox()
        assert "0 sent, 0 pending" in send_outbox()
    assert sorted(recipients for recipients, _ in working.messages) == [
        ["kcn@example.vn", "xuctiendautu@localhost"],
        ["wang.li@example.cn"],
    ]


def test_send_outbox_gives_up_on_a_hung_server_after_one_timeout(client, valid_data, settings):
    client.post("/inquire/", valid_data)
    client.post("/inquire/", {**valid_data, "form_token": "0b7ad5a4-0a38-4a39-8e5f-2b1c0f4a1e2d"})
    with smtp_server("hung") as hung:
        use_smtp(settings, hung, timeout=2)
        started = time.monotonic()
        output = send_outbox()
        elapsed = time.monotonic() - started

    # Four messages, one wait: the others are put back for later, not each waited on.
    assert hung.connections == 1
    assert elapsed < 8  # four waits of the 2 s timeout would take at least 8 s
    assert "0 sent, 4 pending" in output
    assert set(OutboxMessage.objects.values_list("status", "attempts", "last_error")) == {
        ("pending", 1, "SMTPServerDisconnected")
    }


def test_a_line_break_in_the_company_name_reaches_staff_as_one_line(db, settings):
    # An inquiry stored before the form refused control characters.
    inquiry = InquiryFactory(company_name="ACME\r\nBcc: victim@example.org")
    outbox_queue(
        kind="inquiry_notification",
        to=["xuctiendautu@localhost"],
        subject=render_to_string("investors/email/notification_subject.txt", {"inquiry": inquiry}),
        body="…",
        inquiry=inquiry,
    )
    # And one queued before subjects were cleaned.
    OutboxMessage.objects.create(
        kind="inquiry_notification",
        to=["xuctiendautu@localhost"],
        subject="Đăng ký đầu tư mới EOI-2026-00001: ACME\nBcc: victim@example.org",
        body="…",
    )

    with smtp_server("working") as working:
        use_smtp(settings, working)
        assert "2 sent, 0 pending, 0 failed" in send_outbox()

    for recipients, message in working.messages:
        assert recipients == ["xuctiendautu@localhost"]
        assert message["Bcc"] is None
        assert "\r" not in message["Subject"] and "\n" not in message["Subject"]
        assert "ACME Bcc: victim@example.org" in message["Subject"]


def test_a_company_name_is_shown_as_typed_in_the_mail_subjects(client, valid_data):
    client.post("/inquire/", {**valid_data, "company_name": "Smith & Sons <Ltd>"})
    send_outbox()
    subjects = {message.subject for message in mail.outbox}
    assert any(subject.endswith(": Smith & Sons <Ltd>") for subject in subjects)
    assert not any("&amp;" in subject or "&lt;" in subject for subject in subjects)


def test_the_acknowledgement_links_only_to_the_portal_whatever_host_was_asked(
    client, valid_data, settings
):
    settings.ALLOWED_HOSTS = ["*"]
    settings.SITE_URL = "https://dautu.langson.gov.vn"
    client.post("/inquire/", valid_data, HTTP_HOST="evil.example")
    send_outbox()
    acknowledgement = next(m for m in mail.outbox if m.to == ["wang.li@example.cn"])
    assert "https://dautu.langson.gov.vn/inquire/status/" in acknowledgement.body
    assert "evil.example" not in acknowledgement.body
