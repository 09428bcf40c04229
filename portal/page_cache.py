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
import logging
import re
import threading
import time
import uuid
from collections import OrderedDict
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS
from django.core.exceptions import DisallowedHost, SuspiciousOperation
from django.core.handlers.wsgi import WSGIRequest
from django.core.signals import setting_changed
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.http import HttpResponse, QueryDict
from django.middleware.gzip import re_accepts_gzip
from django.utils import translation
from django.utils.http import http_date, parse_etags, parse_http_date_safe

from .cache_outage import TolerantCache, cache_is_down
from .ratelimits import API_COUNTED, api_throttle, api_too_many_requests

request_logger = logging.getLogger("portal.requests")


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
    version = max(previous + 1, _now_us())
    cache.set(VERSION_KEY, version, timeout=None)
    _local.saw_version(version)  # this process's own copies are out of date at once


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
    """Answers from the cache inside Django's stack (what PageCacheApplication did not answer
    before it: the test client, a first request in a process), and marks what it lets Django
    make for PageCacheStoreMiddleware to keep."""

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
        if _keepable(response):
            # Made from `version`: a change during the rendering makes it stale at once. Kept
            # by PageCacheStoreMiddleware, once every middleware has added its headers.
            request.page_cache_entry = (key, version)
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
        # The scheme too: an answer over HTTPS carries HSTS, one over HTTP must not.
        address = (
            f"{request.scheme}:{request.path}?{query}"
            if query
            else f"{request.scheme}:{request.path}"
        )
        # What is kept is the body as sent, gzipped or not as the client asked: a copy for
        # each (a client that does not accept gzip must never get the gzipped one), told
        # apart as GZipMiddleware decides.
        encoding = (
            "gzip"
            if re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", ""))
            else "identity"
        )
        if is_api:
            language = request.GET.get("lang") or translation.get_language_from_request(request)
            return f"api:{language}:{encoding}:{address}"
        return f"page:{encoding}:{address}"


