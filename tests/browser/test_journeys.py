"""The journeys people take, in a real browser: an investor from the home page to a reference
and its status, in Vietnamese and in English; an officer from the inquiry list to a public
figure."""

import re

import pytest
from django.contrib.auth.models import Group, User
from selenium.webdriver.common.by import By
from selenium.webdriver.support.select import Select

from investors.models import Inquiry, InquiryNote
from tests.browser.pages import click_and_load, log_in_to_admin

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TEXT = {
    "": {"zones": "Các khu công nghiệp", "filter": "Lọc", "status": "Đã tiếp nhận"},
    "/en": {"zones": "Industrial zones", "filter": "Filter", "status": "Received"},
}


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_an_investor_finds_a_plot_and_expresses_interest(browser, live_server, langson, prefix):
    text = TEXT[prefix]
    browser.get(f"{live_server.url}{prefix}/")
    click_and_load(browser, browser.find_element(By.LINK_TEXT, text["zones"]))

    # Filter the zones: industrial parks in Cao Lộc.
    Select(browser.find_element(By.NAME, "kind")).select_by_value("kcn")
    Select(browser.find_element(By.NAME, "district")).select_by_value("cao-loc")
    click_and_load(
        browser, browser.find_element(By.XPATH, "//form[contains(@class,'filter-form')]//button")
    )
    assert "kind=kcn" in browser.current_url and "district=cao-loc" in browser.current_url
    rows = browser.find_elements(By.CSS_SELECTOR, "table.zone-table tbody tr")
    assert [r.get_attribute("id") for r in rows] == ["zone-hong-phong"]

    # The zone page, then a free plot in the table.
    click_and_load(browser, rows[0].find_element(By.CSS_SELECTOR, "th a"))
    plot_row = browser.find_element(By.ID, "plot-HP-10")
    click_and_load(browser, plot_row.find_element(By.CSS_SELECTOR, "a.btn"))
    assert "<strong>HP-10</strong>" in browser.find_element(By.ID, "chosen-plot").get_attribute(
        "innerHTML"
    )

    # A bad e-mail first: the error is shown and what was typed is kept.
    browser.find_element(By.NAME, "company_name").send_keys("Guangxi Border Materials Co.")
    browser.find_element(By.NAME, "contact_name").send_keys("Wang Li")
    browser.find_element(By.NAME, "email").send_keys("wang.li@")
    Select(browser.find_element(By.NAME, "country")).select_by_value("CN")
    Select(browser.find_element(By.NAME, "sector")).select_by_index(1)
    browser.find_element(By.NAME, "consent").click()
    click_and_load(
        browser, browser.find_element(By.CSS_SELECTOR, "form.inquiry-form button[type=submit]")
    )
    email = browser.find_element(By.NAME, "email")
    assert email.get_attribute("aria-invalid") == "true"
    assert browser.find_element(By.NAME, "company_name").get_attribute("value") == (
        "Guangxi Border Materials Co."
    )

    # Fixed: the thank-you page gives the reference.
    email.clear()
    email.send_keys("wang.li@example.cn")
    if not browser.find_element(By.NAME, "consent").is_selected():
        browser.find_element(By.NAME, "consent").click()
    click_and_load(
        browser, browser.find_element(By.CSS_SELECTOR, "form.inquiry-form button[type=submit]")
    )
    reference = browser.find_element(By.ID, "inquiry-reference").text
    assert re.fullmatch(r"EOI-\d{4}-\d{5}", reference)
    inquiry = Inquiry.objects.get(reference=reference)
    assert inquiry.plot.code == "HP-10" and inquiry.language == (prefix.strip("/") or "vi")

    # The thanks page opens the status page already filled in (a signed link) ...
    click_and_load(browser, browser.find_element(By.ID, "status-link"))
    assert browser.find_element(By.ID, "public-status").text == text["status"]

    # ... and the reference with the e-mail find it from anywhere.
    browser.delete_all_cookies()
    browser.get(f"{live_server.url}{prefix}/inquire/status/")
    browser.find_element(By.NAME, "reference").send_keys(reference)
    browser.find_element(By.NAME, "email").send_keys("wang.li@example.cn")
    click_and_load(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert browser.find_element(By.ID, "public-status").text == text["status"]


def test_an_officer_follows_up_an_inquiry_and_updates_a_zone(browser, live_server, langson):
    from tests.factories import INVESTMENT_OFFICERS, ZONE_EDITORS, InquiryFactory

    inquiry = InquiryFactory(company_name="Shenzhen Assembly Ltd.")
    officer = User.objects.create_user(
        "lan", password="Str0ng-pass-2026", is_staff=True, first_name="Lan", last_name="Nguyễn"
    )
    officer.groups.add(
        Group.objects.get(name=INVESTMENT_OFFICERS), Group.objects.get(name=ZONE_EDITORS)
    )

    log_in_to_admin(browser, live_server, "lan", "Str0ng-pass-2026")

    # The inquiry in the list: assign it to herself.
    browser.get(f"{live_server.url}/admin/investors/inquiry/")
    row = browser.find_element(By.XPATH, f"//tr[.//a[text()='{inquiry.reference}']]")
    row.find_element(By.CSS_SELECTOR, "input.action-select").click()
    Select(browser.find_element(By.NAME, "action")).select_by_value("assign_to_me")
    click_and_load(browser, browser.find_element(By.NAME, "index"))

    # Move it to "contacted" and add a note.
    click_and_load(browser, browser.find_element(By.LINK_TEXT, inquiry.reference))
    Select(browser.find_element(By.NAME, "status")).select_by_value("contacted")
    browser.find_element(By.NAME, "notes-0-text").send_keys("Gọi điện, hẹn khảo sát.")
    click_and_load(browser, browser.find_element(By.NAME, "_save"))
    inquiry.refresh_from_db()
    assert (inquiry.assignee, inquiry.status) == (officer, "contacted")
    assert InquiryNote.objects.get(inquiry=inquiry).author == officer

    # Then a zone's fill rate, in place in the list; the public page shows it.
    browser.get(f"{live_server.url}/admin/zones/zone/")
    hop_thanh = browser.find_element(By.XPATH, "//tr[.//a[contains(., 'Hợp Thành')]]")
    rate = hop_thanh.find_element(By.CSS_SELECTOR, "input[name$='-fill_rate_pct']")
    rate.clear()
    rate.send_keys("96")
    click_and_load(browser, browser.find_element(By.NAME, "_save"))
    browser.get(f"{live_server.url}/zones/hop-thanh-2/")
    assert "96 %" in browser.find_element(By.ID, "zone-fill-rate").text
