"""Addresses reversed once and kept (portal.links.kept_reverse, the url_cache `{% url %}`):
still each language's, each view's and each argument's own."""

from django.template import Context, Template
from django.test import override_settings
from django.urls import reverse, set_script_prefix
from django.utils import translation

from portal.links import kept_reverse


def test_kept_address_is_each_languages_own():
    for code in ("vi", "en", "zh-hans", "en"):
        with translation.override(code):
            assert kept_reverse("zones:list") == reverse("zones:list")
            assert kept_reverse("zones:detail", kwargs={"slug": "a"}) == reverse(
                "zones:detail", kwargs={"slug": "a"}
            )
    with translation.override("en"):
        assert kept_reverse("zones:detail", kwargs={"slug": "b"}).endswith("/zones/b/")


def test_url_tag_gives_djangos_address():
    template = Template(
        "{% load url_cache %}{% url 'zones:list' %}|{% url 'zones:shortlist' slug %}|"
        "{% url 'home' as home %}{{ home }}"
    )
    for code in ("vi", "en", "vi"):
        with translation.override(code):
            expected = "|".join(
                [reverse("zones:list"), reverse("zones:shortlist", args=["a-b"]), reverse("home")]
            )
            assert template.render(Context({"slug": "a-b"})) == expected


@override_settings(FORCE_SCRIPT_NAME="/portal")
def test_kept_address_follows_the_script_prefix():
    set_script_prefix("/portal/")
    try:
        assert kept_reverse("zones:list") == "/portal/zones/"
    finally:
        set_script_prefix("/")
