"""Closed inquiries lose their personal data; the consent is on record."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from pytest_django.asserts import assertContains

from investors.models import Inquiry, OutboxMessage
from tests.factories import InquiryFactory

pytestmark = pytest.mark.django_db


def purge(days):
    out = io.StringIO()
    call_command("purge_inquiries", older_than_days=days, stdout=out)
    return out.getvalue()


def test_purge_anonymises_old_closed_inquiries_only():
    old = timezone.now() - timedelta(days=400)
    closed = InquiryFactory(status=Inquiry.Status.LOST, phone="+84912345678", message="Bí mật")
    recent_closed = InquiryFactory(status=Inquiry.Status.WON)
    open_old = InquiryFactory(status=Inquiry.Status.NEGOTIATING)
    OutboxMessage.objects.create(
        inquiry=closed, kind="ack", to=[closed.email], subject="s", body="b"
    )
    Inquiry.objects.filter(pk__in=[closed.pk, open_old.pk]).update(updated=old)

    assert "Anonymised 1" in purge(365)

    closed.refresh_from_db()
    assert (closed.contact_name, closed.email, str(closed.phone), closed.message) == (
        "",
        "",
        "",
        "",
    )
    assert closed.anonymised_at is not None
    assert closed.company_name and closed.sector_id  # statistics stay
    assert not OutboxMessage.objects.filter(inquiry=closed).exists()
    for kept in (recent_closed, open_old):
        kept.refresh_from_db()
        assert kept.email and kept.anonymised_at is None


def test_consent_is_stored_with_time_and_notice_version(client, valid_data, settings):
    client.post("/inquire/", valid_data)
    inquiry = Inquiry.objects.get()
    assert inquiry.privacy_notice_version == settings.PRIVACY_NOTICE_VERSION
    assert timezone.now() - inquiry.consent_at < timedelta(minutes=1)


def test_the_privacy_notice_is_linked_from_the_form_and_versioned(client, settings):
    assertContains(client.get("/inquire/"), 'href="/privacy/"')
    assertContains(client.get("/privacy/"), settings.PRIVACY_NOTICE_VERSION)
