"""An investor searches plots within 20 km of Hữu Nghị, opens one, works out what occupying it
costs, and takes its fact sheet away: in Vietnamese, English and Chinese."""

import io
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.select import Select

from tests.browser.pages import click_and_load

pypdf = pytest.importorskip("pypdf")
pytest.importorskip("weasyprint")
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

RENT_BASIS = {
    "": "USD/m² cho cả thời hạn thuê",
    "/en": "USD/m² for the whole lease",
    "/zh-hans": "USD/平方米（整个租期）",
}


@pytest.mark.parametrize("prefix", ["", "/en", "/zh-hans"])
def test_from_a_search_by_distance_to_a_plot_s_costs_and_fact_sheet(
    browser, live_server, langson, prefix
):
    browser.get(f"{live_server.url}{prefix}/plots/")
    Select(browser.find_element(By.NAME, "near")).select_by_value("huu-nghi")
    within = browser.find_element(By.NAME, "within_km")
    within.clear()
    within.send_keys("20")
    click_and_load(
        browser, browser.find_element(By.XPATH, "//form[contains(@class,'filter-form')]//button")
    )
    assert "near=huu-nghi" in browser.current_url and "within_km=20" in browser.current_url
    rows = browser.find_elements(By.CSS_SELECTOR, "table.plot-table tbody tr")
    assert rows, "no plot within 20 km of Hữu Nghị"
    assert "dong-banh" not in browser.page_source.split("<tbody>")[1]  # about 43 km away

    link = rows[0].find_element(By.CSS_SELECTOR, "th a")
    code = link.text
    click_and_load(browser, link)
    assert f"/plots/{code}/" in browser.current_url

    area = browser.find_element(By.NAME, "area")
    area.clear()
    area.send_keys("50000")
    years = browser.find_element(By.NAME, "years")
    years.clear()
    years.send_keys("5")
    click_and_load(browser, browser.find_element(By.ID, "calculate"))
    table = browser.find_element(By.CSS_SELECTOR, "table.occupancy-table")
    assert len(table.find_elements(By.CSS_SELECTOR, "tbody tr")) == 5
    assert browser.find_elements(By.CSS_SELECTOR, "svg.cost-chart rect")

    href = browser.find_element(By.ID, "factsheet").get_attribute("href")
    with urllib.request.urlopen(href) as response:  # noqa: S310 (the test's own server)
        assert response.headers["Content-Type"] == "application/pdf"
        reader = pypdf.PdfReader(io.BytesIO(response.read()))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert code in text
    assert RENT_BASIS[prefix] in text
