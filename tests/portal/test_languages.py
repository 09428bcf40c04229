"""Every public page in Vietnamese, English and Chinese, interface and content alike."""

import re
import shutil
import subprocess
import sys
from decimal import Decimal
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import polib
import pytest
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains

from tests.factories import ProjectFactory, ZoneFactory
from tests.tools import ROOT, tool_missing
from zones.models import Indicator, Plot, Project, Sector, Zone

CATALOGUES = {"en": ROOT / "locale/en/LC_MESSAGES", "zh-hans": ROOT / "locale/zh_Hans/LC_MESSAGES"}
PREFIXES = {"vi": "", "en": "/en", "zh-hans": "/zh-hans"}
# Letters only Vietnamese writes (not French: country names such as Côte d'Ivoire are fine).
VIETNAMESE = re.compile("[ăđơưĂĐƠƯạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĩũ]")


class VisibleText(HTMLParser):
    """The text a reader sees in <title> and <body>, less what is marked as another language
    (the language switcher names each language in itself, with a lang attribute)."""

    SKIP = {"script", "style", "head"}

    def __init__(self, page_language):
        super().__init__()
        self.page_language = page_language.lower()
        self.stack = []
        self.chunks = []

    def handle_starttag(self, tag, attrs):
        if tag in {"meta", "link", "br", "img", "input", "hr"}:
            return
        lang = dict(attrs).get("lang")
        foreign = lang is not None and lang.lower() != self.page_language and tag != "html"
        hidden = tag in self.SKIP or foreign
        self.stack.append((tag, hidden and tag != "head" or foreign, tag == "title"))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        in_title = any(title for _, _, title in self.stack)
        hidden = any(hide for _, hide, _ in self.stack)
        inside_head = any(tag == "head" for tag, _, _ in self.stack)
        if in_title or not (hidden or inside_head):
            self.chunks.append(data)

    @classmethod
    def of(cls, html, language):
        parser = cls(language)
        parser.feed(html)
        return re.sub(r"\s+", " ", " ".join(parser.chunks))


def vi_path(obj):
    """An object's path without a language prefix, whatever language a request left active."""
    with translation.override("vi"):
        return obj.get_absolute_url()


def public_paths():
    pages = ["/", "/zones/", "/inquire/", "/inquire/status/", "/privacy/", "/developer/login/"]
    return pages + [vi_path(zone) for zone in Zone.objects.for_listing()]


def catalogue(language):
    return polib.pofile(str(CATALOGUES[language] / "django.po"))


@pytest.mark.parametrize("language", CATALOGUES)
def test_every_catalogue_entry_is_translated_and_none_is_fuzzy(language):
    po = catalogue(language)
    assert len(po) > 100
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []


@pytest.mark.parametrize("language", CATALOGUES)
def test_the_committed_mo_file_is_compiled_from_the_po_file(language):
    po = catalogue(language)
    mo = polib.mofile(str(CATALOGUES[language] / "django.mo"))
    compiled = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in mo if e.msgid}
    for entry in po.translated_entries():
        expected = entry.msgstr or {int(k): v for k, v in entry.msgstr_plural.items()}
        found = compiled.get((entry.msgctxt, entry.msgid))
        if isinstance(found, dict):
            found = {int(k): v for k, v in found.items()}
        assert found == expected, f"{entry.msgid!r}: run `make messages`"


def test_catalogues_hold_every_interface_string_of_the_code(tmp_path):
    """Extract the strings afresh (as `make messages` does) and compare with the catalogue."""
    if not shutil.which("xgettext"):
        tool_missing("GNU gettext is missing: apt-get install gettext")
    for part in ["manage.py", "portal", "zones", "incentives", "investors", "templates"]:
        source = ROOT / part
        copy = shutil.copy if source.is_file() else shutil.copytree
        copy(source, tmp_path / part)
    (tmp_path / "locale").mkdir()
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--locale", "en", "--no-location"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        timeout=120,
        env={
            "PATH": "/usr/bin:/bin",
            "SECRET_KEY": "extract",
            "DEBUG": "true",
            "DATABASE_URL": "sqlite://:memory:",
        },
    )
    fresh = {e.msgid for e in polib.pofile(str(tmp_path / "locale/en/LC_MESSAGES/django.po"))}
    for language in CATALOGUES:
        assert fresh - {e.msgid for e in catalogue(language)} == set(), "run `make messages`"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_no_vietnamese_is_left_on_english_and_chinese_pages(client, langson, language):
    for path in public_paths():
        response = client.get(PREFIXES[language] + path)
        assert response.status_code == 200, path
        html = response.content.decode()
        assert f'<html lang="{language}">' in html
        text = VisibleText.of(html, language)
        leftovers = sorted({m.group() for m in re.finditer(rf"\w*{VIETNAMESE.pattern}\w*", text)})
        assert leftovers == [], f"{language}{path}: untranslated {leftovers}"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["vi", "zh-hans"])
