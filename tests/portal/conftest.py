import pytest

from tests.tools import RedisServer

# How long a process leaves the cache alone after a failure, in these tests.
CACHE_RETRY_SECONDS = 0.2


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path).start()
    yield server
    server.stop()


@pytest.fixture
def redis_cache(settings, redis_server):
    """The site's cache is the test's own Redis, as production's is Redis (CACHE_URL); pages
    are cached."""
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.redis_cache.RedisCache",
            "LOCATION": redis_server.url,
        }
    }
    settings.CACHE_RETRY_SECONDS = CACHE_RETRY_SECONDS
    settings.PAGE_CACHE_SECONDS = 300
    return redis_server
