"""Real Chromium (Debian's chromium and chromium-driver) against a live test server.

Without Chromium the browser tests are skipped with the command that installs it, except under
CI (CI=true), where a missing browser is a failure. A failing test leaves a screenshot and the
page's HTML in var/browser-artifacts/.
"""

import os
import re
import shutil
from pathlib import Path

import pytest
from selenium.webdriver.support.ui import WebDriverWait

from tests.tools import tool_missing

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
ARTIFACTS = Path(__file__).resolve().parents[2] / "var" / "browser-artifacts"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--force-prefers-reduced-motion",
    "--window-size=1280,1000",
    "--lang=vi",
    # Nothing but the live server: map tiles from the internet would make a test as slow and as
    # flaky as the network.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]

os.environ.setdefault("SE_AVOID_STATS", "true")  # Selenium must not phone home


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        tool_missing("Chromium is missing: apt-get install chromium chromium-driver")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.implicitly_wait(3)
    yield driver
    driver.quit()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    driver = item.funcargs.get("browser") if hasattr(item, "funcargs") else None
    if report.when == "call" and report.failed and driver is not None:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", item.name)
        driver.save_screenshot(str(ARTIFACTS / f"{name}.png"))
        (ARTIFACTS / f"{name}.html").write_text(driver.page_source)


AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="session")
def axe_source():
    if not AXE.exists():
        tool_missing("axe-core is missing: run `npm ci` (make test does)")
    return AXE.read_text()


# The home page's map draws its markers after the page has loaded, and Leaflet itself loads when
# the map nears the screen: axe waits for both, so that it checks the page a visitor sees and
# not, by chance, half of it.
MAP_SETTLED = """
const map = document.getElementById("map");
if (!map) return true;
if (map.dataset.failed) return true;
const drawing = map.dataset.leafletRequested === "true";
if (drawing && !map.classList.contains("leaflet-container")) return false;
if (!window.L) return true;
const data = JSON.parse(document.getElementById(map.dataset.mapData).textContent);
return !data.markersUrl || map.dataset.loaded === "true" || !!map.dataset.failed;
"""


@pytest.fixture(scope="module")
def axe_preloaded(browser, axe_source):
    """axe-core in every page the module's tests load, before the page's own scripts, instead of
    sent through the driver once per page (half a megabyte each time)."""
    script = browser.execute_cdp_cmd(
        "Page.addScriptToEvaluateOnNewDocument", {"source": axe_source}
    )
    yield
    browser.execute_cdp_cmd(
        "Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]}
    )


@pytest.fixture
def axe(browser, axe_source, axe_preloaded):
    """Run axe-core on the current page; return the serious and critical violations."""

    def check():
        WebDriverWait(browser, 10).until(lambda b: b.execute_script(MAP_SETTLED))
        if not browser.execute_script("return !!window.axe"):
            browser.execute_script(axe_source)
        # Only violations are read: axe need not collect every passing node.
        result = browser.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]},"
            " resultTypes: ['violations']})"
            ".then(r => done(r.violations)).catch(e => done([{id: 'axe-error', impact: 'critical',"
            " help: String(e), nodes: []}]));",
            WCAG_TAGS,
        )
        return [
            f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(n["target"][0] for n in v["nodes"][:3] if n.get("target"))
            for v in result
            if v["impact"] in ("serious", "critical")
        ]

    return check
