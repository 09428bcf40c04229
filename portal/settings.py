"""Settings for the Lạng Sơn industrial land portal.

Every value comes from the environment (django-environ) and the defaults are the production-safe
ones: DEBUG off, no secret key, no allowed host. `make run` and `make test` set the development
values; see README.md for the list.
"""

import os
from importlib.util import find_spec
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# `make run` and `make test` write the development values to var/dev.env (git-ignored), so that
# a developer's plain `manage.py` and `pytest` work too. Production has no such file; the real
# environment always wins over it, and PORTAL_NO_DEV_ENV=1 ignores it (the tests of the
# production defaults do).
if (BASE_DIR / "var" / "dev.env").exists() and not env.bool("PORTAL_NO_DEV_ENV", default=False):
    env.read_env(BASE_DIR / "var" / "dev.env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY")  # no default: a missing key fails loudly
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "modeltranslation",  # before the admin, so translated fields show there
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_countries",
    "phonenumber_field",
    "simple_history",
    "import_export",
    "portal.apps.AxesConfig",  # django-axes, named in Vietnamese in the admin
    "django_filters",
    "ninja",  # its own Swagger UI files, served by the site instead of a CDN
    "csp",
    "bootstrap",  # Bootstrap 5's CSS and JS from the django-bootstrap-static package: no CDN
    "zones",
    "incentives",  # the incentive rules, the estimator and the licensing guide
    "investors",
    "portal",  # site-wide: commands, the staff dashboard, system checks, staff roles
]

MIDDLEWARE = [
    "portal.middleware.RequestLogMiddleware",
    # Keeps a page AnonymousPageCacheMiddleware marked, with the headers of every middleware
    # below: the WSGI layer in front of Django (portal/wsgi.py) serves it as Django would.
    "portal.page_cache.PageCacheStoreMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "portal.middleware.PermissionsPolicyMiddleware",
    "portal.middleware.PrivateCookiesMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # static files already compressed
    # Below WhiteNoise (static files are served compressed as they were collected), above what
    # reads or writes the body: ConditionalGet's ETag is of the uncompressed page (gzip makes it
    # weak). The page cache keeps a page as it was sent, in two copies: gzipped for clients
    # that accept it, plain for the others (kept pages hold no secret for BREACH to find: a
    # page that sets a cookie, such as a form's CSRF token, is never kept).
    "portal.middleware.PublicPagesGZipMiddleware",
    "django.middleware.common.CommonMiddleware",  # checks the Host header, sets Content-Length
    "django.middleware.http.ConditionalGetMiddleware",  # ETag and 304 for unchanged pages
    # What wraps the page cache is done for cached answers too (headers, CORS); what it wraps
    # is skipped by them: sessions (a visitor with one never gets a cached page) and the
    # language (taken from the address, so part of the key).
    "portal.middleware.OpenDataCorsMiddleware",
    "portal.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # After the language is known (its 400 page is in it), before anything reads the form.
    "portal.middleware.MalformedRequestMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",  # who made each change
    "portal.middleware.DatabaseUnavailableMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Admin and developer log-in: 5 failures lock that username from that address for an hour.
# (django-axes' defaults, 3 failures by address alone and forever, let anyone lock everyone out.)
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "axes_lockout.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "portal.ratelimits.axes_client_ip"

LOGIN_URL = "developer:login"
LOGIN_REDIRECT_URL = "developer:home"
LOGOUT_REDIRECT_URL = "home"

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "zones.context_processors.maps",
                "zones.context_processors.shortlist",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Persistent connections: without them PostgreSQL pays a new connection per request.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory, for the test database: the browser tests' live server answers from
    # other threads, which must open their own connections to it. One file per test run, so that
    # two runs at once never share (and destroy) each other's database.
    DATABASES["default"]["TEST"] = {
        "NAME": str(BASE_DIR / "var" / f"test-db-{os.getpid()}.sqlite3")
    }
    # SQLite lets one writer in at a time. Writers queue for the lock instead of failing with
    # "database is locked" (a 503 for the investor): 20 s, not Python's 5, which a burst of
    # inquiries outlasts (tests/investors/test_concurrent_submissions.py). IMMEDIATE takes
    # the lock when a transaction begins, so one that reads before it writes waits its turn
    # too: under DEFERRED, SQLite refuses that upgrade at once, without waiting.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault("timeout", 20)
    DATABASES["default"]["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis in production (CACHE_URL=redis://host:6379/1): rate-limit counters must be shared by
# every worker. Local memory is for development only.
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
# Anonymous pages in a Redis of their own, bounded by maxmemory and evicting (docs/deploy.md),
# so that no flood of pages evicts a rate-limit counter; unset, they share the default cache.
if env.str("PAGE_CACHE_URL", default=""):
    CACHES["pages"] = env.cache("PAGE_CACHE_URL")
for _cache in CACHES.values():
    if _cache["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
        # The same, without a new redis-py client per call (portal/redis_cache.py).
        _cache["BACKEND"] = "portal.redis_cache.RedisCache"
        # redis-py waits for ever by default: a Redis that hangs, rather than refuses, would
        # hold every request. Half a second, then the site goes on without it
        # (portal/cache_outage.py).
        _cache.setdefault("OPTIONS", {})
        _cache["OPTIONS"].setdefault("socket_connect_timeout", 0.5)
        _cache["OPTIONS"].setdefault("socket_timeout", 0.5)
# After a failure of the shared cache, each process leaves it alone this long before trying again.
CACHE_RETRY_SECONDS = 5
# Sessions are read from the cache and written through to the database: any app server finds
# them, and neither a cache flush nor an eviction (pages share that cache) logs anyone out.
# Django's cached_db, except that a cache that is down is a cache that misses.
SESSION_ENGINE = "portal.sessions"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Vietnamese is the site's language (unprefixed URLs); English and Simplified Chinese are
# prefixed (/en/, /zh-hans/). Interface msgids are Vietnamese, so only en and zh_Hans have
# catalogues in locale/.
LANGUAGE_CODE = "vi"
LANGUAGES = [
    ("vi", _("Tiếng Việt")),
    ("en", _("Tiếng Anh")),
    ("zh-hans", _("Tiếng Trung (giản thể)")),
]
# Each language's name as its speakers write it, for the language switcher.
LANGUAGE_NATIVE_NAMES = {"vi": "Tiếng Việt", "en": "English", "zh-hans": "简体中文"}
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["portal.formats"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # Leaflet 1.9.3's files from the django-leaflet package, served by the site (no CDN). Only
    # its static folder is used: the app itself would pull in GeoDjango and GDAL. (A locked
    # dependency, always found: mypy cannot know.)
    ("leaflet", Path(find_spec("leaflet").submodule_search_locations[0]) / "static" / "leaflet"),  # type: ignore[union-attr,index]
]
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "var" / "static")
# Only the files the site serves, of packages that ship whole builds (portal/staticfiles.py).
STATICFILES_FINDERS = [
    "portal.staticfiles.FileSystemFinder",
    "portal.staticfiles.AppDirectoriesFinder",
]
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")
# Developers' documents: never under MEDIA_URL, only through a staff-only download.
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "var" / "private")
# Uploads on this machine's disk by default. With several app servers, MEDIA_STORAGE=s3 puts
# them on S3-compatible object storage (docs/deploy.md, "Media on object storage").
MEDIA_STORAGE = env.str("MEDIA_STORAGE", default="filesystem")
if MEDIA_STORAGE == "filesystem":
    _media_storage: dict[str, Any] = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    _private_storage = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    }
    _media_origins = []  # photos come from this site
