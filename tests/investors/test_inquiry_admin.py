"""Staff see each inquiry at once and follow it up in the admin."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains

from investors.admin import CountryFilter
from investors.models import Inquiry, InquiryNote
from tests.factories import InquiryFactory, ZoneFactory

pytestmark = pytest.mark.django_db
LIST = reverse("admin:investors_inquiry_changelist")


def change_url(inquiry):
    return reverse("admin:investors_inquiry_change", args=[inquiry.pk])


def test_inquiries_are_listed_newest_first_with_their_zones(admin_client):
    zone = ZoneFactory(name="Khu công nghiệp Đồng Bành")
    old = InquiryFactory(created=timezone.now() - timedelta(days=3))
    new = InquiryFactory()
    new.zones.add(zone)
    response = admin_client.get(LIST)
    assert list(response.context["cl"].result_list) == [new, old]
    assertContains(response, "Khu công nghiệp Đồng Bành")


def test_the_list_costs_the_same_queries_for_5_or_50_inquiries(
    admin_client, django_assert_max_num_queries
):
    zone = ZoneFactory()
    for inquiry in InquiryFactory.create_batch(5):
        inquiry.zones.add(zone)
    with django_assert_max_num_queries(12) as small:
        admin_client.get(LIST)
    for inquiry in InquiryFactory.create_batch(45):
        inquiry.zones.add(zone)
    with django_assert_max_num_queries(len(small.captured_queries)):
        admin_client.get(LIST)


def test_overdue_first_responses_are_flagged_and_filterable(admin_client):
    overdue = InquiryFactory(first_response_due=timezone.now() - timedelta(hours=1))
    InquiryFactory(first_response_due=timezone.now() + timedelta(days=1))
    InquiryFactory(
        first_response_due=timezone.now() - timedelta(hours=1), status=Inquiry.Status.CONTACTED
    )
    response = admin_client.get(LIST + "?first_response=overdue")
    assert list(response.context["cl"].result_list) == [overdue]
    assert overdue.is_overdue


def test_assign_to_self_move_to_contacted_and_add_a_note(admin_client, superuser):
    inquiry = InquiryFactory()
    admin_client.post(LIST, {"action": "assign_to_me", "_selected_action": [inquiry.pk]})
    data = {
        "status": "contacted",
        "assignee": str(superuser.pk),
        "notes-TOTAL_FORMS": "1",
        "notes-INITIAL_FORMS": "0",
        "notes-0-text": "Đã gọi điện, hẹn khảo sát thứ Hai.",
        "messages-TOTAL_FORMS": "0",
        "messages-INITIAL_FORMS": "0",
    }
    response = admin_client.post(change_url(inquiry), data)
    assert response.status_code == 302, response.context and response.context["errors"]

    inquiry.refresh_from_db()
    assert inquiry.assignee == superuser
    assert inquiry.status == Inquiry.Status.CONTACTED
    assert inquiry.first_responded_at is not None
    note = InquiryNote.objects.get(inquiry=inquiry)
    assert note.author == superuser
    assert note.text == "Đã gọi điện, hẹn khảo sát thứ Hai."


def test_what_the_investor_wrote_cannot_be_changed_by_staff(admin_client):
    inquiry = InquiryFactory(company_name="Original Co.")
    html = admin_client.get(change_url(inquiry)).content.decode()
    assert 'name="company_name"' not in html
    assert "Original Co." in html
    data = {
        "status": "new",
        "company_name": "Changed Co.",
        "notes-TOTAL_FORMS": "0",
        "notes-INITIAL_FORMS": "0",
        "messages-TOTAL_FORMS": "0",
        "messages-INITIAL_FORMS": "0",
    }
    admin_client.post(change_url(inquiry), data)
    inquiry.refresh_from_db()
    assert inquiry.company_name == "Original Co."


def test_staff_cannot_invent_an_inquiry(admin_client):
    assert admin_client.get(reverse("admin:investors_inquiry_add")).status_code == 403


def test_csv_export_of_the_selection(admin_client):
    zone = ZoneFactory(name="Khu công nghiệp Hồng Phong")
    chosen = InquiryFactory(company_name='=HYPERLINK("evil")', email="a@example.cn")
    chosen.zones.add(zone)
    InquiryFactory(company_name="Not chosen")
    response = admin_client.post(LIST, {"action": "export_csv", "_selected_action": [chosen.pk]})

    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 1
    assert rows[0]["reference"] == chosen.reference
    assert rows[0]["email"] == "a@example.cn"
    assert rows[0]["zones"] == "Khu công nghiệp Hồng Phong"
    assert rows[0]["company_name"].startswith("'=")  # never run as a formula


def test_the_country_filter_offers_only_countries_inquiries_came_from(admin_client):
    InquiryFactory(country="CN")
    InquiryFactory(country="KR")
    response = admin_client.get(LIST + "?country=KR")
    assert [i.country.code for i in response.context["cl"].result_list] == ["KR"]
    spec = next(s for s in response.context["cl"].filter_specs if isinstance(s, CountryFilter))
    assert [code for code, _name in spec.lookup_choices] == ["KR", "CN"]  # Hàn Quốc, Trung Quốc
