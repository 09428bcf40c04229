"""Phones (WCAG 2.2 AA 1.4.10 Reflow, 1.4.4 Resize text): at 320 CSS px no public page scrolls
sideways as a whole, in Vietnamese, English and Chinese, nor do the staff's main admin pages;
text at 200 % loses nothing either.

The pages are every page of the sitemap (so a page added there is walked too) and the public pages
it leaves out (forms, filtered lists, a comparison). Each page's screenshot at 320 px is saved to
var/screenshots/reflow-320/ (git-ignored) for a person to look at.
"""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from tests.browser.pages import log_in_to_admin
from zones.models import Zone

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
PREFIXES = ["", "/en", "/zh-hans"]
NOT_IN_SITEMAP = [
    "/zones/?kind=kcn&sort=-free",
    "/zones/compare/?zones=dong-banh,hong-phong,huu-lung,hop-thanh-2",
    "/plots/?status=available",
    "/inquire/",
    "/inquire/?zone=dong-banh",
    "/inquire/status/",
    "/developer/login/",
]

# What the page would scroll sideways by, and the elements that stick out of it (for the
# failure message): only elements not inside a box that scrolls or clips them itself.
OVERFLOW = """
const width = window.innerWidth;
const clipped = (el) => {
  for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
    const style = getComputedStyle(p);
    if (style.overflowX !== "visible") return true;
  }
  return false;
};
const culprits = [];
for (const el of document.body.querySelectorAll("*")) {
  const box = el.getBoundingClientRect();
  if (box.width && box.right > width + 0.5 && !clipped(el)) {
    const name = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + "." + el.classList;
    culprits.push(`${name} → ${Math.round(box.right)} px`);
  }
}
return {scrollWidth: document.documentElement.scrollWidth, innerWidth: width,
        culprits: culprits.slice(0, 5)};
"""

# A table's scroll box is a region a keyboard can reach and a screen reader can name.
UNLABELLED_SCROLL_BOXES = """
return [...document.querySelectorAll(".table-responsive")].filter((box) => {
  const label = document.getElementById(box.getAttribute("aria-labelledby") || "");
  return box.getAttribute("role") !== "region" || box.tabIndex !== 0 || !label
    || !label.textContent.trim();
}).map((box) => box.outerHTML.slice(0, 120));
"""


def public_paths(client):
    """Every page of the sitemap (in every language) and the public pages it leaves out."""
    sitemap = client.get(reverse("sitemap")).content.decode()
    paths = [urlsplit(url).path for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    for prefix in PREFIXES:
        paths += [prefix + path for path in NOT_IN_SITEMAP]
    return paths


def screenshot(browser, folder, path):
    folder.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^\w]+", "-", path).strip("-") or "home"
    height = browser.execute_script("return document.documentElement.scrollHeight")
    width = browser.execute_script("return window.innerWidth")
    browser.set_window_size(width, min(height, 6000))
    browser.save_screenshot(str(folder / f"{name}.png"))


@pytest.fixture
def narrow(browser):
    """The browser at a phone's width, put back afterwards for the other tests."""
    browser.set_window_size(320, 800)
    assert browser.execute_script("return window.innerWidth") == 320
    yield browser
    browser.set_window_size(1280, 1000)


def walk_at_320_px(narrow, live_server, paths, also=None):
    """Open each page at 320 px and save its screenshot: the pages that scroll sideways, and
    what the script `also` finds on each (when it finds anything), by path."""
    too_wide, found_also = {}, {}
    for path in paths:
        narrow.set_window_size(320, 800)
        narrow.get(f"{live_server.url}{path}")
        found = narrow.execute_script(OVERFLOW)
        if found["scrollWidth"] > found["innerWidth"]:
            too_wide[path] = found
        if also and (extra := narrow.execute_script(also)):
            found_also[path] = extra
        screenshot(narrow, SCREENSHOTS / "reflow-320", path)
    return too_wide, found_also


def test_no_public_page_scrolls_sideways_at_320_px_in_any_language(
    narrow, live_server, langson, client
):
    paths = public_paths(client)
    assert len(paths) >= 3 * (len(NOT_IN_SITEMAP) + 6)
    too_wide, unlabelled = walk_at_320_px(narrow, live_server, paths, UNLABELLED_SCROLL_BOXES)
    assert too_wide == {}
    assert unlabelled == {}


def test_the_staff_s_admin_pages_do_not_scroll_sideways_at_320_px(narrow, live_server, langson):
    """Staff check the dashboard on a phone: its panels name zones and companies, which must
    wrap (Django's dashboard keeps each cell on one line: the stale zones' panel was 481 px
    wide). Lists and forms scroll inside their own boxes, as Django's admin makes them."""
    User.objects.create_superuser("chief", "chief@example.org", "Str0ng-pass-2026")
    log_in_to_admin(narrow, live_server, "chief", "Str0ng-pass-2026")
    dong_banh = Zone.objects.get(slug="dong-banh")
    paths = [
        "/admin/",
        "/admin/zones/zone/",
        f"/admin/zones/zone/{dong_banh.pk}/change/",
        "/admin/zones/plot/",
        "/admin/investors/inquiry/",
    ]
    too_wide, _ = walk_at_320_px(narrow, live_server, paths)
    assert too_wide == {}


def test_text_at_200_percent_still_fits_without_scrolling_sideways(
    browser, live_server, langson, client
):
    """Text twice as large on a 640 px window (a 1280 px screen zoomed to 200 %): the same
    reflow, with every rem-sized box twice as large."""
    browser.set_window_size(640, 800)
    try:
        too_wide = {}
        for path in ["/", "/en/zones/", "/zh-hans/plots/", "/en/zones/dong-banh/", "/inquire/"]:
            browser.get(f"{live_server.url}{path}")
            browser.execute_script("document.documentElement.style.fontSize = '200%'")
            found = browser.execute_script(OVERFLOW)
            if found["scrollWidth"] > found["innerWidth"]:
                too_wide[path] = found
            screenshot(browser, SCREENSHOTS / "text-200", path)
            browser.set_window_size(640, 800)
    finally:
        browser.set_window_size(1280, 1000)
    assert too_wide == {}
