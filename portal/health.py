"""Health endpoints for load balancers and orchestrators: no personal data, not throttled."""

import logging

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


@never_cache
def healthz(request):
    """Liveness: the process answers."""
    return JsonResponse({"status": "ok"})


@never_cache
def readyz(request):
    """Readiness: the database and the cache answer; 503 when either does not."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception as error:  # any failure means not ready; why is for the logs, not the world
        checks["database"] = "unavailable"
        logger.warning("Not ready, database unavailable: %s", type(error).__name__)
    try:
        cache.set("readyz", "1", 5)
        checks["cache"] = "ok" if cache.get("readyz") == "1" else "unavailable"
    except Exception as error:
        checks["cache"] = "unavailable"
        logger.warning("Not ready, cache unavailable: %s", type(error).__name__)
    ready = all(state == "ok" for state in checks.values())
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", **checks}, status=200 if ready else 503
    )
