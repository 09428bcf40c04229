"""Anonymous catalogue pages and API responses served from the cache, and never stale.

A page is kept under its address with the catalogue's version it was made from; any save or
delete of a zone, plot, project, photo, sector or indicator (from the admin, an import or a
command), and any bulk write of them (zones.models.CatalogueQuerySet), moves the version, so
every page that might show it is rebuilt on its next request. The API's ETag and Last-Modified
come from the same version. Only visitors with no session get cached pages, and only responses
that set no cookie are kept, so nothing personal is ever shared. An API response from the cache
still counts against the client's rate limit, and is kept per language (the API's language may
come from Accept-Language). While the cache is down, pages are made by Django and kept nowhere.

A change saved while the cache is down cannot move the version: if the cache comes back with
its old pages (a network fault rather than a restart, which empties it), they may be served for
up to PAGE_CACHE_SECONDS."""

import datetime
import re
import time
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse, QueryDict
from django.utils import translation
from django.utils.http import http_date

from .cache_outage import TolerantCache, cache_is_down
from .ratelimits import api_throttle, api_too_many_requests


class PageCache(TolerantCache):
    """Where pages are kept: a Redis of their own (PAGE_CACHE_URL, CACHES["pages"]), bounded
    and evicting, if there is one, else the default cache. Reads miss and writes are dropped
    while it is down: the site goes on without it."""

    def __init__(self):
        pass

    @property
    def alias(self):
        return "pages" if "pages" in settings.CACHES else DEFAULT_CACHE_ALIAS


cache = PageCache()

VERSION_KEY = "catalogue-version"
LANGUAGE_PREFIX = re.compile(r"^/(en|zh-hans)(?=/)")
CACHED_PATHS = re.compile(r"^/(|zones/.*|plots/.*|sitemap\.xml|robots\.txt)$")
NOT_CACHED = re.compile(r"^/zones/[^/]+/shortlist/$")
API_PATHS = re.compile(r"^/api/v1/(zones|plots|projects|indicators)(/[^/]+)?$")
KEPT_HEADERS = (
    *("Content-Type", "Content-Language", "Vary", "Content-Disposition"),
    *("ETag", "Last-Modified"),  # the API's, from the version: a hit answers 304 as a miss does
)
# Parameters that only say where a visitor came from (campaign links): no page reads them, so
# they are dropped before the page is made, and make no copy of it of their own.
TRACKING_PARAMETERS = re.compile(r"^(utm.*|fbclid|gclid|msclkid|mc_cid|mc_eid)$")
_READS = []  # (path pattern, the query parameters its pages read)


def cache_query_parameters(pattern, names):
    """Pages (and API answers) at paths matching `pattern`, without the language prefix, read
    these query parameters: they make the key, sorted. A page asked with any other parameter
    (tracking parameters aside) is served uncached, since it might read it. Each domain names
    its own (zones/apps.py)."""
    _READS.append((re.compile(pattern), frozenset(names)))


cache_query_parameters(r"^/sitemap\.xml$", ["p"])


def _normalised_query(request, path):
    """The query string of the parameters the page reads, sorted by name; None if the request
    has one the page does not declare."""
    reads = next((names for pattern, names in _READS if pattern.match(path)), frozenset())
    kept = []
    for name in sorted(request.GET):
        if name in reads:
            kept += [(name, value) for value in request.GET.getlist(name)]
        elif not TRACKING_PARAMETERS.match(name):
            return None
    return urlencode(kept)


