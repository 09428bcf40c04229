"""axe-core (WCAG 2.2 AA rules) on every public page in each language, and on the inquiry form
with its errors: no serious or critical violation. No rule is disabled."""

import pytest
from django.utils import translation
from selenium.webdriver.common.by import By

from tests.browser.pages import click_and_load
from zones.models import Zone

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
PREFIXES = ["", "/en", "/zh-hans"]


def public_paths():
    with translation.override("vi"):
        zones = [zone.get_absolute_url() for zone in Zone.objects.published()]
    return [
        "/",
        "/zones/",
        "/zones/?kind=kcn&sort=-free",
        "/plots/",
        "/zones/compare/?zones=dong-banh,hong-phong",
        "/inquire/",
        "/inquire/status/",
        "/privacy/",
        "/developer/login/",
        *zones,
    ]


def test_every_public_page_in_every_language_passes_axe(browser, live_server, langson, axe):
    problems, checked = {}, 0
    for prefix in PREFIXES:
        for path in public_paths():
            browser.get(f"{live_server.url}{prefix}{path}")
            checked += 1
            if found := axe():
                problems[prefix + path] = found
    assert problems == {}
    assert checked == 3 * len(public_paths())


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_inquiry_form_with_errors_passes_axe_and_focuses_the_first_error(
    browser, live_server, langson, axe, prefix
):
    browser.get(f"{live_server.url}{prefix}/inquire/")
    browser.find_element(By.NAME, "email").send_keys("not-an-email")
    click_and_load(
        browser, browser.find_element(By.CSS_SELECTOR, "form.inquiry-form button[type=submit]")
    )
    first_error = browser.find_element(By.NAME, "company_name")
    assert first_error.get_attribute("aria-invalid") == "true"
    assert browser.switch_to.active_element == first_error
    described = first_error.get_attribute("aria-describedby")
    assert browser.find_element(By.ID, described.split()[0]).text
    assert axe() == []


def test_a_skip_link_leads_to_the_content(browser, live_server, langson):
    browser.get(f"{live_server.url}/zones/")
    skip = browser.find_element(By.CSS_SELECTOR, "a.visually-hidden-focusable")
    assert skip.get_attribute("href").endswith("#content")
    browser.find_element(By.TAG_NAME, "body").send_keys("\ue004")  # Tab
    assert browser.switch_to.active_element == skip
