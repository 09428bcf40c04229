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
from tests.tools import unchanged_form
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


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_with_huge_text_after_the_pixels():
    """A small PNG whose zTXt chunk, after the pixels, inflates to 50 MB."""
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), "#2a6f97").save(buffer, "PNG")
    png = buffer.getvalue()
    end = png.rindex(b"IEND") - 4
    text = png_chunk(b"zTXt", b"Comment\x00\x00" + zlib.compress(b"A" * 50_000_000, 9))
    return png[:end] + text + png[end:]


def truncated_jpeg():
    data = jpeg_with_exif()
    return data[: len(data) // 2]


@pytest.mark.parametrize(
    ("name", "content"),
    [("cut.jpg", truncated_jpeg()), ("text.png", png_with_huge_text_after_the_pixels())],
)
def test_a_truncated_image_or_one_with_a_huge_text_chunk_is_refused(name, content):
    with pytest.raises(ValidationError) as error:
        validate_photo(SimpleUploadedFile(name, content))
    assert "không phải là ảnh" in " ".join(error.value.messages)


def test_an_upload_never_deletes_a_file_it_did_not_create(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "canary.png").write_bytes(b"someone else's file")
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "canary.png").write_bytes(b"someone else's file")
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), "#2a6f97").save(buffer, "PNG")
    for name in ("canary.png", "photos/canary.png"):
        photo = ZonePhoto(
            zone=ZoneFactory(),
            alt_text="Cổng",
            image=SimpleUploadedFile(name, buffer.getvalue(), "image/png"),
        )
        photo.full_clean()
        photo.save()
    assert (tmp_path / "canary.png").read_bytes() == b"someone else's file"
    assert (tmp_path / "photos" / "canary.png").read_bytes() == b"someone else's file"


@pytest.mark.parametrize(
    ("kind", "extension"), [("JPEG", ".jpg"), ("PNG", ".png"), ("WEBP", ".webp")]
)
def test_the_cleaned_original_is_stored_with_its_format_extension(
    settings, tmp_path, kind, extension
):
    settings.MEDIA_ROOT = tmp_path
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), "#2a6f97").save(buffer, kind)
    photo = ZonePhoto(
        zone=ZoneFactory(),
        alt_text="Cổng",
        image=SimpleUploadedFile("upload.bin", buffer.getvalue()),
    )
    photo.full_clean()
    photo.save()
    assert photo.image.name.endswith(extension)
    assert Image.open(photo.image.path).format == kind


def icc_profile():
    from PIL import ImageCms

    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description>SecretPlace</rdf:Description>'
XMP += b"</x:xmpmeta>"


@pytest.mark.parametrize("kind", ["JPEG", "PNG", "WEBP"])
def test_every_metadata_segment_is_stripped(settings, tmp_path, kind):
    settings.MEDIA_ROOT = tmp_path
    image = Image.new("RGB", (640, 480), "#2a6f97")
    exif = Image.Exif()
    exif[0x010F] = "SpyCam"
    extra = {"exif": exif, "icc_profile": icc_profile(), "xmp": XMP}
    if kind == "JPEG":
        extra["comment"] = b"SecretComment"
    if kind == "PNG":
        from PIL import PngImagePlugin

        info = PngImagePlugin.PngInfo()
        info.add_text("Comment", "SecretComment")
        info.add_text("Author", "SecretComment", zip=True)
        info.add_itxt("XML:com.adobe.xmp", XMP.decode())
        extra["pnginfo"] = info
    buffer = io.BytesIO()
    image.save(buffer, kind, **extra)
    assert b"SpyCam" in buffer.getvalue() and b"SecretPlace" in buffer.getvalue()

    photo = ZonePhoto(
        zone=ZoneFactory(),
        alt_text="Cổng",
        image=SimpleUploadedFile(f"upload.{kind.lower()}", buffer.getvalue()),
    )
    photo.full_clean()
    photo.save()

    for name in [photo.image.name, *photo.renditions.values()]:
        stored = (tmp_path / name).read_bytes()
        for secret in (b"SpyCam", b"SecretPlace", b"SecretComment", b"Exif", b"xmpmeta"):
            assert secret not in stored, (name, secret)
        for marker in (b"ICC_PROFILE", b"iCCP", b"ICCP", b"\xff\xfe", b"tEXt", b"zTXt", b"iTXt"):
            assert marker not in stored, (name, marker)
        reopened = Image.open(tmp_path / name)
        assert not reopened.info.get("icc_profile") and not reopened.getexif()


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


def test_a_zone_with_a_photo_saves_unchanged_in_the_admin(admin_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    zone = ZoneFactory()
    photo = ZonePhoto(
        zone=zone,
        alt_text="Cổng",
        image=SimpleUploadedFile("gate.jpg", jpeg_with_exif(), "image/jpeg"),
    )
    photo.save()
    url = f"/admin/zones/zone/{zone.pk}/change/"

    form = unchanged_form(admin_client.get(url).content.decode(), "zone_form")
    assert form["photos-INITIAL_FORMS"] == ["1"]
    response = admin_client.post(url, form)

    assert response.status_code == 302, response.context and [
        f.errors for f in response.context["inline_admin_formsets"]
    ]
    photo.refresh_from_db()
    assert photo.alt_text == "Cổng" and photo.renditions


@pytest.mark.parametrize(
    ("name", "kind", "message"),
    [
        (
            "map.gif",
            "GIF",
            "Chỉ nhận tệp có đuôi .jpg, .jpeg, .png hoặc .webp (không nhận “.gif”).",
        ),
        ("map.png", "GIF", "Chỉ nhận ảnh JPEG, PNG hoặc WebP."),
        (
            "photo.exe",
            "PNG",
            "Chỉ nhận tệp có đuôi .jpg, .jpeg, .png hoặc .webp (không nhận “.exe”).",
        ),
    ],
)
def test_a_photo_of_another_format_or_extension_is_refused_in_vietnamese_in_the_admin(
    admin_client, settings, tmp_path, name, kind, message
):
    settings.MEDIA_ROOT = tmp_path
    zone = ZoneFactory()
    url = f"/admin/zones/zone/{zone.pk}/change/"
    form = unchanged_form(admin_client.get(url).content.decode(), "zone_form")
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), "#2a6f97").save(buffer, kind)
    form.update(
        {
            "photos-TOTAL_FORMS": ["1"],
            "photos-0-image": SimpleUploadedFile(name, buffer.getvalue()),
            "photos-0-alt_text_vi": ["Bản đồ"],
            "photos-0-position": ["0"],
            "photos-0-zone": [str(zone.pk)],
        }
    )
    response = admin_client.post(url, form)
    assert response.status_code == 200
    [photos] = [
        f for f in response.context["inline_admin_formsets"] if f.formset.prefix == "photos"
    ]
    messages = photos.formset.forms[0].errors["image"]
    assert messages == [message]
    assert not ZonePhoto.objects.exists()
