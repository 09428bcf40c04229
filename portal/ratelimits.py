"""Rate limits per client address (django-ratelimit, counters in the shared cache).

While the shared cache is down, each process counts for itself, in its own memory. That keeps
every limit (a client gets at most the limit times the number of worker processes) without a
500 and without writing a row per request to the database, which is what is left to protect;
counting stored inquiries instead would mean keeping every investor's address with their
inquiry, and would cover neither the API nor status look-ups."""

import math
import time

from django.conf import settings
from django.core.cache.backends.locmem import LocMemCache
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import JsonResponse
from django.shortcuts import render
from django_ratelimit.core import get_usage

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
    usage = attempt(
        lambda: get_usage(
            request, group=group, key=client_ip, rate=rate, method=method, increment=increment
        ),
        _CACHE_DOWN,
        alias=settings.RATELIMIT_USE_CACHE,
    )
    if usage is _CACHE_DOWN:
        usage = _local_usage(request, group=group, rate=rate, increment=increment, method=method)
    if usage is None:
        return None
    over = usage["should_limit"] if increment else usage["count"] >= usage["limit"]
    return max(1, math.ceil(usage["time_left"])) if over else None


def _local_usage(request, *, group, rate, increment, method):
    """get_usage's answer, from this process's own counters."""
    if request.method != method:
        return None
    number, _, period = rate.partition("/")
    limit, seconds = int(number), int(period[:-1] or 1) * SECONDS[period[-1]]
    now = int(time.time())
    window_ends = now - now % seconds + seconds
    key = f"{group}:{rate}:{client_ip(group, request)}:{window_ends}"
    if increment:
        _local_counters.add(key, 0, seconds)
        count = _local_counters.incr(key)
    else:
        count = _local_counters.get(key, 0)
    return {
        "count": count,
        "limit": limit,
        "should_limit": count > limit,
        "time_left": window_ends - now,
    }


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
