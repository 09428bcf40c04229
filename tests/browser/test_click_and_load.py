"""click_and_load takes Chromium's "node does not belong to the document" for what it means,
the old page is gone, and still fails on any other error from the driver.

Chromium answers this way only now and then on a busy machine, so the page here is a stand-in
that answers as Chromium did: no browser is needed."""

import pytest
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException

from tests.browser.pages import click_and_load

DETACHED = (
    "unknown error: unhandled inspector error: "
    '{"code":-32000,"message":"Node with given id does not belong to the document"}'
)


class OldPage:
    """The <html> element of a page being left: asked about itself, it raises `error`."""

    def __init__(self, error):
        self.error = error

    def is_enabled(self):
        raise self.error


class Browser:
    def __init__(self, error):
        self.old_page = OldPage(error)

    def find_element(self, by, value):
        return self.old_page

    def execute_script(self, script):
        return "complete"


class Link:
    clicked = False

    def click(self):
        self.clicked = True


@pytest.mark.parametrize(
    "error",
    [StaleElementReferenceException("stale element reference"), WebDriverException(DETACHED)],
    ids=["stale", "node not in the document"],
)
def test_the_old_page_gone_either_way_counts_as_loaded(error):
    link = Link()
    click_and_load(Browser(error), link)
    assert link.clicked


def test_any_other_driver_error_still_fails():
    error = WebDriverException("unknown error: session deleted because of page crash")
    with pytest.raises(WebDriverException, match="page crash"):
        click_and_load(Browser(error), Link())
