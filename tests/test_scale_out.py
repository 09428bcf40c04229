"""Stateless app servers: media on object storage, sessions and counters in the shared cache,
and a warning when production runs with a cache that only one process sees."""

import io
import json
import os
import subprocess
import sys
from importlib import import_module
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.sessions.models import Session
from django.core import checks
from django.core.cache import caches
from django.core.files.storage import FileSystemStorage, InMemoryStorage, default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from tests.factories import ZoneFactory
from zones.checks import check_cache_is_shared
from zones.models import Proposal, ZonePhoto

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "PORTAL_NO_DEV_ENV": "1",
    "SECRET_KEY": "q8Zr2Lw9vXk4Tn7Bp1Ys6Hd3Gf0Jm5Qc8Wa2Ee7Ru4Io9Pl1Ks6Dz3",
    "ALLOWED_HOSTS": "dautu.langson.gov.vn",
    # boto3 must find everything in the environment given here, and ask no one else.
    "AWS_CONFIG_FILE": os.devnull,
    "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
    "AWS_EC2_METADATA_DISABLED": "true",
}
S3 = {
    "MEDIA_STORAGE": "s3",
    "AWS_STORAGE_BUCKET_NAME": "portal-media",
    "MEDIA_PRIVATE_BUCKET": "portal-private",
    "AWS_S3_ENDPOINT_URL": "https://s3.hcm.example.vn",
    "AWS_S3_REGION_NAME": "hcm",
    "AWS_ACCESS_KEY_ID": "test-key",
    "AWS_SECRET_ACCESS_KEY": "test-secret",
}
CDN = "media.dautu.langson.gov.vn"

# What the settings module makes of the environment, seen from a process of its own.
PROBE = """
import json
import django
django.setup()
from django.conf import settings
from django.core.files.storage import storages
from zones.models import Proposal, ZonePhoto
photos = ZonePhoto._meta.get_field("image").storage
documents = Proposal._meta.get_field("document").storage
print(json.dumps({
    "storages": {alias: settings.STORAGES[alias] for alias in ("default", "private")},
    "photo_storage": photos.__class__.__name__,
    "document_storage": documents.__class__.__name__,
    "documents_use_private_alias": documents is storages["private"],
    "photo_url": photos.url("photos/gate-480.webp"),
    "document_url": documents.url("proposals/plan.pdf"),
    "img_src": settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"],
}))
"""


def run(args, **env):
    inherited = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECRET_KEY", "CACHE_URL", "MEDIA_STORAGE", "MEDIA_PRIVATE_BUCKET"}
        and not k.startswith("AWS_")
    }
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={**inherited, **PRODUCTION, "DJANGO_SETTINGS_MODULE": "portal.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def probe(**env):
    result = run(["-c", PROBE], **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def test_media_storage_s3_puts_photos_in_the_public_bucket_behind_the_cdn():
    seen = probe(**S3, AWS_S3_CUSTOM_DOMAIN=CDN)
    media = seen["storages"]["default"]
    assert media["BACKEND"] == "storages.backends.s3.S3Storage"
    assert media["OPTIONS"] == {
        "bucket_name": "portal-media",
        "endpoint_url": "https://s3.hcm.example.vn",
        "region_name": "hcm",
        "custom_domain": CDN,
        "signature_version": "s3v4",
        "querystring_auth": False,
        "file_overwrite": False,
        "default_acl": None,
        "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
    }
    assert "AWS_ACCESS_KEY_ID" not in json.dumps(seen)  # boto3 reads them, settings do not
    assert seen["photo_storage"] == "S3Storage"
    assert seen["photo_url"] == f"https://{CDN}/photos/gate-480.webp"  # plain, cacheable
    assert origin(seen["photo_url"]) in seen["img_src"]


def test_without_a_cdn_photos_come_from_the_endpoint_and_the_csp_allows_it():
    seen = probe(**S3)
    assert seen["photo_url"] == "https://s3.hcm.example.vn/portal-media/photos/gate-480.webp"
    assert origin(seen["photo_url"]) in seen["img_src"]


def test_private_documents_never_get_a_public_s3_location():
    seen = probe(**S3, AWS_S3_CUSTOM_DOMAIN=CDN)
    private = seen["storages"]["private"]["OPTIONS"]
    assert seen["document_storage"] == "S3Storage" and seen["documents_use_private_alias"]
    assert private["bucket_name"] == "portal-private"
    assert private["querystring_auth"] is True and private["querystring_expire"] == 300
    assert private["custom_domain"] is None
    assert private["object_parameters"] == {"CacheControl": "private, no-store"}

    url = urlsplit(seen["document_url"])
    assert (url.netloc, url.path) == ("s3.hcm.example.vn", "/portal-private/proposals/plan.pdf")
    query = parse_qs(url.query)
    assert query["X-Amz-Signature"] and query["X-Amz-Expires"] == ["300"]
    assert CDN not in seen["document_url"]


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"MEDIA_STORAGE": "nfs"}, "MEDIA_STORAGE must be 'filesystem' or 's3', not 'nfs'"),
        ({k: v for k, v in S3.items() if k != "MEDIA_PRIVATE_BUCKET"}, "MEDIA_PRIVATE_BUCKET"),
        ({**S3, "MEDIA_PRIVATE_BUCKET": "portal-media"}, "must not be AWS_STORAGE_BUCKET_NAME"),
    ],
    ids=["unknown storage", "no private bucket", "private bucket is the public one"],
)
def test_a_media_storage_that_cannot_be_right_refuses_to_start(env, message):
    result = run(["manage.py", "check"], **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and message in result.stderr


def test_by_default_media_stays_on_the_local_disk_and_documents_outside_media_root(settings):
    assert settings.MEDIA_STORAGE == "filesystem"
    assert settings.STORAGES["default"] == {
        "BACKEND": "django.core.files.storage.FileSystemStorage"
    }
    documents = Proposal._meta.get_field("document").storage
    assert isinstance(documents, FileSystemStorage)
    assert documents.location == str(settings.PRIVATE_MEDIA_ROOT)
    # Whatever is served under MEDIA_URL comes from MEDIA_ROOT: documents are not in it.
    assert not Path(documents.path("proposals/plan.pdf")).is_relative_to(settings.MEDIA_ROOT)


def jpeg():
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), "teal").save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.mark.django_db
def test_a_saved_photo_and_its_renditions_go_through_the_default_storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    photo = ZonePhoto(
        zone=ZoneFactory(),
        alt_text="Cổng khu công nghiệp",
        image=SimpleUploadedFile("gate.jpg", jpeg(), "image/jpeg"),
    )
    photo.full_clean()
    photo.save()

    assert isinstance(ZonePhoto._meta.get_field("image").storage._wrapped, InMemoryStorage)
    names = [photo.image.name, *photo.renditions.values()]
    assert len(names) == 3  # the clean original, a 480 and a 960 rendition
    assert all(default_storage.exists(name) for name in names)
    assert list(tmp_path.iterdir()) == []  # nothing written to the local disk


@pytest.mark.django_db
def test_a_session_from_one_app_server_is_found_by_another_even_after_a_cache_flush(
    settings, superuser
):
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.cached_db"
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
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"])
    assert result.returncode != 0
    assert "portal.W001" in result.stdout + result.stderr
