"""Staff who work in Vietnamese meet no English in the admin: not in what Django's JavaScript
draws (the selection boxes, the calendar: Django's own Vietnamese lacks them, locale/vi/
LC_MESSAGES/djangojs.po has them), nor in the admin's and the packages' pages (locale/vi/
LC_MESSAGES/django.po), nor in the project's own hidden fields."""

import re

import pytest
from django.contrib.auth.models import User
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from incentives.models import IncentiveRule
from tests.browser.pages import log_in_to_admin
from zones.models import Zone

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# English the Vietnamese admin used to show (issue 18).
ENGLISH = re.compile(
    r"\b(Choose all|Remove all|Choose selected|Remove selected|by selecting them|"
    r"Type into this box|Sunday|Monday|Saturday|Today|Choose a Date|Toggle navigation|"
    r"Breadcrumbs|Sidebar|Select all objects|Select this object|Models in the|Loaded version|"
    r"Show|Hide|Changed by|Change reason|Date/time|Object|Comment|File to import|Format|"
    r"This importer will import|Submit|Password-based authentication|Reset password|Enabled)\b"
)
# What a person reads, and what a screen reader says.
SHOWN_AND_SPOKEN = """
const parts = [document.body.innerText];
for (const el of document.querySelectorAll("[aria-label], [title], [placeholder]")) {
  for (const name of ["aria-label", "title", "placeholder"]) {
    if (el.hasAttribute(name)) parts.push(el.getAttribute(name));
  }
}
return parts.join("\\n");
"""

# Read as written (textContent: the admin's CSS upper-cases some of it for the eye).
DRAWN_BY_DJANGOS_JAVASCRIPT = """
const text = (selector) => document.querySelector(selector).textContent.trim();
return {
  chooseAll: text(".selector-chooseall"), removeAll: text(".selector-clearall"),
  chosen: text(".selector-chosen-title label, .selector-chosen h2"),
  month: text(".calendarbox caption"), firstDay: text(".calendarbox th"),
  shortcuts: [...document.querySelectorAll(".calendarbox .calendar-shortcuts a")].map(
    (a) => a.textContent.trim()),
};
"""


def open_widgets(browser):
    """Wait for Django's JavaScript to build the page's selection boxes, and open its first
    calendar, so that their text is on the page."""
    if browser.find_elements(By.CSS_SELECTOR, "select.filtered"):
        WebDriverWait(browser, 10).until(
            lambda b: b.find_elements(By.CSS_SELECTOR, ".selector .selector-chooseall")
        )
    calendars = browser.find_elements(By.CSS_SELECTOR, "a[id^=calendarlink]")
    if calendars:
        browser.execute_script("arguments[0].scrollIntoView()", calendars[0])
        calendars[0].click()
        WebDriverWait(browser, 10).until(
            lambda b: b.find_element(By.CSS_SELECTOR, ".calendarbox").is_displayed()
        )


def test_a_superuser_meets_no_english_in_the_vietnamese_admin(browser, live_server, langson):
    User.objects.create_superuser("chief", "chief@example.org", "Str0ng-pass-2026")
    zone = Zone.objects.get(slug="dong-banh")
    rule = IncentiveRule.objects.filter(location_classes__isnull=False).first()
    log_in_to_admin(browser, live_server, "chief", "Str0ng-pass-2026")
    pages = {
        "the dashboard": "/admin/",
        "a zone": f"/admin/zones/zone/{zone.pk}/change/",
        "an incentive rule": f"/admin/incentives/incentiverule/{rule.pk}/change/",
        "a zone's history": f"/admin/zones/zone/{zone.pk}/history/",
        "the plot list": "/admin/zones/plot/",
        "the zone import": "/admin/zones/zone/import/",
        "a staff account": "/admin/auth/user/add/",
    }
    english = {}
    for name, path in pages.items():
        browser.get(f"{live_server.url}{path}")
        open_widgets(browser)
        text = browser.execute_script(SHOWN_AND_SPOKEN)
        found = set(ENGLISH.findall(text))
        if "Loaded version" in browser.page_source:
            found.add("Loaded version (in the page's HTML)")
        if found:
            english[name] = sorted(found)
        if name == "a zone":
            drawn = browser.execute_script(DRAWN_BY_DJANGOS_JAVASCRIPT)
    assert english == {}

    # What Django's JavaScript drew on the zone's page is in Vietnamese: the selection boxes
    # (its managers and sectors) and the calendar of "figures as of".
    assert drawn["chooseAll"].startswith("Chọn tất cả")
    assert drawn["removeAll"].startswith("Bỏ tất cả")
    assert drawn["chosen"].startswith("Đã chọn")
    assert drawn["month"].startswith("Tháng")
    assert drawn["firstDay"] == "CN"
    assert "Hôm nay" in drawn["shortcuts"]
