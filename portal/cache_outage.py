"""The shared cache (Redis) may stop; the site must not stop with it.

Django's Redis cache raises when Redis is down, and every page, the API, the inquiry form and
sessions used it. Uses of the cache go through `attempt()` (or `TolerantCache`, which wraps each
call in it): while the cache fails, callers get their fallback (a miss, a write dropped); the
outage is logged once per process at WARNING, not as a traceback per request, and once more when
the cache is back. After a failure this process leaves the cache alone for CACHE_RETRY_SECONDS,
so that a Redis that hangs rather than refuses (a socket timeout per call) does not hold up
every request."""

import logging
import threading
import time

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.signals import setting_changed
from django.dispatch import receiver
from redis.exceptions import RedisError

logger = logging.getLogger("portal.cache")

# What a cache that is down raises: redis-py's errors (refused, timed out, out of memory…) and
# the operating system's for a socket that breaks underneath it.
CACHE_ERRORS = (RedisError, OSError)


class _Outage:
    """This process's view of one cache: down since when, and when to try it again."""

    def __init__(self, alias):
        self.alias = alias
        self.lock = threading.Lock()
        self.since = None
        self.retry_at = 0.0

    def failed(self, error):
        with self.lock:
            self.retry_at = time.monotonic() + settings.CACHE_RETRY_SECONDS
            if self.since is not None:
                return
            self.since = time.monotonic()
        logger.warning(
            "The cache %r is unavailable (%s: %s): the site runs without it (pages uncached, "
            "sessions from the database, rate limits counted by each process) until it is back.",
            self.alias,
            type(error).__name__,
            error,
        )

    def recovered(self):
        with self.lock:
            if self.since is None:
                return
            seconds, self.since = time.monotonic() - self.since, None
        logger.warning("The cache %r is back after %.0f s.", self.alias, seconds)


_outages: dict[str, _Outage] = {}


def _outage(alias):
    if (outage := _outages.get(alias)) is None:
        outage = _outages.setdefault(alias, _Outage(alias))
    return outage


@receiver(setting_changed)
def _forget_outages(*, setting, **kwargs):
    """New caches (tests change CACHES) start with a clean record."""
    if setting == "CACHES":
        _outages.clear()


def cache_is_down(alias="default"):
    """Whether the last use of this cache in this process failed."""
    return _outage(alias).since is not None


def attempt(call, fallback=None, *, alias="default"):
    """`call()`'s result, or `fallback` while the cache `alias` is down."""
    outage = _outage(alias)
    if outage.since is not None and time.monotonic() < outage.retry_at:
        return fallback
    try:
        result = call()
    except CACHE_ERRORS as error:
        outage.failed(error)
        return fallback
    outage.recovered()
    return result


def probe(alias):
    """Whether the cache answers now: a write and a read, whatever the last attempt saw (for
    /readyz). A success ends this process's outage at once."""
    outage = _outage(alias)
    try:
        caches[alias].set("readyz", "1", 5)
        answered = caches[alias].get("readyz") == "1"
    except CACHE_ERRORS as error:
        outage.failed(error)
        return False
    outage.recovered()
    return answered


class TolerantCache:
    """The cache `alias`, which, while it is down, misses on every read and drops every write."""

    def __init__(self, alias):
        self.alias = alias

    @property
    def _cache(self):
        return caches[self.alias]

    def _attempt(self, call, fallback=None):
        return attempt(call, fallback, alias=self.alias)

    def get(self, key, default=None, version=None):
        return self._attempt(lambda: self._cache.get(key, default, version=version), default)

    def get_many(self, keys, version=None):
        return self._attempt(lambda: self._cache.get_many(keys, version=version), {})

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._attempt(lambda: self._cache.set(key, value, timeout, version=version))

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(lambda: self._cache.add(key, value, timeout, version=version), False)

    def incr(self, key, delta=1, version=None):
        """The new value; ValueError if the key is missing; None while the cache is down."""
        return self._attempt(lambda: self._cache.incr(key, delta, version=version))

    def delete(self, key, version=None):
        return self._attempt(lambda: self._cache.delete(key, version=version), False)

    def has_key(self, key, version=None):
        return self._attempt(lambda: self._cache.has_key(key, version=version), False)

    def __contains__(self, key):
        return self.has_key(key)

    def __getattr__(self, name):
        # What is not wrapped above (the async methods, which the site does not use) goes
        # straight to the cache.
        return getattr(self._cache, name)

    def __str__(self):
        return f"TolerantCache({self.alias!r})"
