"""An investor finds a zone, expresses interest from its page and reads the reference."""

import re

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.select import Select

from investors.models import Inquiry
from tests.browser.pages import click_and_load

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_express_interest_from_a_zone_page_and_read_the_reference(browser, live_server, langson):
    browser.get(f"{live_server.url}/zones/dong-banh/")
    click_and_load(browser, browser.find_element(By.ID, "inquire-zone"))
    assert browser.find_element(By.CSS_SELECTOR, "input[name=zones]:checked").get_attribute("value")

    browser.find_element(By.NAME, "company_name").send_keys("Công ty TNHH Vật liệu Biên Giới")
    browser.find_element(By.NAME, "contact_name").send_keys("Trần Minh")
    browser.find_element(By.NAME, "email").send_keys("minh@example.vn")
    Select(browser.find_element(By.NAME, "country")).select_by_value("VN")
    Select(browser.find_element(By.NAME, "sector")).select_by_index(1)
    browser.find_element(By.NAME, "area_needed_ha").send_keys("20")
    browser.find_element(By.NAME, "consent").click()
    click_and_load(
        browser, browser.find_element(By.CSS_SELECTOR, "form.inquiry-form button[type=submit]")
    )
    reference = browser.find_element(By.ID, "inquiry-reference").text
    assert re.fullmatch(r"EOI-\d{4}-\d{5}", reference)
    inquiry = Inquiry.objects.get(reference=reference)
    assert inquiry.company_name == "Công ty TNHH Vật liệu Biên Giới"
    assert [z.slug for z in inquiry.zones.all()] == ["dong-banh"]
