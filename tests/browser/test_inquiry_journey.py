"""An investor finds a zone, expresses interest from its page and reads the reference."""

import re

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.ui import WebDriverWait

from investors.models import Inquiry

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_express_interest_from_a_zone_page_and_read_the_reference(browser, live_server, langson):
    browser.get(f"{live_server.url}/zones/dong-banh/")
    browser.find_element(By.ID, "inquire-zone").click()
    WebDriverWait(browser, 5).until(EC.presence_of_element_located((By.NAME, "company_name")))
    assert browser.find_element(By.CSS_SELECTOR, "input[name=zones]:checked").get_attribute("value")

    browser.find_element(By.NAME, "company_name").send_keys("Công ty TNHH Vật liệu Biên Giới")
    browser.find_element(By.NAME, "contact_name").send_keys("Trần Minh")
    browser.find_element(By.NAME, "email").send_keys("minh@example.vn")
    Select(browser.find_element(By.NAME, "country")).select_by_value("VN")
    Select(browser.find_element(By.NAME, "sector")).select_by_index(1)
    browser.find_element(By.NAME, "area_needed_ha").send_keys("20")
    browser.find_element(By.NAME, "consent").click()
    browser.find_element(By.CSS_SELECTOR, "form.inquiry-form button[type=submit]").click()

    reference = (
        WebDriverWait(browser, 5)
        .until(EC.presence_of_element_located((By.ID, "inquiry-reference")))
        .text
    )
    assert re.fullmatch(r"EOI-\d{4}-\d{5}", reference)
    inquiry = Inquiry.objects.get(reference=reference)
    assert inquiry.company_name == "Công ty TNHH Vật liệu Biên Giới"
    assert [z.slug for z in inquiry.zones.all()] == ["dong-banh"]