elif MEDIA_STORAGE == "s3":
    # boto3 reads the credentials (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, or an instance
    # role) from the environment itself: they never become settings. Every option is passed
    # here rather than as an AWS_* setting, so the private bucket inherits none by accident.
    _s3 = {
        "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default=None),  # MinIO, Ceph, Viettel…
        "region_name": env.str("AWS_S3_REGION_NAME", default=None),
        "signature_version": "s3v4",
        "file_overwrite": False,  # a new upload never replaces a file under the same name
        # Access is the bucket's policy: new AWS buckets refuse uploads that carry an ACL.
        "default_acl": None,
    }
    _media_bucket = env.str("AWS_STORAGE_BUCKET_NAME")
    _private_bucket = env.str("MEDIA_PRIVATE_BUCKET")
    if _private_bucket == _media_bucket:
        raise ImproperlyConfigured(
            "MEDIA_PRIVATE_BUCKET must not be AWS_STORAGE_BUCKET_NAME: the photos' bucket is "
            "public, and developers' documents must never be."
        )
    _media_domain = env.str("AWS_S3_CUSTOM_DOMAIN", default=None)  # a CDN in front, if any
    _media_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3,
            "bucket_name": _media_bucket,
            "custom_domain": _media_domain,
            "querystring_auth": False,  # plain URLs, the same for everyone, that a CDN caches
            # Photo names are random and never reused: what a URL shows never changes.
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }
    _private_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3,
            "bucket_name": _private_bucket,
            # The staff-only view streams documents itself; a URL, if ever made, is signed,
            # expires in minutes and never goes through the CDN.
            "custom_domain": None,
            "querystring_auth": True,
            "querystring_expire": 300,
            "object_parameters": {"CacheControl": "private, no-store"},
        },
    }
    # Photos come from the CDN, or else from the endpoint: the pages' CSP must allow it.
    _media_url = urlsplit(
        f"https://{_media_domain}"
        if _media_domain
        else _s3["endpoint_url"] or "https://s3.amazonaws.com"
    )
    _media_origins = [f"{_media_url.scheme}://{_media_url.netloc}"]
else:
    raise ImproperlyConfigured(
        f"MEDIA_STORAGE must be 'filesystem' or 's3', not {MEDIA_STORAGE!r}."
    )