def test_no_english_interface_text_on_vietnamese_and_chinese_pages(client, langson, language):
    english = {
        e.msgstr for e in catalogue("en") if e.msgstr and e.msgstr != e.msgid and len(e.msgstr) > 3
    }
    for path in public_paths():
        html = client.get(PREFIXES[language] + path).content.decode()
        text = VisibleText.of(html, language)
        found = sorted(s for s in english if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", text))
        assert found == [], f"{language}{path}: English text {found}"


@pytest.mark.django_db
def test_switching_language_on_a_zone_page_lands_on_the_same_zone(client, langson):
    html = client.get("/zones/dong-banh/").content.decode()
    english = re.search(r'<a class="nav-link" href="([^"]+)" hreflang="en"', html).group(1)
    chinese = re.search(r'<a class="nav-link" href="([^"]+)" hreflang="zh-Hans"', html).group(1)
    assert english == "/en/zones/dong-banh/"
    assert chinese == "/zh-hans/zones/dong-banh/"
    assertContains(client.get(english), '<h1 class="h2">Dong Banh Industrial Park</h1>')
    assertContains(client.get(chinese), '<h1 class="h2">同彭工业园</h1>')


@pytest.mark.django_db
def test_every_page_links_its_translations_with_hreflang(client, langson, settings):
    settings.SITE_URL = "https://dautu.langson.gov.vn"
    for path in public_paths():
        for language, prefix in PREFIXES.items():
            html = client.get(prefix + path).content.decode()
            for hreflang, other in (("vi", ""), ("en", "/en"), ("zh-Hans", "/zh-hans")):
                link = f'<link rel="alternate" hreflang="{hreflang}" href="https://dautu.langson.gov.vn{other}{path}">'
                assert link in html, (language, path, hreflang)
            assert f'hreflang="x-default" href="https://dautu.langson.gov.vn{path}"' in html


@pytest.mark.django_db
def test_a_missing_translation_falls_back_to_vietnamese(client):
    zone = ZoneFactory(name_vi="Cụm công nghiệp Mới", name_en="", description_vi="Mô tả.")
    response = client.get(f"/en{vi_path(zone)}")
    assertContains(response, "Cụm công nghiệp Mới")
    assertContains(response, "Mô tả.")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "capital", "area"),
    [
        ("vi", "1.700 tỷ đồng", "1.234,5 ha"),
        ("en", "1,700 billion VND", "1,234.5 ha"),
        ("zh-hans", "17,000亿越南盾", "1,234.5 公顷"),
    ],
)
def test_money_and_areas_are_written_the_way_each_language_writes_them(
    client, language, capital, area
):
    zone = ZoneFactory(total_area_ha=Decimal("1234.5"))
    ProjectFactory(zone=zone, registered_capital_vnd=Decimal("1700000000000"))
    response = client.get(PREFIXES[language] + vi_path(zone))
    assertContains(response, capital)
    assertContains(response, area)


@pytest.mark.django_db
def test_the_admin_stays_at_admin_in_any_language(client):
    assert client.get("/admin/login/").status_code == 200
    assert client.get("/en/admin/login/").status_code == 404


@pytest.mark.django_db
def test_the_admin_shows_the_three_languages_side_by_side(admin_client, langson):
    zone = Zone.objects.get(slug="hong-phong")
    html = admin_client.get(reverse("admin:zones_zone_change", args=[zone.pk])).content.decode()
    for field in ["name_vi", "name_en", "name_zh_hans", "description_zh_hans"]:
        assert f'name="{field}"' in html
    assert 'value="红峰工业园"' in html


@pytest.mark.django_db
def test_load_langson_ships_every_text_in_three_languages(langson):
    translated = {
        Zone: ["name", "description", "connectivity", "managing_body", "source"],
        Sector: ["name"],
        Project: ["investor_name"],
        Indicator: ["name", "note"],
    }
    for model, fields in translated.items():
        for obj in model.objects.all():
            for field in fields:
                if getattr(obj, f"{field}_vi"):
                    assert getattr(obj, f"{field}_en"), (obj, field, "en")
                    assert getattr(obj, f"{field}_zh_hans"), (obj, field, "zh")
    assert Plot.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/zones/khong-co/", "Không tìm thấy trang"),
        ("/en/zones/missing/", "Page not found"),
        ("/zh-hans/zones/missing/", "未找到页面"),
    ],
)
def test_a_missing_page_answers_404_in_the_site_look_and_language(client, path, heading):
    response = client.get(path)
    assert response.status_code == 404
    assertContains(response, f'<h1 class="h2">{heading}</h1>', status_code=404, html=True)
    assertContains(response, "bootstrap.min.css", status_code=404)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "//evil.example/",
        "/%2F%2Fevil.example/",
        "///evil.example/",
        "/%5Cevil.example/",
        "/%5C%5Cevil.example/",
        "/en//evil.example/",
        "/zh-hans/%2F%2Fevil.example/",
    ],
)
def test_the_language_switcher_never_links_off_the_site(client, settings, path):
    settings.SITE_URL = "https://dautu.langson.gov.vn"
    html = client.get(path).content.decode()
    switcher = re.findall(r'<a class="nav-link[^"]*"[^>]* href="([^"]*)" hreflang=', html)
    assert len(switcher) == 3, switcher
    for link in switcher + alternates(html):
        # As a browser reads it: a backslash is a slash, "//host" is another host.
        target = urlsplit(urljoin("https://dautu.langson.gov.vn/page", link.replace("\\", "/")))
        assert target.netloc == "dautu.langson.gov.vn", link
    for link in alternates(html):
        assert link.startswith("https://dautu.langson.gov.vn/"), link


def alternates(html):
    return re.findall(r'<link rel="(?:alternate|canonical)"[^>]* href="([^"]*)"', html)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "descending"),
    [
        ("vi", "Tỷ lệ lấp đầy (giảm dần)"),
        ("en", "Fill rate (descending)"),
        ("zh-hans", "出租率（降序）"),
    ],
)
def test_sort_choices_speak_the_visitors_language(client, language, descending):
    response = client.get(PREFIXES[language] + "/zones/")
    assertContains(response, f'<option value="-fill">{descending}</option>', html=True)
