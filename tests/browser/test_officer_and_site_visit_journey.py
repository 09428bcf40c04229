"""The issue's journey in a real browser, in Vietnamese and in English: an investor finds
Hồng Phong's officer on its page, sends an inquiry and is acknowledged; asks for a site visit
from the mail's link; an officer assigns the inquiry and confirms the visit; the investor gets
the stage mail and the calendar invitation, opens the status page from the mail and reads the
timeline with the officer's display name. A second path books the visit straight from Hồng
Phong's page, without an inquiry first."""

import datetime
import re
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core import mail
from selenium.webdriver.common.by import By
from selenium.webdriver.support.select import Select

from investors.models import Inquiry, OfficerProfile, SiteVisit
from investors.outbox import outbox_send
from tests.browser.pages import click_and_load, log_in_to_admin
from zones.models import Zone

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TEXT = {
    "": {
        "language": "vi",
        "summary": "Khảo sát thực địa: Khu công nghiệp Hồng Phong",
        "confirmed": "Khảo sát thực địa vào 15/03/2027 lúc 09:30 (giờ Việt Nam) tại Khu công "
        "nghiệp Hồng Phong, cán bộ dẫn đoàn: Bà Hoàng Thu Hà.",
    },
    "/en": {
        "language": "en",
        "summary": "Site visit: Hong Phong Industrial Park",
        "confirmed": "Site visit on March 15, 2027 at 9:30 a.m. (Vietnam time) at Hong Phong "
        "Industrial Park, led by Bà Hoàng Thu Hà.",
    },
}


