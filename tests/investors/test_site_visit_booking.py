"""A new investor books a site visit from a zone's (or a free plot's) page in one step: their
contact details as the inquiry form takes them, the visit's dates, group and languages; one
transaction stores the inquiry and the visit request, the acknowledgement goes through the
outbox, and the thanks page links the status page."""

import datetime

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from investors.models import Inquiry, OutboxMessage, SiteVisit
from tests.factories import PlotFactory

pytestmark = pytest.mark.django_db

BOOK = "/inquire/visit/new/"


@pytest.fixture
def booking(sector, zone):
    """What an investor from Guangxi types into the booking form."""
    first = datetime.date.today() + datetime.timedelta(days=30)
    return {
        "company_name": "Guangxi Building Materials Co., Ltd.",
        "contact_name": "Wang Li",
        "email": "wang.li@example.cn",
        "phone": "+86 771 123 4567",
        "country": "CN",
        "sector": str(sector.pk),
        "consent": "on",
        "form_token": "2a7d4c1e-0b7e-4f55-8a31-5c2e9d0b6f42",
        "website": "",
        "zone": str(zone.pk),
        "preferred_from": first.isoformat(),
        "preferred_to": (first + datetime.timedelta(days=4)).isoformat(),
        "people": "4",
        "languages": "中文, English",
        "interpreter_needed": "on",
        "message": "We would like to see the land near the border gate.",
    }


def test_every_zone_page_offers_to_book_a_site_visit(client, langson):
    response = client.get("/en/zones/hong-phong/")
    assertContains(response, 'href="/en/inquire/visit/new/?zone=hong-phong" id="book-visit"')
    assertContains(response, "Book a site visit")


def test_a_free_plot_s_page_offers_it_too(client, zone):
    plot = PlotFactory(zone=zone, code="A1")
    response = client.get(plot.get_absolute_url())
    assertContains(response, f"{BOOK}?plot=dong-banh/A1")


def test_the_form_comes_with_the_zone_chosen_and_asks_for_contact_details_and_dates(client, zone):
    response = client.get(f"/en{BOOK}?zone=dong-banh")
    assert response.context["visit_form"]["zone"].value() == zone.pk
    for name in ("company_name", "email", "country", "sector", "consent", "preferred_from"):
        assertContains(response, f'name="{name}"')
    assertContains(response, 'name="website"')  # the honeypot
    assertContains(response, 'name="csrfmiddlewaretoken"')
    for project_field in ("capital_amount", "start_quarter", "zones"):
        assertNotContains(response, f'name="{project_field}"')


def test_one_step_stores_the_inquiry_and_the_visit_and_queues_the_acknowledgement(
    client, booking, zone
):
    response = client.post(f"/en{BOOK}", booking)
    assert response.status_code == 302
    assert response["Location"] == "/en/inquire/thanks/"
    inquiry = Inquiry.objects.get()
    assert (inquiry.company_name, inquiry.language) == (booking["company_name"], "en")
    assert list(inquiry.zones.all()) == [zone]
    visit = SiteVisit.objects.get()
    assert (visit.inquiry, visit.zone, visit.people) == (inquiry, zone, 4)
    assert (visit.languages, visit.interpreter_needed) == ("中文, English", True)
    assert visit.message == booking["message"]
    assert [e.stage for e in inquiry.events.all()] == ["received"]
    kinds = sorted(inquiry.messages.values_list("kind", flat=True))
    assert kinds == ["inquiry_acknowledgement", "inquiry_notification"]
    acknowledgement = inquiry.messages.get(kind="inquiry_acknowledgement")
    assert acknowledgement.to == ["wang.li@example.cn"]
    assert "site visit" in acknowledgement.body
    assert "/en/inquire/status/?t=" in acknowledgement.body

    thanks = client.get(response["Location"])
    assertContains(thanks, inquiry.reference)
    assertContains(thanks, 'id="visit-requested"')
    status_link = thanks.context["status_link"]
    assert status_link.startswith("/en/inquire/status/?t=")
    assertContains(client.get(status_link), 'data-status="requested"')


