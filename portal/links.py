"""Links the site writes: absolute ones from SITE_URL, local ones that stay on the site.

Never from the request's Host or scheme: a page cached after a request through another host
(or over another scheme) would hand its links to every later visitor.
"""

from urllib.parse import urlsplit

from django.conf import settings


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
