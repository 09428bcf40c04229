"""An officer's title and spoken languages reach the investor in the investor's language: the
title has a column per language, the languages are codes from a fixed list shown by name."""

import importlib

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from investors.models import OfficerProfile
from tests.factories import InquiryFactory, UserFactory
from zones.models import Zone

pytestmark = pytest.mark.django_db

conversion = importlib.import_module("investors.migrations.0008_officer_title_translated_languages")


INLINES, COUNTS = ("notes", "messages"), ("TOTAL", "INITIAL")


@pytest.fixture
def profile(langson):
    user = UserFactory(username="hp_login", is_staff=True)
    profile = OfficerProfile.objects.create(
        user=user,
        display_name="Bà Hoàng Thu Hà",
        title_vi="Chuyên viên xúc tiến đầu tư",
        title_en="Investment promotion officer",
        title_zh_hans="投资促进专员",
        languages=["zh", "vi"],
    )
    profile.zones.add(Zone.objects.get(slug="hong-phong"))
    return profile


@pytest.mark.parametrize(
    ("prefix", "title", "languages", "wrong"),
    [
        ("", "Chuyên viên xúc tiến đầu tư", "Tiếng Việt, Tiếng Trung", "Chinese"),
        ("/en", "Investment promotion officer", "Vietnamese, Chinese", "Tiếng Trung"),
        ("/zh-hans", "投资促进专员", "越南语、中文", "Tiếng Trung"),
    ],
)
def test_the_zone_page_and_the_contact_page_present_the_officer_in_the_visitor_s_language(
    client, profile, prefix, title, languages, wrong
):
    for path in ("/zones/hong-phong/", "/contact/"):
        response = client.get(prefix + path)
        assertContains(response, title)
        assertContains(response, languages)
        assertNotContains(response, wrong)


def test_an_untranslated_title_falls_back_to_vietnamese(client, profile):
    OfficerProfile.objects.filter(pk=profile.pk).update(title_en="")
    assertContains(client.get("/en/zones/hong-phong/"), "Chuyên viên xúc tiến đầu tư")


def test_the_stage_mail_gives_the_title_in_the_investor_s_language(admin_client, profile):
    inquiry = InquiryFactory(language="en")
    url = reverse("admin:investors_inquiry_change", args=[inquiry.pk])
    data = {
        "status": "new",
        "assignee": str(profile.user_id),
        **{f"{inline}-{count}_FORMS": "0" for inline in INLINES for count in COUNTS},
    }
    assert admin_client.post(url, data).status_code == 302
    mail = inquiry.messages.get(kind="inquiry_stage_assigned")
    assert "Bà Hoàng Thu Hà, Investment promotion officer" in mail.body


def test_languages_outside_the_fixed_list_are_refused():
    profile = OfficerProfile(user=UserFactory(), languages=["vi", "klingon"])
    with pytest.raises(Exception, match="klingon"):
        profile.full_clean()


def test_staff_tick_languages_and_write_the_title_per_language_in_the_admin(admin_client, profile):
    url = reverse("admin:auth_user_change", args=[profile.user_id])
    page = admin_client.get(url)
    assertContains(page, 'type="checkbox" name="officer_profile-0-languages" value="ko"')
    assertContains(page, 'name="officer_profile-0-title_en"')
    assertContains(page, 'name="officer_profile-0-title_zh_hans"')
    data = {
        "username": profile.user.username,
        "is_active": "on",
        "is_staff": "on",
        "date_joined_0": "2026-01-05",
        "date_joined_1": "08:00:00",
        "officer_profile-TOTAL_FORMS": "1",
        "officer_profile-INITIAL_FORMS": "1",
        "officer_profile-0-id": str(profile.pk),
        "officer_profile-0-user": str(profile.user_id),
        "officer_profile-0-display_name": "Bà Hoàng Thu Hà",
        "officer_profile-0-title_vi": "Chuyên viên",
        "officer_profile-0-title_en": "Officer",
        "officer_profile-0-languages": ["vi", "en", "zh"],
        "officer_profile-0-zones": [str(z.pk) for z in profile.zones.all()],
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    profile.refresh_from_db()
    assert profile.languages == ["vi", "en", "zh"]
    assert (profile.title_vi, profile.title_en) == ("Chuyên viên", "Officer")


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Tiếng Việt, tiếng Trung", ["vi", "zh"]),
        ("Vietnamese, English and Chinese", ["vi", "en", "zh"]),
        ("越南语、英语、汉语", ["vi", "en", "zh"]),
        ("tiếng Hoa; tiếng Anh", ["en", "zh"]),
        ("Korean / 日本語", ["ko", "ja"]),
        ("Mandarin", ["zh"]),
        ("Tiếng Tày", []),
        ("", []),
    ],
)
def test_the_migration_recognises_the_languages_staff_wrote_as_text(text, codes):
    assert conversion.codes_from_text(text) == codes
