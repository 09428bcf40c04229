"""Rate limits per client address, counted in the shared cache: a fixed window per client
(ending at an offset of its own, as django-ratelimit's do, so that not every window ends at
once), one counter per window. On Redis a request is counted in one round trip (INCR and EXPIRE
in a script); django-ratelimit's get_usage took three (an ADD, then Django's incr: EXISTS and
INCRBY), and every API answer, the cached ones too, pays it.

While the shared cache is down, each process counts for itself, in its own memory. That keeps
every limit (a client gets at most the limit times the number of worker processes) without a
500 and without writing a row per request to the database, which is what is left to protect;
counting stored inquiries instead would mean keeping every investor's address with their
inquiry, and would cover neither the API nor status look-ups."""

import hashlib
import math
import time
import zlib

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import JsonResponse
from django.shortcuts import render
from redis.commands.core import Script

from .cache_outage import attempt

SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
# This process's counters while the shared cache is down; the oldest go first past 10,000.
_local_counters = LocMemCache("portal-ratelimits", {"MAX_ENTRIES": 10_000})
_CACHE_DOWN = object()
# In the WSGI environ of a request already counted against the API limit before Django (the
# page cache's lookup, portal/page_cache.py): the seconds to wait, or None. No client can set
# it: headers arrive as HTTP_*.
API_COUNTED = "portal.api_counted"


def client_ip(group, request):
    """The client's address: REMOTE_ADDR, or, behind TRUSTED_PROXY_COUNT trusted proxies,
    the address the outermost of them saw in X-Forwarded-For. A client can forge the left part
    of that header, never the part our own proxies appended."""
    hops = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if hops and forwarded:
        addresses = [a.strip() for a in forwarded.split(",") if a.strip()]
        if len(addresses) >= hops:
            return addresses[-hops]
    return request.META.get("REMOTE_ADDR", "")


def axes_client_ip(request):
    """django-axes locks by the same client address as the rate limits."""
    return client_ip(None, request)


def limit_reached(request, *, group, rate, increment, method="POST"):
    """Count this request against the client's limit (if `increment`) and return the seconds
    until the window ends when the limit is reached, else None."""
    if request.method != method:
        return None
    usage = attempt(
        lambda: _usage(caches[settings.RATELIMIT_USE_CACHE], request, group, rate, increment),
        _CACHE_DOWN,
        alias=settings.RATELIMIT_USE_CACHE,
    )
    if usage is _CACHE_DOWN:
        usage = _usage(_local_counters, request, group, rate, increment)
    count, limit, time_left = usage
    over = count > limit if increment else count >= limit
    return max(1, math.ceil(time_left)) if over else None


def _usage(cache, request, group, rate, increment):
    """(requests counted in the client's current window, the limit, seconds left in it)."""
    number, _, period = rate.partition("/")
    limit, seconds = int(number), int(period[:-1] or 1) * SECONDS[period[-1]]
    client = client_ip(group, request)
    now = int(time.time())
    # django-ratelimit's windows: each client's ends at an offset of its own.
    window_ends = now - now % seconds + zlib.crc32(client.encode()) % seconds
    if window_ends <= now:
        window_ends += seconds
    # Hashed: an address (or a proxy's odd value) never makes a key the cache refuses.
    name = hashlib.sha256(f"{group}:{limit}/{seconds}:{client}".encode()).hexdigest()[:32]
    key = f"rl:{name}:{window_ends}"
    if not increment:
        count = cache.get(key, 0)
    elif isinstance(cache, RedisCache):
        count = _redis_incr(cache, key, seconds + 1)
    else:
        cache.add(key, 0, seconds + 1)
        count = cache.incr(key)
    return count, limit, window_ends - now


# INCR, and EXPIRE on the window's first request, in one command (and atomically).
_INCR = Script(
    None,  # type: ignore[arg-type]  # no client of its own: each call names the cache's
    b"local count = redis.call('INCR', KEYS[1]) "
    b"if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end "
    b"return count",
)


def _redis_incr(cache, key, seconds):
    """The count after this request, in one round trip (Django's incr makes two, after an ADD;
    a pipeline would do too, but redis-py builds each one as dearly as a client). Django's
    RedisCache keeps integers as Redis integers, so `cache.get` reads the count back."""
    key = cache.make_and_validate_key(key)
    return _INCR(keys=[key], args=[seconds], client=cache._cache.get_client(key, write=True))


@receiver(setting_changed)
def _forget_local_counts(*, setting, **kwargs):
    """A new cache (tests change CACHES) starts with no counts, here as in the cache."""
    if setting == "CACHES":
        _local_counters.clear()


def too_many_requests(request, retry_after):
    response = render(
        request, "429.html", {"retry_minutes": math.ceil(retry_after / 60)}, status=429
    )
    response["Retry-After"] = str(retry_after)
    return response


def api_throttle(request):
    """Count this request against the client's API limit, once per request: the page cache
    counts a request it answers from the cache, the endpoint one it answers itself. The seconds
    to wait when over the limit, else None."""
    if getattr(request, "api_request_counted", False):
        return None
    request.api_request_counted = True
    if API_COUNTED in request.META:  # counted before Django, by the page cache's WSGI layer
        return request.META[API_COUNTED]
    return limit_reached(
        request, group="api", rate=settings.API_RATE_LIMIT, increment=True, method="GET"
    )


def api_too_many_requests(retry_after):
    """The API's 429: JSON, as every API answer is."""
    response = JsonResponse({"detail": "Too many requests; retry later."}, status=429)
    response["Retry-After"] = str(retry_after)
    return response