def _keepable(response):
    return (
        response.status_code == 200
        and not response.cookies
        and not response.streaming
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


# Headers that belong to one answer, not to the page: never kept.
NOT_KEPT = frozenset({"x-request-id", "x-cache", "content-length", "set-cookie", "date"})


class PageCacheStoreMiddleware:
    """Keeps what AnonymousPageCacheMiddleware marked, with its final headers (CSP, HSTS,
    X-Frame-Options, Permissions-Policy, ETag…): listed above every middleware that adds one,
    so that a page answered from the cache before Django (PageCacheApplication) carries every
    header Django would have sent."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        marked = getattr(request, "page_cache_entry", None)
        if marked is not None and _keepable(response):
            key, version = marked
            headers = [(h, v) for h, v in response.items() if h.lower() not in NOT_KEPT]
            page = (version, 200, headers, response.content)
            cache.set(key, page, settings.PAGE_CACHE_SECONDS)
            _local.put(key, page)
        return response


# How often a process asks Redis for the catalogue's version while it answers from its own
# copies: a change shows on every app server within this long (and a second at most).
VERSION_CHECK_SECONDS = 0.25


class _LocalPages:
    """This process's copies of pages, in front of Redis: most hits then touch no network.
    Bounded in bytes, least recently used first out; each copy is good for the catalogue version
    it was made from, and the version is asked of Redis at most every VERSION_CHECK_SECONDS."""

    MAX_BYTES = 32 * 1024 * 1024

    def __init__(self):
        self.pages = OrderedDict()
        self.size = 0
        self.version = None
        self.checked_at = 0.0
        self.lock = threading.Lock()

    def known_version(self):
        """The version seen less than VERSION_CHECK_SECONDS ago, or None."""
        if time.monotonic() - self.checked_at < VERSION_CHECK_SECONDS:
            return self.version
        return None

    def saw_version(self, version):
        self.version, self.checked_at = version, time.monotonic()

    def get(self, key, version):
        page = self.pages.get(key)
        if page is None or page[0] != version or page[4] < time.monotonic():
            return None
        with self.lock:
            if key in self.pages:
                self.pages.move_to_end(key)
        return page

    def put(self, key, page):
        version, status, headers, content = page
        expires = time.monotonic() + settings.PAGE_CACHE_SECONDS
        with self.lock:
            if (old := self.pages.pop(key, None)) is not None:
                self.size -= len(old[3])
            self.pages[key] = (version, status, headers, content, expires)
            self.size += len(content)
            while self.size > self.MAX_BYTES and self.pages:
                _key, dropped = self.pages.popitem(last=False)
                self.size -= len(dropped[3])


_local = _LocalPages()


@receiver(setting_changed)
def _forget_local_pages(*, setting, **kwargs):
    """Another cache (tests change CACHES) has other versions: forget this process's copies."""
    global _local
    if setting in ("CACHES", "PAGE_CACHE_SECONDS"):
        _local = _LocalPages()


class PageCacheApplication:
    """The WSGI application in front of Django's: answers a kept page before Django's stack
    (eight middlewares, the URL resolver), from this process's copy while the catalogue's
    version has not moved, else from Redis. Asks the same questions of the request as the
    middleware (the same key, the Host header, the API's rate limit), and answers conditional
    requests (If-None-Match, If-Modified-Since) with 304. What it cannot answer goes to Django,
    which makes the page and keeps it."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        if environ.get("REQUEST_METHOD") in ("GET", "HEAD") and settings.PAGE_CACHE_SECONDS:
            answer = self._answer(environ, start_response)
            if answer is not None:
                return answer
        return self.application(environ, start_response)

    def _answer(self, environ, start_response):
        started = time.monotonic()
        request = WSGIRequest(environ)
        if "HTTP_IF_MATCH" in environ or "HTTP_IF_UNMODIFIED_SINCE" in environ:
            return None  # preconditions are Django's to judge
        try:
            request.get_host()  # a forged Host is refused by Django, before any cached answer
            key = AnonymousPageCacheMiddleware._key(request)
        except (DisallowedHost, SuspiciousOperation):
            return None
        if key is None:
            return None
        if key.startswith("api:"):
            environ[API_COUNTED] = api_throttle(request)
            if environ[API_COUNTED]:
                return None  # Django answers the 429, with every header
        version = _local.known_version()
        page = _local.get(key, version) if version is not None else None
        if page is None:
            found = cache.get_many([VERSION_KEY, key])
            if cache_is_down(cache.alias) or (version := found.get(VERSION_KEY)) is None:
                return None
            _local.saw_version(version)
            page = found.get(key)
            if page is None or page[0] != version:
                return None
            _local.put(key, page)
        _version, status, headers, content = page[:4]
        request_id = uuid.uuid4().hex[:16]
        if _not_modified(environ, headers):
            kept = [(h, v) for h, v in headers if h.lower() not in NOT_SENT_WITH_304]
            start_response(
                "304 Not Modified", [*kept, ("X-Cache", "hit"), ("X-Request-ID", request_id)]
            )
            status, content = 304, b""
        else:
            extra = [
                ("Content-Length", str(len(content))),
                ("X-Cache", "hit"),
                ("X-Request-ID", request_id),
            ]
            start_response(f"{status} OK", [*headers, *extra])
        if request_logger.isEnabledFor(logging.INFO):
            request_logger.info(
                "%s %s %s %.0fms",
                request.method,
                request.path,
                status,
                (time.monotonic() - started) * 1000,
            )
        return [] if request.method == "HEAD" else [content]


# A 304 says the copy the client has is current: nothing about a body (RFC 9110, 15.4.5).
NOT_SENT_WITH_304 = frozenset({"content-type", "content-language", "content-disposition"})


def _not_modified(environ, headers):
    """Whether the client's copy is the kept page, by its ETag, else by its date."""
    if_none_match = environ.get("HTTP_IF_NONE_MATCH")
    if_modified_since = environ.get("HTTP_IF_MODIFIED_SINCE")
    if if_none_match is None and if_modified_since is None:
        return False
    values = {name.lower(): value for name, value in headers}
    if if_none_match is not None:
        etag = values.get("etag")
        tags = parse_etags(if_none_match)
        if etag is None:
            return False
        return "*" in tags or any(t.removeprefix("W/") == etag.removeprefix("W/") for t in tags)
    last_modified = parse_http_date_safe(values.get("last-modified", ""))
    since = parse_http_date_safe(if_modified_since)
    return last_modified is not None and since is not None and last_modified <= since
