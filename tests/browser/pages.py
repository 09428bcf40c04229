"""Steps every browser test takes: a click that loads a new page, and logging in to the admin.

Selenium's click returns as soon as the event is dispatched, not when the next page has loaded, so
a test that reads the database or the page straight after a submit can race the server. These
helpers wait until the old page is gone and the new one is ready.
"""

from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

TIMEOUT = 15
# Chromium (156 seen) sometimes answers a question about an element of a page it has just left
# with this instead of "stale element reference": it means the same, the old page is gone.
DETACHED = "Node with given id does not belong to the document"


def page_gone(old_element):
    """A wait condition: true once `old_element`'s page has been replaced. Any error from the
    driver other than the two that mean "stale" still fails the test."""

    def gone(driver):
        try:
            old_element.is_enabled()
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            if DETACHED in (error.msg or ""):
                return True
            raise
        return False

    return gone


def click_and_load(browser, element):
    """Click a link or submit button and wait until the page it leads to has loaded."""
    old_page = browser.find_element(By.TAG_NAME, "html")
    element.click()
    wait = WebDriverWait(browser, TIMEOUT)
    wait.until(page_gone(old_page))
    wait.until(lambda b: b.execute_script("return document.readyState") == "complete")


def log_in_to_admin(browser, live_server, username, password):
    browser.get(f"{live_server.url}/admin/login/")
    browser.find_element(By.NAME, "username").send_keys(username)
    browser.find_element(By.NAME, "password").send_keys(password)
    click_and_load(browser, browser.find_element(By.CSS_SELECTOR, "input[type=submit]"))
    assert "/login/" not in browser.current_url, "the log-in was refused"
