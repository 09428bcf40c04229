from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, to_locale

register = template.Library()


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
        path = translate_url(request.get_full_path(), code)
        alternates.append(
            {
                "code": code,
                "hreflang": hreflang(code),
                "locale": to_locale(code),
                "name": settings.LANGUAGE_NATIVE_NAMES[code],
                "path": path,
                "url": request.build_absolute_uri(path),
                "current": code == current,
            }
        )
    return alternates
