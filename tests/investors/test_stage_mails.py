"""The investor is told of every public step of their inquiry: one mail each, in their
language, with the officer's name and what happens next; and the status page's timeline."""

import re
import time

import pytest
from django.core import signing
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from investors.models import Inquiry, InquiryNote, OfficerProfile
from investors.services import inquiry_status_link
from tests.factories import InquiryFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer():
    user = UserFactory(username="ha_login")
    OfficerProfile.objects.create(
        user=user,
        display_name="Bà Hoàng Thu Hà",
        title="Chuyên viên",
        office_email="ha.ht@langson.example",
    )
    return user


def change(admin_client, inquiry, **values):
    data = {
        "status": inquiry.status,
        "assignee": str(inquiry.assignee_id or ""),
        "notes-TOTAL_FORMS": "0",
        "notes-INITIAL_FORMS": "0",
        "messages-TOTAL_FORMS": "0",
        "messages-INITIAL_FORMS": "0",
        **values,
    }
    url = reverse("admin:investors_inquiry_change", args=[inquiry.pk])
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    inquiry.refresh_from_db()


def stage_mails(inquiry):
    return list(inquiry.messages.filter(kind__startswith="inquiry_stage_").order_by("pk"))


def test_a_submitted_inquiry_starts_its_timeline_and_its_mail_links_the_filled_status_page(
    client, valid_inquiry_data, settings
):
    client.post("/en/inquire/", valid_inquiry_data)
    inquiry = Inquiry.objects.get()
    assert [e.stage for e in inquiry.events.all()] == ["received"]
    acknowledgement = inquiry.messages.get(kind="inquiry_acknowledgement")
    link = re.search(r"\S+/en/inquire/status/\?t=\S+", acknowledgement.body).group()
    response = client.get(link.removeprefix(settings.SITE_URL))
    assertContains(response, inquiry.reference)
    assertContains(response, 'data-stage="received"')


def test_assigning_and_each_stage_send_one_mail_in_the_investor_s_language(admin_client, officer):
    inquiry = InquiryFactory(language="en")
    change(admin_client, inquiry, assignee=str(officer.pk))
    change(admin_client, inquiry, status="contacted")
    change(admin_client, inquiry, status="site_visit")
    change(admin_client, inquiry, status="negotiating")
    change(admin_client, inquiry, status="won")
    mails = stage_mails(inquiry)
    assert [m.kind for m in mails] == [
        "inquiry_stage_assigned",
        "inquiry_stage_contacted",
        "inquiry_stage_visit_scheduled",
        "inquiry_stage_proposal_sent",
        "inquiry_stage_closed",
    ]
    assert all(m.to == [inquiry.email] for m in mails)
    assert mails[0].subject == f"File {inquiry.reference}: Officer assigned"
    assert "Your officer: Bà Hoàng Thu Hà, Chuyên viên" in mails[0].body
    assert "ha.ht@langson.example" in mails[0].body
    assert "Next step: Your officer will contact you." in mails[0].body
    assert "/en/inquire/status/?t=" in mails[0].body
    assert "Next step" not in mails[-1].body  # closed: nothing more promised
    assert "ha_login" not in "".join(m.body + m.subject for m in mails)
    # Saving again without a change tells the investor nothing new.
    change(admin_client, inquiry)
    assert len(stage_mails(inquiry)) == 5


def test_a_chinese_investor_is_written_to_in_chinese(admin_client, officer):
    inquiry = InquiryFactory(language="zh-hans")
    change(admin_client, inquiry, assignee=str(officer.pk), status="contacted")
    mails = stage_mails(inquiry)
    assert len(mails) == 2
    assert "/zh-hans/inquire/status/?t=" in mails[1].body
    assert "下一步" in mails[1].body


def test_spam_tells_the_investor_nothing(admin_client):
    inquiry = InquiryFactory()
    change(admin_client, inquiry, status="spam")
    assert stage_mails(inquiry) == []
    assert not inquiry.events.exists()


def test_the_assign_to_me_action_tells_the_investor(admin_client, superuser):
    inquiry = InquiryFactory()
    url = reverse("admin:investors_inquiry_changelist")
    admin_client.post(url, {"action": "assign_to_me", "_selected_action": [inquiry.pk]})
    assert [m.kind for m in stage_mails(inquiry)] == ["inquiry_stage_assigned"]
    # without a public profile, the team writes
    assert "Investment promotion team" not in stage_mails(inquiry)[0].body  # zh-hans
    assert "投资促进团队" in stage_mails(inquiry)[0].body
    assert "chief" not in stage_mails(inquiry)[0].body


def test_the_timeline_shows_public_steps_with_the_officer_and_never_internal_notes(
    client, admin_client, officer, superuser
):
    inquiry = InquiryFactory(language="vi")
    change(admin_client, inquiry, assignee=str(officer.pk), status="site_visit")
    InquiryNote.objects.create(inquiry=inquiry, author=superuser, text="Giá đất hơi cao, cân nhắc")
    response = client.post(
        "/inquire/status/", {"reference": inquiry.reference, "email": inquiry.email}
    )
    assertContains(response, 'data-stage="assigned"')
    assertContains(response, 'data-stage="visit_scheduled"')
    assertContains(response, '<span class="timeline-officer">Bà Hoàng Thu Hà</span>', count=2)
    assertContains(response, 'id="next-step"')
    assertNotContains(response, "Giá đất hơi cao")
    assertNotContains(response, "ha_login")


def test_the_mail_link_opens_the_status_page_filled_in_but_not_once_expired_or_forged(
    client, settings, monkeypatch
):
    inquiry = InquiryFactory()
    link = inquiry_status_link(inquiry).removeprefix(settings.SITE_URL)
    response = client.get(link)
    assertContains(response, 'id="public-status"')
    assertContains(response, f'value="{inquiry.reference}"')

    forged = link[:-3] + "abc"
    response = client.get(forged)
    assertContains(response, 'id="link-expired"')
    assertNotContains(response, 'id="public-status"')

    ninety_one_days_ago = time.time() - 91 * 24 * 3600
    monkeypatch.setattr(signing.time, "time", lambda: ninety_one_days_ago)
    aged = inquiry_status_link(inquiry).removeprefix(settings.SITE_URL)
    monkeypatch.undo()
    response = client.get(aged)
    assertContains(response, 'id="link-expired"')
