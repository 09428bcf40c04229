"""Rate limits per client address (django-ratelimit, counters in the shared cache)."""

import math

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django_ratelimit.core import get_usage


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
    usage = get_usage(
        request, group=group, key=client_ip, rate=rate, method=method, increment=increment
    )
    if usage is None:
        return None
    over = usage["should_limit"] if increment else usage["count"] >= usage["limit"]
    return max(1, math.ceil(usage["time_left"])) if over else None


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
    return limit_reached(
        request, group="api", rate=settings.API_RATE_LIMIT, increment=True, method="GET"
    )


def api_too_many_requests(retry_after):
    """The API's 429: JSON, as every API answer is."""
    response = JsonResponse({"detail": "Too many requests; retry later."}, status=429)
    response["Retry-After"] = str(retry_after)
    return response
