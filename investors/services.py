"""Writes that span several rows, in one transaction each: the admin, views and commands call
these so that they all validate and record the same way."""

import datetime
import uuid
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation

from incentives.services import estimate_create

from .models import Inquiry, OutboxMessage, ReferenceSequence, add_working_days
from .outbox import outbox_queue

if TYPE_CHECKING:
    from .forms import InquiryForm


def _next_reference(year: int) -> str:
    """The next EOI-<year>-<5 digits>. The UPDATE locks the year's row until the transaction
    ends, so two submissions never get the same number and a rolled-back one leaves no gap."""
    ReferenceSequence.objects.bulk_create([ReferenceSequence(year=year)], ignore_conflicts=True)
    ReferenceSequence.objects.filter(year=year).update(last_number=F("last_number") + 1)
    number = ReferenceSequence.objects.get(year=year).last_number
    return f"EOI-{year}-{number:05d}"


def inquiry_submit(*, form: "InquiryForm", token: uuid.UUID, language: str) -> Inquiry:
    """Store a valid inquiry, its zones and the mail about it; return the inquiry.

    A token that was already used (a double click, a refresh, the back button) returns the
    inquiry it made, and stores nothing new.
    """
    if existing := Inquiry.objects.filter(submission_token=token).first():
        return existing
    now = timezone.now()
    try:
        with transaction.atomic():
            inquiry = form.save(commit=False)
            inquiry.submission_token = token
            inquiry.language = language
            inquiry.consent_at = now
            inquiry.privacy_notice_version = settings.PRIVACY_NOTICE_VERSION
            inquiry.created = now
            inquiry.first_response_due = add_working_days(
                now, settings.INQUIRY_FIRST_RESPONSE_WORKING_DAYS
            )
            inquiry.reference = _next_reference(timezone.localdate(now).year)
            if estimate_form := form.cleaned_data.get("estimate"):
                inquiry.estimate = estimate_create(form=estimate_form)
            inquiry.save()
            form.save_m2m()
            if inquiry.plot_id:
                inquiry.zones.add(inquiry.plot.zone_id)
            _queue_inquiry_mail(inquiry)
    except IntegrityError:
        # The same token, submitted twice at once: the other request stored it.
        if existing := Inquiry.objects.filter(submission_token=token).first():
            return existing
        raise
    return inquiry


def _queue_inquiry_mail(inquiry: Inquiry) -> None:
    zones = list(inquiry.zones.all())
    context = {"inquiry": inquiry, "zones": zones, "site_url": settings.SITE_URL}
    with translation.override(inquiry.language):
        outbox_queue(
            kind="inquiry_acknowledgement",
            to=[inquiry.email],
            subject=render_to_string("investors/email/acknowledgement_subject.txt", context),
            body=render_to_string("investors/email/acknowledgement.txt", context),
            inquiry=inquiry,
        )
    staff = [settings.INVESTMENT_PROMOTION_EMAIL]
    staff += [zone.contact_email for zone in zones if zone.contact_email]
    with translation.override(settings.LANGUAGE_CODE):
        outbox_queue(
            kind="inquiry_notification",
            to=sorted(set(staff)),
            subject=render_to_string("investors/email/notification_subject.txt", context),
            body=render_to_string("investors/email/notification.txt", context),
            inquiry=inquiry,
        )


def inquiry_anonymise(*, older_than_days: int) -> int:
    """Strip the personal data of closed inquiries last changed more than N days ago.

    The company, sector, zones and figures stay for statistics; the person, their contact
    details, their message and the mail sent about them go. Returns how many were anonymised.
    """
    cutoff = timezone.now() - datetime.timedelta(days=older_than_days)
    with transaction.atomic():
        closed = Inquiry.objects.filter(
            status__in=Inquiry.CLOSED, updated__lt=cutoff, anonymised_at__isnull=True
        )
        ids = list(closed.values_list("pk", flat=True))
        Inquiry.objects.filter(pk__in=ids).update(
            contact_name="", email="", phone="", message="", anonymised_at=timezone.now()
        )
        OutboxMessage.objects.filter(inquiry_id__in=ids).delete()
    return len(ids)
