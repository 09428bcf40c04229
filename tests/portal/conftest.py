import contextlib
import os
import subprocess
import sys

import pytest

from tests.tools import (
    PRODUCTION_ENV,
    ROOT,
    RedisServer,
    free_port,
    run_in_production,
    wait_until_it_answers,
)

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


@pytest.fixture
def site(tmp_path, redis_server):
    """The environment of real app servers: one database with the Lạng Sơn data, one Redis,
    production settings."""
    env = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}",
        "CACHE_URL": redis_server.url,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "STATICFILES_BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
        "PAGE_CACHE_SECONDS": "300",
        "LOG_LEVEL": "WARNING",
    }
    for command in (["migrate", "--noinput"], ["load_langson"]):
        done = run_in_production(["manage.py", *command], **env)
        assert done.returncode == 0, done.stderr
    return env


@contextlib.contextmanager
def running_app_servers(site, count):
    """`count` gunicorns (deploy/gunicorn.conf.py, one worker each) on `site`: their ports."""
    ports, servers = [free_port() for _ in range(count)], []
    base = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    for port in ports:
        env = {**base, **PRODUCTION_ENV, **site, "GUNICORN_BIND": f"127.0.0.1:{port}"}
        env.update(GUNICORN_WORKERS="1", DJANGO_SETTINGS_MODULE="portal.settings")
        servers.append(
            subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "portal.wsgi"],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
    try:
        for port in ports:
            wait_until_it_answers(port)
        yield ports
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=10)
