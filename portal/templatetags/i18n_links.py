from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.translation import get_language, to_locale

from portal.links import absolute_url, is_local_path

register = template.Library()


@register.filter
def absolute(path_or_url):
    """A path as an absolute URL on the public site (SITE_URL), never the request's host."""
    return absolute_url(path_or_url)


def _translated_path(request, code):
    """This page's path in language `code`, or that language's home when the path is not one
    of the site's own (a 404 for "//evil.example/" must not link to another host)."""
    path = request.get_full_path()
    if is_local_path(path):
        translated = translate_url(path, code)
        if is_local_path(translated):
            return translated
    with translation.override(code):
        return reverse("home")


def hreflang(code):
    """BCP 47 spelling for hreflang: zh-Hans, not zh-hans."""
    language, _, script = code.partition("-")
    return f"{language}-{script.title()}" if script else language


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """This page in every language: code, hreflang, native name, path and absolute URL.

    The switcher links here rather than posting to set_language, so pages set no language
    cookie and a shared cache can keep them.
    """
    request = context["request"]
    current = get_language()
    alternates = []
    for code, _name in settings.LANGUAGES:
        path = _translated_path(request, code)
        alternates.append(
            {
                "code": code,
                "hreflang": hreflang(code),
                "locale": to_locale(code),
                "name": settings.LANGUAGE_NATIVE_NAMES[code],
                "path": path,
                "url": absolute_url(path),
                "current": code == current,
            }
        )
    return alternates
