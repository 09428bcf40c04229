"""The plot search's results on a map: every listed plot drawn; the investor moves the map,
presses "search this area", and the list narrows to the plots there, with the area shown as a
filter they can remove."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser.pages import TIMEOUT, click_and_load

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SEARCH_AREA = {"": "Tìm trong vùng này", "/en": "Search this area", "/zh-hans": "搜索此区域"}


def listed(browser):
    rows = browser.find_elements(By.CSS_SELECTOR, "table.plot-table tbody tr th a")
    return {row.text for row in rows}


def drawn(browser):
    """The plots' outlines on the map (the searched area's frame is not interactive)."""
    return browser.find_elements(By.CSS_SELECTOR, "#map path.leaflet-interactive")


def map_ready(browser):
    WebDriverWait(browser, TIMEOUT).until(
        lambda b: b.find_element(By.ID, "map").get_attribute("data-ready") == "true"
    )


@pytest.mark.parametrize("prefix", ["", "/en", "/zh-hans"])
def test_moving_the_map_and_searching_this_area_narrows_the_list(
    browser, live_server, langson, prefix
):
    browser.get(f"{live_server.url}{prefix}/plots/?zone=hong-phong&status=")
    before = listed(browser)
    assert len(before) == 9
    browser.execute_script("document.getElementById('map').scrollIntoView()")
    map_ready(browser)
    assert len(drawn(browser)) == 9  # every listed plot, by its outline
    button = browser.find_element(By.ID, "search-area")
    assert not button.is_displayed()  # nothing to search until the map has moved

    zoom = int(browser.find_element(By.ID, "map").get_attribute("data-zoom"))
    for level in (zoom + 1, zoom + 2):  # closer in, on the middle of the zone's plots
        browser.find_element(By.CSS_SELECTOR, "#map .leaflet-control-zoom-in").click()
        WebDriverWait(browser, TIMEOUT).until(
            lambda b, level=level: (
                b.find_element(By.ID, "map").get_attribute("data-zoom") == str(level)
            )
        )
    WebDriverWait(browser, TIMEOUT).until(lambda b: button.is_displayed())
    assert button.text == SEARCH_AREA[prefix]
    click_and_load(browser, button)

    assert "bbox=" in browser.current_url and "zone=hong-phong" in browser.current_url
    after = listed(browser)
    assert after and after < before  # fewer plots, all of them among the earlier ones
    assert browser.find_element(By.ID, "map-area-filter").is_displayed()
    browser.execute_script("document.getElementById('map').scrollIntoView()")
    map_ready(browser)
    assert len(drawn(browser)) == len(after)

    # Removing the area brings the whole zone back, other filters kept.
    click_and_load(browser, browser.find_element(By.ID, "remove-map-area"))
    assert "bbox=" not in browser.current_url
    assert listed(browser) == before
