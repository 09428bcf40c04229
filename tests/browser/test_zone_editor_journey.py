"""A zone editor updates Đồng Bành's fill rate; investors see it at once, dated today."""

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone
from selenium.webdriver.common.by import By

from tests.browser.pages import click_and_load, log_in_to_admin
from tests.factories import ZONE_EDITORS

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_zone_editor_changes_the_fill_rate_and_the_public_page_shows_it(
    browser, live_server, langson
):
    editor = User.objects.create_user("editor", password="Str0ng-pass-2026", is_staff=True)
    editor.groups.add(Group.objects.get(name=ZONE_EDITORS))

    log_in_to_admin(browser, live_server, "editor", "Str0ng-pass-2026")
    browser.get(f"{live_server.url}/admin/zones/zone/?q=dong-banh")
    click_and_load(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "Khu công nghiệp Đồng Bành"))
    rate = browser.find_element(By.NAME, "fill_rate_pct")
    rate.clear()
    rate.send_keys("64.5")
    browser.find_element(By.NAME, "change_note").send_keys("Báo cáo tháng 11/2026")
    click_and_load(browser, browser.find_element(By.NAME, "_save"))
    assert browser.find_elements(By.CSS_SELECTOR, ".messagelist .success")

    browser.get(f"{live_server.url}/zones/dong-banh/")
    assert "64,5 %" in browser.find_element(By.ID, "zone-fill-rate").text
    today = timezone.localdate().strftime("%d/%m/%Y")
    assert browser.find_element(By.ID, "zone-as-of").text == today
    chart = browser.find_element(By.ID, "fill-rate-history")
    assert len(chart.find_elements(By.TAG_NAME, "circle")) == 2
    rows = [row.text for row in chart.find_elements(By.CSS_SELECTOR, "tbody tr")]
    # The source's figure keeps its precision (~, 2020–2021); the editor left "approximate" ticked.
    assert rows == ["2020–2021 ~60 %", f"{today} ~64,5 %"]
