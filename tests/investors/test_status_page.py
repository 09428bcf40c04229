"""An investor follows their inquiry with its reference and e-mail, and nobody else can."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from investors.models import Inquiry, OfficerProfile
from tests.factories import InquiryFactory, UserFactory

pytestmark = pytest.mark.django_db
URL = "/inquire/status/"


@pytest.fixture
def inquiry():
    officer = UserFactory(
        username="lan", first_name="Lan", last_name="Nguyễn", email="lan.private@gmail.example"
    )
    OfficerProfile.objects.create(
        user=officer, title="Chuyên viên xúc tiến đầu tư", office_email="xtdt@langson.example"
    )
    return InquiryFactory(
        reference="EOI-2026-00042",
        email="wang.li@example.cn",
        assignee=officer,
        status=Inquiry.Status.SITE_VISIT,
    )


def test_the_right_pair_shows_status_and_officer_but_no_private_address(client, inquiry):
    response = client.post(URL, {"reference": "eoi-2026-00042 ", "email": "Wang.Li@example.cn"})
    assertContains(response, 'id="public-status">Khảo sát thực địa<')
    assertContains(response, "Chuyên viên xúc tiến đầu tư")
    assertContains(response, "xtdt@langson.example")
    assertNotContains(response, "lan.private@gmail.example")


@pytest.mark.parametrize("language", ["vi", "en"])
def test_an_officer_without_a_display_name_is_shown_as_the_team_never_by_username(client, language):
    officer = UserFactory(username="nguyenvanlan87", first_name="", last_name="")
    inquiry = InquiryFactory(assignee=officer, status=Inquiry.Status.CONTACTED)
    prefix = "/en" if language == "en" else ""
    data = {"reference": inquiry.reference, "email": inquiry.email}
    response = client.post(f"{prefix}{URL}", data)
    team = {"vi": "Nhóm xúc tiến đầu tư", "en": "Investment promotion team"}[language]
    assertContains(response, f'id="officer">{team}<')
    assertNotContains(response, "nguyenvanlan87")

    OfficerProfile.objects.create(user=officer, title="Chuyên viên")
    response = client.post(f"{prefix}{URL}", data)
    assertContains(response, f'id="officer">{team}, Chuyên viên<')
    assertNotContains(response, "nguyenvanlan87")


def test_an_officer_is_shown_by_the_display_name_of_their_profile(client, inquiry):
    profile = inquiry.assignee.officer_profile
    profile.display_name = "Bà Nguyễn Lan"
    profile.save()
    response = client.post(URL, {"reference": inquiry.reference, "email": inquiry.email})
    assertContains(response, 'id="officer">Bà Nguyễn Lan, Chuyên viên xúc tiến đầu tư<')
    assertNotContains(response, ">lan<")


@pytest.mark.parametrize(
    ("reference", "email"),
    [("EOI-2026-00042", "someone.else@example.cn"), ("EOI-2026-99999", "wang.li@example.cn")],
)
def test_a_wrong_pair_gets_the_same_answer_as_an_unknown_reference(
    client, inquiry, reference, email
):
    response = client.post(URL, {"reference": reference, "email": email})
    assertContains(response, 'id="status-not-found"')
    assertNotContains(response, "EOI-2026-00042<")
    assertNotContains(response, "Khảo sát thực địa")


def test_internal_verdicts_are_told_as_closed(client, inquiry):
    Inquiry.objects.filter(pk=inquiry.pk).update(status=Inquiry.Status.SPAM)
    response = client.post(URL, {"reference": inquiry.reference, "email": inquiry.email})
    assertContains(response, 'id="public-status">Đã kết thúc<')


def test_the_status_page_is_rate_limited(client, inquiry, settings):
    settings.INQUIRY_STATUS_RATE_LIMIT = "3/h"
    for _ in range(3):
        assert (
            client.post(URL, {"reference": "EOI-2026-00001", "email": "a@b.cn"}).status_code == 200
        )
    response = client.post(URL, {"reference": inquiry.reference, "email": inquiry.email})
    assert response.status_code == 429
    assert response["Retry-After"]