def catalogue_version():
    """The catalogue's version: the time of its last change, in microseconds since the epoch.
    Pages are kept with it, and the API's ETag and Last-Modified come from it. When the cache
    has lost it (flushed, restarted), it starts again from the current time: never a number it
    had before, so no old page or ETag is ever taken for the current one."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, _now_us(), timeout=None)
        version = cache.get(VERSION_KEY) or _now_us()
    return version


def catalogue_changed_at(version):
    """When the catalogue took `version` (it counts microseconds)."""
    return datetime.datetime.fromtimestamp(version / 1_000_000, tz=datetime.UTC)


def catalogue_last_modified(version):
    """Last-Modified for what was made from `version` (an HTTP date), or None until the second
    of that change is over: dates have whole seconds, and a second change within the same second
    would carry the same date, so a client asking by date would be told nothing changed."""
    changed = version // 1_000_000
    return http_date(changed) if changed < int(time.time()) else None


def catalogue_changed(using=DEFAULT_DB_ALIAS, **kwargs):
    """Signal receiver, and what bulk writes call: whatever showed the old data is out of date
    now. Moved again when the transaction commits: a page made from the old data between this
    change and its commit is then out of date too."""
    _move_version()
    if connections[using].in_atomic_block:
        transaction.on_commit(_move_version, using=using)


def _move_version():
    # Not atomic as an increment would be, but two processes would have to read the same
    # version and write in the same microsecond to give two changes one version.
    previous = cache.get(VERSION_KEY) or 0
    cache.set(VERSION_KEY, max(previous + 1, _now_us()), timeout=None)


def _now_us():
    return time.time_ns() // 1000


def invalidate_on_change(*models, m2m=()):
    """Any save or delete of these models, or change of these many-to-many relations, makes
    every cached page out of date. Each domain names its own models (zones/apps.py)."""
    for model in models:
        post_save.connect(catalogue_changed, sender=model, dispatch_uid=f"page-cache-{model}")
        post_delete.connect(catalogue_changed, sender=model, dispatch_uid=f"page-cache-d-{model}")
    for through in m2m:
        m2m_changed.connect(catalogue_changed, sender=through, dispatch_uid=f"page-cache-{through}")


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = self._key(request)
        if key is None:
            return self.get_response(request)
        if key.startswith("api:") and (retry_after := api_throttle(request)):
            return api_too_many_requests(retry_after)
        # One round trip for both: the catalogue's version and the page kept under its address,
        # with the version it was made from (a hit costs two Redis reads otherwise).
        found = cache.get_many([VERSION_KEY, key])
        if cache_is_down(cache.alias):
            return self.get_response(request)  # nothing to serve from, nowhere to keep it
        version = found.get(VERSION_KEY) or catalogue_version()
        if (cached := found.get(key)) is not None and cached[0] == version:
            _version, status, headers, content = cached
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if (
            response.status_code == 200
            and not response.cookies
            and not response.streaming
            and "private" not in response.get("Cache-Control", "")
        ):
            # Made from `version`: a change during the rendering makes it stale at once.
            headers = [(h, response[h]) for h in KEPT_HEADERS if response.has_header(h)]
            page = (version, 200, headers, response.content)
            cache.set(key, page, settings.PAGE_CACHE_SECONDS)
            response["X-Cache"] = "miss"
        return response

    @staticmethod
    def _key(request):
        """The key of the page asked for, or None if it is not cached. The request's query
        string becomes the key's: the page is made from what it is kept under, so it shows no
        dropped parameter (a visitor's tracking value would otherwise reach others' pages)."""
        if not settings.PAGE_CACHE_SECONDS or request.method not in ("GET", "HEAD"):
            return None
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            return None  # a visitor with a session (shortlist, login) gets their own page
        is_api = API_PATHS.match(request.path)
        path = request.path if is_api else LANGUAGE_PREFIX.sub("", request.path)
        if not is_api and (not CACHED_PATHS.match(path) or NOT_CACHED.match(path)):
            return None
        if (query := _normalised_query(request, path)) is None:
            return None
        if query != request.META.get("QUERY_STRING", ""):
            request.META["QUERY_STRING"] = query
            request.GET = QueryDict(query)
        address = f"{request.path}?{query}" if query else request.path
        if is_api:
            language = request.GET.get("lang") or translation.get_language_from_request(request)
            return f"api:{language}:{address}"
        return f"page:{address}"
