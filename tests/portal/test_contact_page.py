"""Investors find whom to reach: the contact page, each zone's contact block and the footer."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from investors.models import OfficerProfile
from tests.factories import UserFactory
from zones.models import ContactPoint, Zone

pytestmark = pytest.mark.django_db


@pytest.fixture
def hong_phong_officer(langson):
    user = UserFactory(username="hp_officer_login", is_staff=True)
    profile = OfficerProfile.objects.create(
        user=user,
        display_name="Bà Hoàng Thu Hà",
        title="Chuyên viên xúc tiến đầu tư",
        office_email="ha.ht@langson.example",
        office_phone="+84 205 000 0001",
        languages=["vi", "zh"],
    )
    profile.zones.add(Zone.objects.get(slug="hong-phong"))
    return profile


@pytest.mark.parametrize(
    ("prefix", "heading", "sample"),
    [("", "Liên hệ", "dữ liệu mẫu"), ("/en", "Contact", "sample data")],
)
def test_the_contact_page_lists_the_province_s_bodies_with_sample_details_marked(
    client, langson, prefix, heading, sample
):
    response = client.get(f"{prefix}/contact/")
    assertContains(response, f'<h1 class="h2">{heading}</h1>', html=False)
    promotion = ContactPoint.objects.get(kind=ContactPoint.Kind.PROMOTION)
    assertContains(response, promotion.email)
    assertContains(response, "+84 205 000 0000")
    assertContains(response, sample)
    assertContains(response, 'id="contact-zone_board"')


def test_the_contact_page_names_each_zone_s_officer_and_managing_body(client, hong_phong_officer):
    response = client.get("/contact/")
    assertContains(response, "Bà Hoàng Thu Hà")
    assertContains(response, "ha.ht@langson.example")
    assertContains(response, "Ủy ban nhân dân huyện Cao Lộc")
    assertNotContains(response, "hp_officer_login")


def test_a_zone_page_shows_its_own_officer_and_managing_body(client, hong_phong_officer):
    response = client.get("/zones/hong-phong/")
    assertContains(response, 'id="zone-contact"')
    assertContains(response, "Bà Hoàng Thu Hà")
    assertContains(response, "+84 205 000 0001")
    assertContains(response, "Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng – Lạng Sơn")
    other = client.get("/zones/dong-banh/")
    assertNotContains(other, "Bà Hoàng Thu Hà")
    assertContains(other, "Nhóm xúc tiến đầu tư")


def test_an_officer_without_a_display_name_is_not_presented_on_the_zone_page(
    client, hong_phong_officer
):
    hong_phong_officer.display_name = ""
    hong_phong_officer.save()
    response = client.get("/en/zones/hong-phong/")
    assertContains(response, "Investment promotion team")
    assertNotContains(response, "ha.ht@langson.example")


def test_a_contact_point_changed_in_the_admin_shows_at_once_and_keeps_history(
    admin_client, client, langson
):
    promotion = ContactPoint.objects.get(kind=ContactPoint.Kind.PROMOTION)
    client.get("/contact/")  # cached
    promotion.phone = "+84 205 111 2222"
    promotion.is_sample = False
    promotion.save()
    response = client.get("/contact/")
    assertContains(response, "+84 205 111 2222")
    assert promotion.history.count() == 2
    history = admin_client.get(f"/admin/zones/contactpoint/{promotion.pk}/history/")
    assert history.status_code == 200


def test_a_zone_body_without_its_zone_is_refused(langson):
    from django.core.exceptions import ValidationError
    from django.db import IntegrityError, transaction

    point = ContactPoint(kind=ContactPoint.Kind.DEVELOPER, name="X")
    with pytest.raises(ValidationError):
        point.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        point.save()


@pytest.mark.parametrize("path", ["/", "/en/zones/", "/zh-hans/plots/"])
def test_header_and_footer_link_the_plot_search_status_and_contact_and_give_the_phone(
    client, langson, path
):
    page = client.get(path).content.decode()
    header, footer = page.split("</header>")[0], page.split("<footer")[1]
    prefix = "/" + path.split("/")[1] if path.count("/") > 2 else ""
    for link in ("/plots/", "/inquire/status/", "/contact/"):
        assert f'href="{prefix}{link}"' in header
        assert f'href="{prefix}{link}"' in footer
    assert 'id="footer-contact"' in footer
    assert "+84 205 000 0000" in footer


def test_a_zone_s_manager_edits_only_their_zones_contact_points(client, langson, zone_editor):
    from django.urls import reverse

    hong_phong = Zone.objects.get(slug="hong-phong")
    hong_phong.managers.add(zone_editor)
    client.force_login(zone_editor)
    own = ContactPoint.objects.get(zone=hong_phong)
    other = ContactPoint.objects.get(zone__slug="dong-banh")
    change = "admin:zones_contactpoint_change"
    assert client.get(reverse(change, args=[own.pk])).status_code == 200
    assert client.get(reverse(change, args=[other.pk])).status_code == 403
