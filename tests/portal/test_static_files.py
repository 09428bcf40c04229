"""collectstatic copies what the pages use and nothing of the packages' whole builds, and the
hashed names of every file a stylesheet or script refers to resolve."""

import json
import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.test import Client, override_settings

from tests.tools import ROOT

STATIC_TAG = re.compile(r"""{%\s*static\s+["']([^"']+)["']""")
# What the packages ship and no page uses.
NOT_SERVED = [
    r"\.scss$",
    r"^bootstrap/js/",
    r"^bootstrap/css/bootstrap-(grid|reboot|utilities)",
    r"\.rtl\.",
    r"^bootstrap/css/bootstrap\.css",
    r"^ninja/redoc",
    r"^leaflet/leaflet-src",
    r"^leaflet/(draw|proj4|Control\.MiniMap|leaflet\.(extras|forms))",
    r"^flags/",
    r"^admin/js/vendor/select2/i18n/(?!(vi|en|zh-CN)\.js$)",
]


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    """The names collectstatic writes with the manifest storage, which fails on a file that a
    collected stylesheet or script refers to and that was left out (compression, the one thing
    production's storage adds, changes no name)."""
    root = tmp_path_factory.mktemp("static")
    storage = {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"}
    with override_settings(
        STATIC_ROOT=root, STORAGES={**django_settings.STORAGES, "staticfiles": storage}
    ):
        call_command("collectstatic", "--noinput", verbosity=0)
    return set(json.loads((root / "staticfiles.json").read_text())["paths"])


def template_references():
    return {
        name
        for template in Path(ROOT, "templates").rglob("*.html")
        for name in STATIC_TAG.findall(template.read_text())
    }


def test_every_file_a_template_names_is_collected(collected):
    references = template_references()
    assert {"bootstrap/css/bootstrap.min.css", "leaflet/leaflet.js", "js/map.js"} <= references
    assert references - collected == set()


@pytest.mark.django_db
def test_every_file_the_api_docs_page_loads_is_collected(collected):
    html = Client().get("/api/v1/docs").content.decode()
    loaded = set(re.findall(rf'"{django_settings.STATIC_URL}([^"?]+)"', html))
    assert "ninja/swagger-ui-bundle.js" in loaded
    assert loaded - collected == set()


def test_the_admins_files_are_collected(collected):
    assert {"admin/css/base.css", "admin/js/actions.js", "admin/js/vendor/jquery/jquery.js"} <= (
        collected
    )
    # Select2's messages for the autocomplete fields, in each of the site's languages.
    select2 = "admin/js/vendor/select2/i18n/"
    assert {f"{select2}vi.js", f"{select2}en.js", f"{select2}zh-CN.js"} <= collected


def test_nothing_of_the_packages_whole_builds_is_collected(collected):
    unwanted = {name for name in collected if any(re.search(p, name) for p in NOT_SERVED)}
    assert unwanted == set()
