"""Media on object storage for several app servers: public photos behind a CDN, private
documents never public, the local disk by default."""

import functools
import io
import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.storage import FileSystemStorage, InMemoryStorage, default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.factories import ZoneFactory
from tests.tools import run_in_production
from zones.models import Proposal, ZonePhoto

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


def probe(**env):
    """What production's settings make of `env`; a process per environment, asked once."""
    return _probe(tuple(sorted(env.items())))


@functools.cache
def _probe(env):
    result = run_in_production(["-c", PROBE], **dict(env))
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
    result = run_in_production(["manage.py", "check"], **env)
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
