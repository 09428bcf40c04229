"""Sessions and counters in a cache every app server shares, and a warning when production
runs with one that only one process sees."""

from importlib import import_module

import pytest
from django.contrib.sessions.models import Session
from django.core import checks
from django.core.cache import caches
from django.test import Client
from django.urls import reverse

from portal.checks import check_cache_is_shared
from tests.tools import run_in_production


@pytest.mark.django_db
def test_a_session_from_one_app_server_is_found_by_another_even_after_a_cache_flush(
    settings, superuser
):
    assert settings.SESSION_ENGINE == "portal.sessions"  # cached_db, tolerant of a cache outage
    first_server = Client()
    response = first_server.post(
        reverse("developer:login"), {"username": "chief", "password": "pw"}
    )
    assert response.status_code == 302
    key = first_server.cookies[settings.SESSION_COOKIE_NAME].value

    store = import_module(settings.SESSION_ENGINE).SessionStore(key)
    cached = caches[settings.SESSION_CACHE_ALIAS].get(store.cache_key)
    assert cached["_auth_user_id"] == str(superuser.pk)
    assert Session.objects.get(session_key=key).get_decoded()["_auth_user_id"] == str(superuser.pk)

    second_server = Client()  # shares only the cache and the database with the first
    second_server.cookies[settings.SESSION_COOKIE_NAME] = key
    assert second_server.get("/admin/").status_code == 200
    caches[settings.SESSION_CACHE_ALIAS].clear()  # Redis restarted or flushed
    assert second_server.get("/admin/").status_code == 200
    assert Client().get("/admin/").status_code == 302  # no session, no admin


def test_production_with_a_per_process_cache_gets_a_warning(settings):
    settings.DEBUG = False
    [warning] = check_cache_is_shared(None)
    assert warning.id == "portal.W001" and warning.level == checks.WARNING
    assert "CACHE_URL" in warning.hint
    assert "portal.W001" in [m.id for m in checks.run_checks(tags=[checks.Tags.caches])]


def test_a_shared_cache_or_development_gets_no_warning(settings):
    settings.DEBUG = True
    assert check_cache_is_shared(None) == []
    settings.DEBUG = False
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
        }
    }
    assert check_cache_is_shared(None) == []


def test_production_without_cache_url_fails_the_deployment_checklist():
    result = run_in_production(["manage.py", "check", "--deploy", "--fail-level", "WARNING"])
    assert result.returncode != 0
    assert "portal.W001" in result.stdout + result.stderr


def test_the_redis_cache_keeps_one_client_per_connection_pool(redis_cache):
    # Django's makes a redis-py client per call, 0.1 ms of CPU each (portal/redis_cache.py).
    cache = caches["default"]
    assert cache._cache.get_client("a") is cache._cache.get_client("b")
    cache.set("kept", 1)
    assert cache.get("kept") == 1 and cache.incr("kept") == 2
