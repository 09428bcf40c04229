"""Writes that span several rows, in one transaction each: the admin, views and commands call
these so that they all validate and record the same way."""

import datetime
import uuid
from typing import TYPE_CHECKING

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from incentives.services import estimate_create

from .models import (
    Inquiry,
    InquiryEvent,
    OutboxMessage,
    ReferenceSequence,
    SiteVisit,
    add_working_days,
)
from .outbox import outbox_queue

STATUS_LINK_SALT = "investors.status-link"
STATUS_LINK_MAX_AGE = datetime.timedelta(days=90)

if TYPE_CHECKING:
    from .forms import InquiryForm, SiteVisitForm


def _next_reference(year: int) -> str:
    """The next EOI-<year>-<5 digits>. The UPDATE locks the year's row until the transaction
    ends, so two submissions never get the same number and a rolled-back one leaves no gap."""
    ReferenceSequence.objects.bulk_create([ReferenceSequence(year=year)], ignore_conflicts=True)
    ReferenceSequence.objects.filter(year=year).update(last_number=F("last_number") + 1)
    number = ReferenceSequence.objects.get(year=year).last_number
    return f"EOI-{year}-{number:05d}"


def inquiry_submit(
    *,
    form: "InquiryForm",
    token: uuid.UUID,
    language: str,
    visit_form: "SiteVisitForm | None" = None,
) -> Inquiry:
    """Store a valid inquiry, its zones and the mail about it; return the inquiry. With a
    valid `visit_form` (a site visit booked from a zone's or plot's page), the visit request
    too, in the same transaction, its zone among the inquiry's.

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
            _record_event(inquiry, InquiryEvent.Stage.RECEIVED, now=now)
            visit = None
            if visit_form is not None:
                if zone := visit_form.cleaned_data.get("zone"):
                    inquiry.zones.add(zone)  # before the mails, which name the zones
                # Staff read of the visit in the inquiry's notification: one mail, not two.
                visit = _site_visit_store(inquiry=inquiry, form=visit_form, tell_staff=False)
            _queue_inquiry_mail(inquiry, visit=visit)
    except IntegrityError:
        # The same token, submitted twice at once: the other request stored it.
        if existing := Inquiry.objects.filter(submission_token=token).first():
            return existing
        raise
    return inquiry


def _queue_inquiry_mail(inquiry: Inquiry, *, visit: SiteVisit | None = None) -> None:
    zones = list(inquiry.zones.all())
    context = {"inquiry": inquiry, "zones": zones, "visit": visit, "site_url": settings.SITE_URL}
    with translation.override(inquiry.language):
        context["status_link"] = inquiry_status_link(inquiry)
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


def inquiry_status_link(inquiry: Inquiry) -> str:
    """The status page's address, in the active language, with a signed token that opens it
    already filled in for this inquiry; it expires after STATUS_LINK_MAX_AGE."""
    return f"{settings.SITE_URL}{status_path(inquiry)}"


def status_path(inquiry: Inquiry) -> str:
    """The same address on this site, for a link or a redirect."""
    return f"{reverse('investors:status')}?t={status_token(inquiry)}"


def status_token(inquiry: Inquiry) -> str:
    """A signed token naming the inquiry: who holds it may read and act on its status."""
    return signing.TimestampSigner(salt=STATUS_LINK_SALT).sign(inquiry.reference)


def inquiry_from_status_link(token: str) -> Inquiry | None:
    """The inquiry a status link's token names, or None when it is forged or expired."""
    try:
        reference = signing.TimestampSigner(salt=STATUS_LINK_SALT).unsign(
            token, max_age=STATUS_LINK_MAX_AGE
        )
    except signing.BadSignature:  # SignatureExpired is one
        return None
    return Inquiry.objects.filter(reference=reference, anonymised_at__isnull=True).first()


def _record_event(
    inquiry: Inquiry,
    stage: InquiryEvent.Stage,
    *,
    now: datetime.datetime,
    site_visit: SiteVisit | None = None,
) -> InquiryEvent:
    """A public step. A step that announces a confirmed visit promises nothing by a date: the
    visit is the date."""
    days = None if site_visit else stage.working_days
    return InquiryEvent.objects.create(
        inquiry=inquiry,
        stage=stage,
        officer=site_visit.officer if site_visit else inquiry.assignee,
        site_visit=site_visit,
        next_step_due=add_working_days(now, days) if days is not None else None,
        created=now,
    )


def _confirmed_visit(inquiry: Inquiry) -> SiteVisit | None:
    """The inquiry's next confirmed visit, if any. One query."""
    visits = inquiry.site_visits.filter(
        status=SiteVisit.Status.CONFIRMED, starts_at__gte=timezone.now()
    )
    return visits.select_related("zone", "officer__officer_profile").order_by("starts_at").first()


def inquiry_stage_changed(
    *, inquiry: Inquiry, previous_status: str, previous_assignee_id: int | None
) -> list[InquiryEvent]:
    """After staff changed an inquiry: record each public step it took (a named officer
    assigned, a new stage) and queue one mail per step to the investor, in their language, with
    what happens next and by when. Spam and internal changes tell the investor nothing."""
    if inquiry.status == Inquiry.Status.SPAM:
        return []
    now = timezone.now()
    stages = []
    if inquiry.assignee_id and inquiry.assignee_id != previous_assignee_id:
        stages.append(InquiryEvent.Stage.ASSIGNED)
    if inquiry.status != previous_status and (stage := inquiry.public_stage):
        stages.append(stage)
    events = []
    with transaction.atomic():
        for stage in stages:
            visit = (
                _confirmed_visit(inquiry) if stage == InquiryEvent.Stage.VISIT_SCHEDULED else None
            )
            event = _record_event(inquiry, stage, now=now, site_visit=visit)
            _queue_stage_mail(inquiry, event)
            events.append(event)
    return events


