"""The maps in a real browser: the home page draws every zone, loaded after the page."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from zones.models import Zone

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_home_map_shows_a_marker_for_every_located_zone(browser, live_server, langson, prefix):
    located = Zone.objects.published().filter(latitude__isnull=False).count()
    assert located >= 4
    browser.get(f"{live_server.url}{prefix}/")
    WebDriverWait(browser, 10).until(
        lambda b: b.find_element(By.ID, "map").get_attribute("data-loaded") == "true"
    )
    markers = browser.find_elements(By.CSS_SELECTOR, "#map path.leaflet-interactive")
    assert len(markers) == located
    # A marker's popup names its zone and links to its page, in the page's language.
    browser.execute_script(
        "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", markers[0]
    )
    link = WebDriverWait(browser, 5).until(
        lambda b: b.find_element(By.CSS_SELECTOR, ".leaflet-popup-content a")
    )
    assert link.get_attribute("pathname").startswith(f"{prefix}/zones/")
