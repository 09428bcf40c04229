"""Health endpoints for load balancers and orchestrators: no personal data, not throttled."""

import logging

from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from .cache_outage import probe

logger = logging.getLogger(__name__)


@never_cache
def healthz(request):
    """Liveness: the process answers."""
    return JsonResponse({"status": "ok"})


@never_cache
def readyz(request):
    """Readiness: 503 when the database does not answer. The cache may be down: every app
    server shares it, so taking this one out of the load balancer would help nothing, and the
    site runs without it (uncached pages, per-process rate limits): "degraded", still 200."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception as error:  # any failure means not ready; why is for the logs, not the world
        checks["database"] = "unavailable"
        logger.warning("Not ready, database unavailable: %s", type(error).__name__)
    answers = [probe(alias) for alias in settings.CACHES]  # each of them, even after a failure
    checks["cache"] = "ok" if all(answers) else "degraded"
    if checks["database"] != "ok":
        status = "unavailable"
    else:
        status = "ok" if checks["cache"] == "ok" else "degraded"
    return JsonResponse(
        {"status": status, **checks}, status=503 if status == "unavailable" else 200
    )
