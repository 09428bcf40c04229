from urllib.parse import unquote, urlsplit, urlunsplit

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import translation
from django.utils.translation import get_language, to_locale

from portal.links import absolute_url, is_local_path

register = template.Library()


@register.filter
def absolute(path_or_url):
    """A path as an absolute URL on the public site (SITE_URL), never the request's host."""
    return absolute_url(path_or_url)


def _translated_paths(request):
    """{code: this page's path in that language}, or that language's home when the path is not
    one of the site's own (a 404 for "//evil.example/" must not link to another host).

    As Django's translate_url, with the path resolved once rather than once a language."""
    path = request.get_full_path()
    if not is_local_path(path):
        return {code: _home(code) for code, _name in settings.LANGUAGES}
    parsed = urlsplit(path)
    try:
        match = resolve(unquote(parsed.path))
    except Resolver404:
        match = None
    paths = {}
    for code, _name in settings.LANGUAGES:
        # Unchanged when it cannot be translated, as translate_url.
        translated = (match and _reversed_in(code, match, parsed)) or path
        paths[code] = translated if is_local_path(translated) else _home(code)
    return paths


def _reversed_in(code, match, parsed):
    view = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
    with translation.override(code):
        try:
            translated = reverse(view, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return None
    return urlunsplit(("", "", translated, parsed.query, parsed.fragment))


def _home(code):
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
    for code, path in _translated_paths(request).items():
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
