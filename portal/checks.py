"""System checks for running as many workers on many servers."""

from django.conf import settings
from django.core import checks

# Caches that no other worker sees: rate-limit counters and cached sessions kept there are
# per process (or nowhere), so each gunicorn worker would count and remember on its own.
UNSHARED_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@checks.register(checks.Tags.caches)
def check_cache_is_shared(app_configs, **kwargs):
    backend = settings.CACHES["default"]["BACKEND"]
    if settings.DEBUG or backend not in UNSHARED_CACHES:
        return []
    return [
        checks.Warning(
            f"The default cache ({backend}) is not shared between processes: each worker "
            "keeps its own rate-limit counters, sessions and cached pages.",
            hint="Set CACHE_URL to a Redis server shared by every worker and app server, "
            "e.g. CACHE_URL=redis://127.0.0.1:6379/1.",
            id="portal.W001",
        )
    ]