def link_in(body, live_server):
    link = re.search(r"\S+/inquire/status/\?t=\S+", body).group()
    return link.replace(settings.SITE_URL, live_server.url)


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_an_investor_reaches_a_named_officer_books_a_visit_and_is_told_at_every_step(
    browser, live_server, langson, prefix
):
    officer = User.objects.create_user("hoangha_login", password="x", is_staff=True)
    profile = OfficerProfile.objects.create(
        user=officer,
        display_name="Bà Hoàng Thu Hà",
        office_email="ha.ht@langson.example",
        office_phone="+84 205 000 0001",
    )
    profile.zones.add(Zone.objects.get(slug="hong-phong"))
    User.objects.create_superuser("chief", "chief@example.org", "Str0ng-pass-2026")

    # The zone page names its officer.
    browser.get(f"{live_server.url}{prefix}/zones/hong-phong/")
    contact = browser.find_element(By.ID, "zone-contact").text
    assert "Bà Hoàng Thu Hà" in contact and "ha.ht@langson.example" in contact
    assert "hoangha_login" not in browser.page_source

    # The inquiry, from the zone page.
    click_and_load(browser, browser.find_element(By.ID, "inquire-zone"))
    browser.find_element(By.NAME, "company_name").send_keys("Guangxi Border Materials Co.")
    browser.find_element(By.NAME, "contact_name").send_keys("Wang Li")
    browser.find_element(By.NAME, "email").send_keys("wang.li@example.cn")
    Select(browser.find_element(By.NAME, "country")).select_by_value("CN")
    Select(browser.find_element(By.NAME, "sector")).select_by_index(1)
    browser.find_element(By.NAME, "area_needed_ha").send_keys("10")
    Select(browser.find_element(By.NAME, "start_quarter")).select_by_index(5)
    browser.find_element(By.NAME, "consent").click()
    click_and_load(
        browser, browser.find_element(By.CSS_SELECTOR, "form.inquiry-form button[type=submit]")
    )
    reference = browser.find_element(By.ID, "inquiry-reference").text
    inquiry = Inquiry.objects.get(reference=reference)
    assert inquiry.language == TEXT[prefix]["language"]
    outbox_send()
    acknowledgement = next(m for m in mail.outbox if m.to == ["wang.li@example.cn"])
    assert reference in acknowledgement.subject

    # From the acknowledgement's link: the status page, then a site visit request.
    browser.get(link_in(acknowledgement.body, live_server))
    assert browser.find_element(By.ID, "timeline").text
    click_and_load(browser, browser.find_element(By.ID, "request-visit"))
    first_day = datetime.date.today() + datetime.timedelta(days=40)
    for name, day in (("preferred_from", first_day), ("preferred_to", first_day)):
        field = browser.find_element(By.NAME, name)
        browser.execute_script("arguments[0].value = arguments[1]", field, day.isoformat())
    people = browser.find_element(By.NAME, "people")
    people.clear()
    people.send_keys("4")
    browser.find_element(By.NAME, "interpreter_needed").click()
    click_and_load(browser, browser.find_element(By.CSS_SELECTOR, "#visit-form button"))
    visit = SiteVisit.objects.get(inquiry=inquiry)
    assert (visit.people, visit.interpreter_needed) == (4, True)

    # The officer: assign the inquiry, then confirm the visit's date.
    log_in_to_admin(browser, live_server, "chief", "Str0ng-pass-2026")
    browser.get(f"{live_server.url}/admin/investors/inquiry/{inquiry.pk}/change/")
    Select(browser.find_element(By.NAME, "assignee")).select_by_value(str(officer.pk))
    click_and_load(browser, browser.find_element(By.NAME, "_save"))
    browser.get(f"{live_server.url}/admin/investors/sitevisit/{visit.pk}/change/")
    Select(browser.find_element(By.NAME, "status")).select_by_value("confirmed")
    day = browser.find_element(By.NAME, "starts_at_0")
    day.clear()
    day.send_keys("2027-03-15")
    time = browser.find_element(By.NAME, "starts_at_1")
    time.clear()
    time.send_keys("09:30")
    Select(browser.find_element(By.NAME, "officer")).select_by_value(str(officer.pk))
    click_and_load(browser, browser.find_element(By.NAME, "_save"))
    visit.refresh_from_db()
    assert visit.status == SiteVisit.Status.CONFIRMED

    # The investor's mail: the stage mail and the invitation, in their language.
    mail.outbox.clear()
    outbox_send()
    to_investor = [m for m in mail.outbox if m.to == ["wang.li@example.cn"]]
    assert len(to_investor) == 2
    stage_mail, invitation = to_investor
    assert "Bà Hoàng Thu Hà" in stage_mail.body
    ics = icalendar.Calendar.from_ical(invitation.attachments[0][1])
    event = next(iter(ics.walk("VEVENT")))
    start = event.decoded("dtstart")
    assert start == datetime.datetime(2027, 3, 15, 9, 30, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    assert str(start.tzinfo) == "Asia/Ho_Chi_Minh"
    assert str(event["summary"]) == TEXT[prefix]["summary"]

    # The status page from the mail's link: the timeline with the officer's display name.
    browser.delete_all_cookies()
    browser.get(link_in(invitation.body, live_server))
    timeline = browser.find_element(By.ID, "timeline")
    stages = [li.get_attribute("data-stage") for li in timeline.find_elements(By.TAG_NAME, "li")]
    assert stages == ["received", "assigned", "visit_scheduled"]
    assert "Bà Hoàng Thu Hà" in timeline.text
    assert "hoangha_login" not in browser.page_source
    assert browser.find_element(By.CSS_SELECTOR, ".site-visit[data-status=confirmed]")


def confirm_in_admin(browser, live_server, visit, officer):
    browser.get(f"{live_server.url}/admin/investors/sitevisit/{visit.pk}/change/")
    Select(browser.find_element(By.NAME, "status")).select_by_value("confirmed")
    for name, value in (("starts_at_0", "2027-03-15"), ("starts_at_1", "09:30")):
        field = browser.find_element(By.NAME, name)
        field.clear()
        field.send_keys(value)
    Select(browser.find_element(By.NAME, "officer")).select_by_value(str(officer.pk))
    click_and_load(browser, browser.find_element(By.NAME, "_save"))


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_a_new_investor_books_a_site_visit_from_the_zone_page_in_one_step(
    browser, live_server, langson, prefix
):
    officer = User.objects.create_user("hoangha_login", password="x", is_staff=True)
    profile = OfficerProfile.objects.create(user=officer, display_name="Bà Hoàng Thu Hà")
    profile.zones.add(Zone.objects.get(slug="hong-phong"))
    User.objects.create_superuser("chief", "chief@example.org", "Str0ng-pass-2026")

    # From the zone page's contact block to the booking form, the zone already chosen.
    browser.get(f"{live_server.url}{prefix}/zones/hong-phong/")
    click_and_load(browser, browser.find_element(By.ID, "book-visit"))
    zone = Select(browser.find_element(By.NAME, "zone")).first_selected_option
    assert zone.get_attribute("value") == str(Zone.objects.get(slug="hong-phong").pk)
    browser.find_element(By.NAME, "company_name").send_keys("Guangxi Border Materials Co.")
    browser.find_element(By.NAME, "contact_name").send_keys("Wang Li")
    browser.find_element(By.NAME, "email").send_keys("wang.li@example.cn")
    Select(browser.find_element(By.NAME, "country")).select_by_value("CN")
    Select(browser.find_element(By.NAME, "sector")).select_by_index(1)
    first_day = datetime.date.today() + datetime.timedelta(days=40)
    for name in ("preferred_from", "preferred_to"):
        field = browser.find_element(By.NAME, name)
        browser.execute_script("arguments[0].value = arguments[1]", field, first_day.isoformat())
    people = browser.find_element(By.NAME, "people")
    people.clear()
    people.send_keys("4")
    browser.find_element(By.NAME, "languages").send_keys("中文")
    browser.find_element(By.NAME, "interpreter_needed").click()
    submit = "#book-visit-form button[type=submit]"

    # Without consent: the mistake is named, what was typed stays, nothing is stored.
    click_and_load(browser, browser.find_element(By.CSS_SELECTOR, submit))
    assert browser.find_element(By.ID, "form-errors")
    consent = browser.find_element(By.NAME, "consent")
    assert consent.get_attribute("aria-invalid") == "true"
    assert browser.find_element(By.NAME, "people").get_attribute("value") == "4"
    assert not Inquiry.objects.exists()
    consent.click()
    click_and_load(browser, browser.find_element(By.CSS_SELECTOR, submit))

    # The thanks page: the reference, the visit recorded, the status page a click away.
    reference = browser.find_element(By.ID, "inquiry-reference").text
    assert browser.find_element(By.ID, "visit-requested")
    inquiry = Inquiry.objects.get(reference=reference)
    assert inquiry.language == TEXT[prefix]["language"]
    visit = SiteVisit.objects.get(inquiry=inquiry)
    assert (visit.zone.slug, visit.people, visit.interpreter_needed) == ("hong-phong", 4, True)
    outbox_send()
    acknowledgement = next(m for m in mail.outbox if m.to == ["wang.li@example.cn"])
    assert reference in acknowledgement.subject
    click_and_load(browser, browser.find_element(By.ID, "status-link"))
    assert browser.find_element(By.CSS_SELECTOR, ".site-visit[data-status=requested]")

    # The officer confirms; the investor's invitation and timeline give the date and officer.
    log_in_to_admin(browser, live_server, "chief", "Str0ng-pass-2026")
    confirm_in_admin(browser, live_server, visit, officer)
    mail.outbox.clear()
    outbox_send()
    (invitation,) = [m for m in mail.outbox if m.to == ["wang.li@example.cn"]]
    assert TEXT[prefix]["confirmed"] in invitation.body
    ics = icalendar.Calendar.from_ical(invitation.attachments[0][1])
    assert str(next(iter(ics.walk("VEVENT")))["summary"]) == TEXT[prefix]["summary"]
    browser.delete_all_cookies()
    browser.get(link_in(invitation.body, live_server))
    timeline = browser.find_element(By.ID, "timeline")
    assert TEXT[prefix]["confirmed"] in timeline.text
    assert TEXT[prefix]["confirmed"] in browser.find_element(By.ID, "next-step").text
    assert "hoangha_login" not in browser.page_source