def _queue_stage_mail(inquiry: Inquiry, event: InquiryEvent) -> None:
    with translation.override(inquiry.language):
        context = {
            "inquiry": inquiry,
            "event": event,
            "profile": getattr(event.officer, "officer_profile", None),
            "status_link": inquiry_status_link(inquiry),
        }
        outbox_queue(
            kind=f"inquiry_stage_{event.stage}",
            to=[inquiry.email],
            subject=render_to_string("investors/email/stage_subject.txt", context),
            body=render_to_string("investors/email/stage.txt", context),
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


def site_visit_request(*, inquiry: Inquiry, form: "SiteVisitForm") -> SiteVisit:
    """Store an investor's request for a site visit and tell the staff."""
    with transaction.atomic():
        return _site_visit_store(inquiry=inquiry, form=form)


def _site_visit_store(
    *, inquiry: Inquiry, form: "SiteVisitForm", tell_staff: bool = True
) -> SiteVisit:
    visit = form.save(commit=False)
    visit.inquiry = inquiry
    visit.save()
    if tell_staff:
        _tell_staff_of_visit(visit, kind="site_visit_request", subject="visit_request_subject.txt")
    return visit


def _tell_staff_of_visit(visit: SiteVisit, *, kind: str, subject: str) -> None:
    """Staff's mail about a visit request or its cancellation, in the site's language."""
    inquiry = visit.inquiry
    with translation.override(settings.LANGUAGE_CODE):
        outbox_queue(
            kind=kind,
            to=_staff_addresses(inquiry),
            subject=render_to_string(f"investors/email/{subject}", {"inquiry": inquiry}),
            body=render_to_string(
                "investors/email/visit_request.txt", {"inquiry": inquiry, "visit": visit}
            ),
            inquiry=inquiry,
        )


def _staff_addresses(inquiry: Inquiry) -> list[str]:
    staff = {settings.INVESTMENT_PROMOTION_EMAIL}
    staff |= {zone.contact_email for zone in inquiry.zones.all() if zone.contact_email}
    profile = getattr(inquiry.assignee, "officer_profile", None)
    if profile and profile.office_email:
        staff.add(profile.office_email)
    return sorted(staff)


def site_visit_confirmed(*, visit: SiteVisit) -> InquiryEvent:
    """After staff confirmed a visit's date and officer (the visit is saved and valid): move
    the inquiry to its site-visit stage and send the investor the invitation (.ics), in their
    language. The caller holds the transaction."""
    from .calendar import site_visit_ics

    inquiry = visit.inquiry
    if inquiry.status in (Inquiry.Status.NEW, Inquiry.Status.CONTACTED):
        inquiry.status = Inquiry.Status.SITE_VISIT
    if inquiry.assignee_id is None:
        inquiry.assignee = visit.officer
    inquiry.save()
    event = _record_event(
        inquiry, InquiryEvent.Stage.VISIT_SCHEDULED, now=timezone.now(), site_visit=visit
    )
    with translation.override(inquiry.language):
        context = {
            "inquiry": inquiry,
            "event": event,
            "visit": visit,
            "profile": getattr(visit.officer, "officer_profile", None),
            "status_link": inquiry_status_link(inquiry),
        }
        outbox_queue(
            kind="site_visit_invitation",
            to=[inquiry.email],
            subject=render_to_string("investors/email/stage_subject.txt", context),
            body=render_to_string("investors/email/visit_confirmed.txt", context),
            inquiry=inquiry,
            attachments=[
                {
                    "filename": "site-visit.ics",
                    "content": site_visit_ics(visit),
                    "mimetype": "text/calendar; method=REQUEST; charset=utf-8",
                }
            ],
        )
    return event


def site_visit_cancel(*, visit: SiteVisit) -> None:
    """The investor cancels their visit (from the status page): staff are told, and a
    confirmed visit's calendar entry is withdrawn."""
    from .calendar import site_visit_ics

    inquiry = visit.inquiry
    with transaction.atomic():
        was_confirmed = visit.status == SiteVisit.Status.CONFIRMED
        visit.status = SiteVisit.Status.CANCELLED
        visit.save(update_fields=["status", "updated"])
        _tell_staff_of_visit(
            visit, kind="site_visit_cancelled", subject="visit_cancelled_subject.txt"
        )
        if was_confirmed:
            with translation.override(inquiry.language):
                outbox_queue(
                    kind="site_visit_cancellation",
                    to=[inquiry.email],
                    subject=render_to_string(
                        "investors/email/visit_cancelled_subject.txt", {"inquiry": inquiry}
                    ),
                    body=render_to_string(
                        "investors/email/visit_cancelled.txt",
                        {"inquiry": inquiry, "status_link": inquiry_status_link(inquiry)},
                    ),
                    inquiry=inquiry,
                    attachments=[
                        {
                            "filename": "site-visit.ics",
                            "content": site_visit_ics(visit, cancelled=True),
                            "mimetype": "text/calendar; method=CANCEL; charset=utf-8",
                        }
                    ],
                )
