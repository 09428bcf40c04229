"""The "site visit scheduled" step tells the truth: "the officer will confirm the date" only
while a request waits; once staff confirm it, the mails and the status timeline give the date,
the time in Lạng Sơn, the place and the officer's display name, and say the invitation is
attached."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils.html import escape
from pytest_django.asserts import assertContains, assertNotContains

from investors.models import Inquiry, OfficerProfile, SiteVisit
from investors.services import status_token
from tests.factories import InquiryFactory, UserFactory, ZoneFactory

pytestmark = pytest.mark.django_db
LANG_SON = ZoneInfo("Asia/Ho_Chi_Minh")

TEXT = {
    "vi": {
        "will_confirm": "Cán bộ phụ trách sẽ xác nhận lịch khảo sát thực địa.",
        "confirmed": (
            "Khảo sát thực địa vào 15/03/2027 lúc 09:30 (giờ Việt Nam) tại Khu công nghiệp "
            "Hồng Phong, cán bộ dẫn đoàn: Bà Hoàng Thu Hà."
        ),
        "sent": "Lịch hẹn (tệp .ics) đã được gửi kèm thư xác nhận.",
        "attached": "Lịch hẹn (tệp .ics) đính kèm thư này",
        "next": "Bước tiếp theo",
    },
    "en": {
        "will_confirm": "Your officer will confirm the site visit's date.",
        "confirmed": (
            "Site visit on March 15, 2027 at 9:30 a.m. (Vietnam time) at Hong Phong "
            "Industrial Park, led by Bà Hoàng Thu Hà."
        ),
        "sent": "The calendar invitation (.ics file) was sent with the confirmation mail.",
        "attached": "The calendar invitation (.ics file) is attached",
        "next": "Next step",
    },
}


@pytest.fixture
def officer():
    user = UserFactory(username="ha_login")
    OfficerProfile.objects.create(user=user, display_name="Bà Hoàng Thu Hà")
    return user


def inquiry_with_request(language, status=Inquiry.Status.CONTACTED):
    zone = ZoneFactory(name="Khu công nghiệp Hồng Phong", name_en="Hong Phong Industrial Park")
    inquiry = InquiryFactory(language=language, status=status)
    inquiry.zones.add(zone)
    SiteVisit.objects.create(
        inquiry=inquiry,
        zone=zone,
        preferred_from=datetime.date(2027, 3, 10),
        preferred_to=datetime.date(2027, 3, 20),
    )
    return inquiry


def change_status(admin_client, inquiry, status):
    data = {
        "status": status,
        "assignee": str(inquiry.assignee_id or ""),
        **{
            f"{inline}-{count}_FORMS": "0"
            for inline in ("notes", "messages")
            for count in ("TOTAL", "INITIAL")
        },
    }
    response = admin_client.post(reverse("admin:investors_inquiry_change", args=[inquiry.pk]), data)
    assert response.status_code == 302


def confirm(admin_client, visit, officer):
    data = {
        "status": "confirmed",
        "starts_at_0": "2027-03-15",
        "starts_at_1": "09:30",
        "duration_minutes": "180",
        "officer": str(officer.pk),
    }
    url = reverse("admin:investors_sitevisit_change", args=[visit.pk])
    assert admin_client.post(url, data).status_code == 302


@pytest.mark.parametrize("language", ["vi", "en"])
def test_while_a_request_waits_the_stage_mail_says_the_officer_will_confirm_the_date(
    admin_client, language
):
    inquiry = inquiry_with_request(language)
    change_status(admin_client, inquiry, "site_visit")
    mail = inquiry.messages.get(kind="inquiry_stage_visit_scheduled")
    assert TEXT[language]["will_confirm"] in mail.body
    assert TEXT[language]["sent"] not in mail.body


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_invitation_gives_date_time_place_and_officer_and_never_promises_a_date(
    admin_client, officer, language
):
    inquiry = inquiry_with_request(language)
    confirm(admin_client, inquiry.site_visits.get(), officer)
    invitation = inquiry.messages.get(kind="site_visit_invitation")
    text = TEXT[language]
    assert text["confirmed"] in invitation.body
    assert text["attached"] in invitation.body
    assert text["will_confirm"] not in invitation.body


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_stage_mail_after_the_visit_was_confirmed_gives_its_date_not_a_promise(
    admin_client, officer, language
):
    inquiry = inquiry_with_request(language, status=Inquiry.Status.NEGOTIATING)
    confirm(admin_client, inquiry.site_visits.get(), officer)  # the status stays
    inquiry.refresh_from_db()
    change_status(admin_client, inquiry, "site_visit")
    mail = inquiry.messages.get(kind="inquiry_stage_visit_scheduled")
    text = TEXT[language]
    assert f"{text['next']}: {text['confirmed']} {text['sent']}" in mail.body
    assert text["will_confirm"] not in mail.body


@pytest.mark.parametrize(("prefix", "language"), [("", "vi"), ("/en", "en")])
def test_the_timeline_shows_the_confirmed_visit_and_the_next_step_no_longer_promises_a_date(
    client, admin_client, officer, prefix, language
):
    inquiry = inquiry_with_request(language, status=Inquiry.Status.NEGOTIATING)
    page = client.get(f"{prefix}/inquire/status/?t={status_token(inquiry)}")
    assertNotContains(page, escape(TEXT[language]["will_confirm"]))  # nothing scheduled yet

    confirm(admin_client, inquiry.site_visits.get(), officer)
    page = client.get(f"{prefix}/inquire/status/?t={status_token(inquiry)}")
    text = TEXT[language]
    assertContains(page, f'<p class="mb-0 small timeline-visit">{text["confirmed"]}</p>', html=True)
    assertContains(page, text["sent"])
    assertNotContains(page, escape(text["will_confirm"]))


def test_a_cancelled_visit_is_no_longer_announced(client, admin_client, officer):
    inquiry = inquiry_with_request("en")
    visit = inquiry.site_visits.get()
    confirm(admin_client, visit, officer)
    client.post(reverse("investors:visit_cancel", args=[visit.pk]), {"t": status_token(inquiry)})
    page = client.get(f"/en/inquire/status/?t={status_token(inquiry)}")
    assertNotContains(page, TEXT["en"]["confirmed"])
    assertNotContains(page, escape(TEXT["en"]["will_confirm"]))  # the ' is &#x27;


def test_the_status_page_gives_the_confirmed_visit_time_as_the_site_writes_dates(
    client, admin_client, officer
):
    inquiry = inquiry_with_request("vi")
    confirm(admin_client, inquiry.site_visits.get(), officer)

    page = client.get(f"/inquire/status/?t={status_token(inquiry)}")

    assertContains(page, ">09:30 15/03/2027</time>")
    assertNotContains(page, "Ngày 15 tháng 3")
