"""An investor reads a zone's headline incentive, estimates their project and sends the estimate
with an inquiry."""

import re

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.select import Select

from investors.models import Inquiry
from tests.browser.pages import click_and_load

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_zone_page_to_estimate_to_inquiry(browser, live_server, langson):
    browser.get(f"{live_server.url}/zones/hong-phong/")
    headline = browser.find_element(By.CSS_SELECTOR, ".zone-incentive")
    assert "10 %" in headline.text
    click_and_load(browser, headline.find_element(By.TAG_NAME, "a"))

    # The zone is chosen; the visitor adds a licence date and a profit and asks again.
    assert Select(browser.find_element(By.NAME, "zone")).first_selected_option.text == (
        "Khu công nghiệp Hồng Phong"
    )
    date = browser.find_element(By.NAME, "licence_date")
    browser.execute_script("arguments[0].value = '2025-06-01'", date)
    browser.find_element(By.NAME, "profit").send_keys("100")
    click_and_load(browser, browser.find_element(By.CSS_SELECTOR, "form.estimate-form button"))
    assert "Tiết kiệm trong 15 năm: 235 tỷ đồng" in browser.find_element(By.ID, "cit-table").text

    click_and_load(browser, browser.find_element(By.ID, "attach-estimate"))
    assert browser.find_element(By.ID, "attached-estimate").is_displayed()
    browser.find_element(By.NAME, "company_name").send_keys("Công ty TNHH Gạch Biên Giới")
    browser.find_element(By.NAME, "contact_name").send_keys("Trần Minh")
    browser.find_element(By.NAME, "email").send_keys("minh@example.vn")
    Select(browser.find_element(By.NAME, "country")).select_by_value("VN")
    Select(browser.find_element(By.NAME, "sector")).select_by_index(1)
    browser.find_element(By.NAME, "consent").click()
    click_and_load(
        browser, browser.find_element(By.CSS_SELECTOR, "form.inquiry-form button[type=submit]")
    )

    reference = browser.find_element(By.ID, "inquiry-reference").text
    assert re.fullmatch(r"EOI-\d{4}-\d{5}", reference)
    inquiry = Inquiry.objects.get(reference=reference)
    assert inquiry.estimate.inputs["zone"] == "hong-phong"
    assert inquiry.estimate.inputs["profit"] == "100"
    assert inquiry.estimate.answer["cit_rates_pct"][:5] == [0, 0, 0, 0, 5]
