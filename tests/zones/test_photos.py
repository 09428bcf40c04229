"""Zone photos: metadata stripped, WebP renditions, fakes and bombs refused, alt text required."""

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from PIL import Image
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import ZoneFactory
from zones.models import ZonePhoto
from zones.photos import validate_photo

pytestmark = pytest.mark.django_db


def jpeg_with_exif():
    image = Image.new("RGB", (2000, 1200), "#2a6f97")
    exif = Image.Exif()
    exif[0x010F] = "SpyCam"  # Make
    exif[0x8825] = {2: (21.0, 36.0, 0.0)}  # GPS
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def bomb_png(width=60_000, height=60_000):
    """A tiny file that claims 3.6 billion pixels: refused before anything is decoded."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 100))
        + chunk(b"IEND", b"")
    )


def test_a_real_jpeg_loses_its_exif_and_gets_webp_renditions(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    zone = ZoneFactory()
    photo = ZonePhoto(
        zone=zone,
        alt_text="Cổng khu công nghiệp",
        image=SimpleUploadedFile("gate.jpg", jpeg_with_exif(), "image/jpeg"),
    )
    photo.full_clean()
    photo.save()

    stored = Image.open(photo.image.path)
    assert not stored.getexif()
    assert sorted(map(int, photo.renditions)) == [480, 960, 1600]
    for name in photo.renditions.values():
        assert Image.open(tmp_path / name).format == "WEBP"
    response = client.get(zone.get_absolute_url())
    assertContains(response, 'loading="lazy"')
    assertContains(response, " 480w, ")
    assertContains(response, 'alt="Cổng khu công nghiệp"')
    assertNotContains(response, "gate.jpg")  # stored under a generated name


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("report.jpg", b"This is a text file, not a photo.", "không phải là ảnh"),
        ("bomb.png", bomb_png(), "quá nhiều điểm ảnh"),
    ],
)
def test_a_fake_image_or_a_decompression_bomb_is_refused_with_a_message(name, content, message):
    with pytest.raises(ValidationError) as error:
        validate_photo(SimpleUploadedFile(name, content))
    assert message in " ".join(error.value.messages)


def test_a_photo_needs_alt_text(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    photo = ZonePhoto(
        zone=ZoneFactory(),
        alt_text="",
        image=SimpleUploadedFile("gate.jpg", jpeg_with_exif(), "image/jpeg"),
    )
    with pytest.raises(ValidationError) as error:
        photo.full_clean()
    assert "alt_text" in error.value.message_dict
    photo.alt_text = "Cổng"
    photo.save()
    with pytest.raises(IntegrityError), transaction.atomic():
        ZonePhoto.objects.rewrite(False).filter(pk=photo.pk).update(alt_text="")