def test_staff_hear_of_the_booking_in_one_mail_that_carries_the_visit(
    client, booking, zone, settings
):
    """One booking, one mail to staff: the new inquiry's notification names the visit asked
    for, with its dates, group and languages (it used to come with a second mail about the
    same visit)."""
    client.post(f"/en{BOOK}", booking)
    inquiry = Inquiry.objects.get()
    to_staff = inquiry.messages.exclude(to=[booking["email"]])
    assert to_staff.count() == 1
    mail = to_staff.get()
    assert mail.kind == "inquiry_notification"
    assert mail.to == sorted({settings.INVESTMENT_PROMOTION_EMAIL, zone.contact_email} - {""})
    assert "kèm yêu cầu khảo sát thực địa" in mail.subject  # staff mails are in Vietnamese
    assert "Yêu cầu khảo sát thực địa" in mail.body
    assert "Số người: 4" in mail.body
    assert "Ngôn ngữ của đoàn: 中文, English" in mail.body
    assert booking["message"] in mail.body


def test_a_free_plot_comes_along_with_its_zone(client, booking, zone):
    PlotFactory(zone=zone, code="A1")
    page = client.get(f"{BOOK}?plot=dong-banh/A1")
    assertContains(page, 'id="chosen-plot"')
    assert page.context["visit_form"]["zone"].value() == zone.pk
    client.post(BOOK, {**booking, "plot": "dong-banh/A1"})
    inquiry = Inquiry.objects.get()
    assert inquiry.plot.code == "A1"
    assert inquiry.site_visits.get().zone == zone


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("email", "not-an-email", "Enter a valid email address."),
        ("consent", "", "Please agree to the privacy notice to send your inquiry."),
        ("preferred_from", "2020-01-01", "Choose a date from today on."),
        ("zone", "", "This field is required."),
    ],
)
def test_a_mistake_is_named_next_to_its_field_and_nothing_is_stored(
    client, booking, field, value, message
):
    response = client.post(f"/en{BOOK}", {**booking, field: value})
    assert response.status_code == 200
    assertContains(response, 'id="form-errors"')
    assertContains(response, message)
    assertContains(response, booking["company_name"])  # what was typed stays
    assert not Inquiry.objects.exists() and not SiteVisit.objects.exists()
    assert not OutboxMessage.objects.exists()


def test_dates_out_of_order_are_refused_next_to_the_end_date(client, booking):
    response = client.post(f"/en{BOOK}", {**booking, "preferred_to": "2020-01-01"})
    assert "preferred_to" in response.context["visit_form"].errors
    assert not Inquiry.objects.exists()


def test_a_double_click_makes_one_inquiry_and_one_visit(client, booking):
    client.post(BOOK, booking)
    client.post(BOOK, booking)
    assert Inquiry.objects.count() == 1
    assert SiteVisit.objects.count() == 1


def test_the_honeypot_stores_nothing(client, booking):
    response = client.post(BOOK, {**booking, "website": "http://spam.example"})
    assert response.status_code == 200
    assert not Inquiry.objects.exists() and not SiteVisit.objects.exists()


def test_bookings_share_the_inquiry_form_s_rate_limit(client, booking, valid_data, settings):
    settings.INQUIRY_RATE_LIMIT = "2/h"
    client.post(reverse("investors:inquire"), valid_data)
    client.post(BOOK, booking)
    third = {**booking, "form_token": "1f1c1e5e-93a4-4a51-9d2b-0c1b5a7c1d11"}
    assert client.post(BOOK, third).status_code == 429
    assert Inquiry.objects.count() == 2


def test_a_post_without_the_csrf_token_is_refused(booking):
    from django.test import Client

    assert Client(enforce_csrf_checks=True).post(BOOK, booking).status_code == 403
    assert not Inquiry.objects.exists()
