"""Links the site writes: absolute ones from SITE_URL, local ones that stay on the site.

Never from the request's Host or scheme: a page cached after a request through another host
(or over another scheme) would hand its links to every later visitor.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language


def absolute_url(path_or_url):
    """The public address of a path on the site (an address that already is absolute, such as
    a photo on a CDN, is returned as it is)."""
    if urlsplit(path_or_url).scheme:
        return path_or_url
    return settings.SITE_URL + path_or_url


def is_local_path(path):
    """True for a path on this site: one leading "/", no host, no scheme. Browsers read "//x"
    and "/\\x" as another host."""
    if not path.startswith("/") or path.startswith(("//", "/\\")):
        return False
    parts = urlsplit(path)
    return not (parts.scheme or parts.netloc)


_reversed: dict[tuple, str] = {}
KEPT_ADDRESSES = 20_000  # a zone's or plot's page in each language: emptied when full


def kept_reverse(viewname, args=(), kwargs=None, current_app=None):
    """reverse(), computed once per address and language, then kept: addresses do not change
    while the site runs, and Django's reverse cost 15–20 µs a call (the chrome made eleven on
    every page, the lists one to three a row)."""
    key = (
        viewname,
        tuple(str(arg) for arg in args),
        tuple((name, str(value)) for name, value in (kwargs or {}).items()),
        current_app,
        get_language(),
        get_script_prefix(),
        get_urlconf(settings.ROOT_URLCONF),
    )
    try:
        return _reversed[key]
    except KeyError:
        address = reverse(viewname, args=args, kwargs=kwargs, current_app=current_app)
        if len(_reversed) >= KEPT_ADDRESSES:
            _reversed.clear()
        _reversed[key] = address
        return address
