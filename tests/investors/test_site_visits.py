"""An investor asks for a site visit; staff confirm a date and officer; the investor gets a
calendar invitation in their language and Lạng Sơn's time, and can cancel from their link."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from pytest_django.asserts import assertContains

from investors.models import Inquiry, OfficerProfile, SiteVisit
from investors.outbox import outbox_send
from investors.services import status_token
from tests.factories import InquiryFactory, UserFactory, ZoneFactory

pytestmark = pytest.mark.django_db
LANG_SON = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def officer():
    user = UserFactory(username="ha_login")
    OfficerProfile.objects.create(
        user=user, display_name="Bà Hoàng Thu Hà", office_email="ha.ht@langson.example"
    )
    return user


@pytest.fixture
def inquiry():
    inquiry = InquiryFactory(language="en", contact_name="Wang Li")
    inquiry.zones.add(ZoneFactory(name="Khu công nghiệp Hồng Phong", name_en="Hong Phong IP"))
    return inquiry


def request_visit(client, inquiry, **values):
    future = datetime.date.today() + datetime.timedelta(days=30)
    data = {
        "t": status_token(inquiry),
        "zone": str(inquiry.zones.get().pk),
        "preferred_from": future.isoformat(),
        "preferred_to": (future + datetime.timedelta(days=5)).isoformat(),
        "people": "3",
        "languages": "中文",
        "interpreter_needed": "on",
        **values,
    }
    return client.post("/en/inquire/visit/", data)


def confirm(admin_client, visit, officer, when="2027-03-15 09:30"):
    day, time = when.split()
    data = {
        "status": "confirmed",
        "starts_at_0": day,
        "starts_at_1": time,
        "duration_minutes": "180",
        "officer": str(officer.pk),
    }
    return admin_client.post(reverse("admin:investors_sitevisit_change", args=[visit.pk]), data)


def test_an_investor_asks_for_a_visit_from_the_status_link_and_staff_are_told(client, inquiry):
    response = client.get(f"/en/inquire/visit/?t={status_token(inquiry)}")
    assertContains(response, "Hong Phong IP")
    response = request_visit(client, inquiry)
    assert response.status_code == 302
    visit = SiteVisit.objects.get()
    assert (visit.people, visit.languages, visit.interpreter_needed) == (3, "中文", True)
    staff_mail = inquiry.messages.get(kind="site_visit_request")
    assert "3" in staff_mail.body and "中文" in staff_mail.body
    status = client.get(response["Location"])
    assertContains(status, 'data-status="requested"')


def test_a_visit_cannot_be_asked_without_a_valid_link(client, inquiry):
    response = request_visit(client, inquiry, t="EOI-2026-00001:forged:sig")
    assertContains(response, 'id="link-expired"')
    assert not SiteVisit.objects.exists()


def test_staff_confirm_and_the_investor_gets_a_calendar_invitation_in_their_language(
    client, admin_client, inquiry, officer
):
    request_visit(client, inquiry)
    visit = SiteVisit.objects.get()
    response = confirm(admin_client, visit, officer)
    assert response.status_code == 302, response.context["adminform"].form.errors
    inquiry.refresh_from_db()
    assert inquiry.status == Inquiry.Status.SITE_VISIT
    invitation = inquiry.messages.get(kind="site_visit_invitation")
    assert "Bà Hoàng Thu Hà" in invitation.body
    assert "/en/inquire/status/?t=" in invitation.body

    assert outbox_send() >= 1
    sent = next(m for m in mail.outbox if m.to == [inquiry.email] and m.attachments)
    filename, content, mimetype = sent.attachments[0]
    assert filename == "site-visit.ics"
    assert mimetype.startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(content)
    event = next(iter(calendar.walk("VEVENT")))
    start = event.decoded("dtstart")
    assert start == datetime.datetime(2027, 3, 15, 9, 30, tzinfo=LANG_SON)
    assert str(start.tzinfo) == "Asia/Ho_Chi_Minh"
    assert event.decoded("dtend") - start == datetime.timedelta(hours=3)
    assert str(event["summary"]) == "Site visit: Hong Phong IP"
    assert calendar.walk("VTIMEZONE")[0]["tzid"] == "Asia/Ho_Chi_Minh"
    assert "ha_login" not in content


def test_one_officer_cannot_lead_two_visits_at_the_same_time(
    client, admin_client, inquiry, officer
):
    other = InquiryFactory()
    first = SiteVisit.objects.create(
        inquiry=other,
        preferred_from=datetime.date(2027, 3, 1),
        preferred_to=datetime.date(2027, 3, 30),
        status="confirmed",
        officer=officer,
        starts_at=datetime.datetime(2027, 3, 15, 8, 0, tzinfo=LANG_SON),
    )
    request_visit(client, inquiry)
    visit = SiteVisit.objects.exclude(pk=first.pk).get()
    response = confirm(admin_client, visit, officer, "2027-03-15 10:00")  # overlaps 8:00–11:00
    assert response.status_code == 200
    assertContains(response, "đã có một buổi khảo sát khác vào giờ này")
    visit.refresh_from_db()
    assert visit.status == SiteVisit.Status.REQUESTED
    assert confirm(admin_client, visit, officer, "2027-03-15 14:00").status_code == 302

    # The database refuses the same start even when nobody asked the form.
    SiteVisit.objects.filter(pk=visit.pk).update(status="requested")
    with pytest.raises(IntegrityError), transaction.atomic():
        SiteVisit.objects.filter(pk=visit.pk).update(status="confirmed", starts_at=first.starts_at)


def test_the_investor_cancels_from_their_link_and_the_calendar_entry_is_withdrawn(
    client, admin_client, inquiry, officer
):
    request_visit(client, inquiry)
    visit = SiteVisit.objects.get()
    confirm(admin_client, visit, officer)
    cancel = reverse("investors:visit_cancel", args=[visit.pk])
    response = client.post(cancel, {"t": status_token(inquiry)})
    assert response.status_code == 302
    visit.refresh_from_db()
    assert visit.status == SiteVisit.Status.CANCELLED
    assert inquiry.messages.filter(kind="site_visit_cancelled").exists()
    withdrawal = inquiry.messages.get(kind="site_visit_cancellation")
    calendar = icalendar.Calendar.from_ical(withdrawal.attachments[0]["content"])
    assert str(calendar["method"]) == "CANCEL"
    # Another's link cannot cancel it.
    assert client.post(cancel, {"t": status_token(InquiryFactory())}).status_code == 404


def test_an_investment_officer_confirms_visits_and_keeps_contact_points(client, investment_officer):
    client.force_login(investment_officer)
    assert client.get(reverse("admin:investors_sitevisit_changelist")).status_code == 200
    assert client.get(reverse("admin:zones_contactpoint_changelist")).status_code == 200
    assert client.get(reverse("admin:zones_contactpoint_add")).status_code == 200