STORAGES = {
    "default": _media_storage,
    # Developers' documents (zones.models.private_storage): outside MEDIA_ROOT, or in a bucket
    # of their own; only the staff-only download in the admin serves them.
    "private": _private_storage,
    "staticfiles": {
        "BACKEND": env.str(
            "STATICFILES_BACKEND",
            # Hashed, compressed files in production; `make run` serves the source files directly.
            default="whitenoise.storage.CompressedManifestStaticFilesStorage",
        ),
    },
}

# Zone, plot and project text in every language; a missing translation falls back to Vietnamese.
MODELTRANSLATION_DEFAULT_LANGUAGE = "vi"
MODELTRANSLATION_LANGUAGES = ("vi", "en", "zh-hans")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("vi",)

# Bulk updates by spreadsheet: a file applies whole or not at all.
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False
# Map tiles: OpenStreetMap's by default. The page works without them: the list has everything.
MAP_TILE_URL = env.str("MAP_TILE_URL", default="https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env.str("MAP_TILE_ATTRIBUTION", default="© OpenStreetMap contributors")
# Photos: what an upload may be, and the widths of the WebP renditions made from it.
PHOTO_MAX_BYTES = env.int("PHOTO_MAX_BYTES", default=15 * 1024 * 1024)
PHOTO_MAX_PIXELS = env.int("PHOTO_MAX_PIXELS", default=40_000_000)
PHOTO_RENDITION_WIDTHS = (480, 960, 1600)
# Anonymous catalogue pages are served from the cache this long at most; any change of the
# data they show invalidates them at once (zones/page_cache.py). 0 turns the cache off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300)
# Zones a visitor may compare side by side.
COMPARE_MAX_ZONES = 4

# A zone whose figures are older than this shows on the staff dashboard.
STALE_FIGURES_DAYS = 90

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Security: production behind TLS unless told otherwise.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env.bool("TRUST_PROXY_HEADERS", default=False) else None
)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True  # no script reads it: forms carry the token
CSRF_COOKIE_SAMESITE = "Lax"
if SESSION_COOKIE_SECURE:
    # __Host- cookies are only accepted over HTTPS, for this host and path / alone.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
# Bodies and uploads are bounded (Django's own defaults, stated): 2.5 MB of form data, 1000
# fields; photos and documents have their own caps in their validators.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# Content Security Policy (django-csp): scripts only from this site, no inline script, no
# eval; nothing may frame the site, post forms elsewhere or change the base URL.
# The tile server's origin as MAP_TILE_URL spells it (scheme included: a plain-HTTP tile server,
# as `make lighthouse` starts, is another origin than its HTTPS namesake).
_tile_url = urlsplit(MAP_TILE_URL)
_tile_host = f"{_tile_url.scheme}://{_tile_url.netloc}"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        # Leaflet and Swagger UI set styles from their scripts; no script is inline.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", _tile_host, *_media_origins],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

# The site's public address, for links in e-mails (the admin link in a notification).
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

# E-mail: SMTP from EMAIL_URL in production (smtp+tls://user:pass@host:587), console in development.
vars().update(
    env.email_url("EMAIL_URL", default="consolemail://" if DEBUG else "smtp://localhost:25")
)
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="Cổng đầu tư Lạng Sơn <no-reply@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Seconds the mail server may take to answer `send_outbox` (an investor never waits on it).
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
# The investment-promotion inbox that hears of every expression of interest.
INVESTMENT_PROMOTION_EMAIL = env.str("INVESTMENT_PROMOTION_EMAIL", default="xuctiendautu@localhost")
# Outbox: a message that fails this many times is marked failed and shown to staff.
OUTBOX_MAX_ATTEMPTS = env.int("OUTBOX_MAX_ATTEMPTS", default=6)

# Expressions of interest
INQUIRY_RATE_LIMIT = env.str("INQUIRY_RATE_LIMIT", default="5/h")  # per client address
INQUIRY_STATUS_RATE_LIMIT = env.str("INQUIRY_STATUS_RATE_LIMIT", default="20/h")
API_RATE_LIMIT = env.str("API_RATE_LIMIT", default="300/m")  # per client address
INQUIRY_FIRST_RESPONSE_WORKING_DAYS = env.int("INQUIRY_FIRST_RESPONSE_WORKING_DAYS", default=2)
PRIVACY_NOTICE_VERSION = "2026-12"
# The client's address is REMOTE_ADDR, unless a trusted proxy in front sets X-Forwarded-For:
# then it is the address that many hops from the right (1 = the one our proxy saw).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
RATELIMIT_USE_CACHE = "default"  # where portal/ratelimits.py counts

PHONENUMBER_DEFAULT_REGION = "VN"
COUNTRIES_FIRST = ["VN", "CN", "KR", "JP", "TW", "SG", "HK", "TH", "US", "DE"]
COUNTRIES_FIRST_REPEAT = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "portal.middleware.RequestIdFilter"},
        "client_errors_on_one_line": {"()": "portal.middleware.ClientErrorTracebackFilter"},
    },
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id", "client_errors_on_one_line"],
            "formatter": "plain",
        },
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # django-axes reports every successful log-in at INFO; lock-outs are warnings.
    "loggers": {"axes": {"level": "WARNING"}},
}
