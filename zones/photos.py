"""Zone photos: what an upload must be, and the WebP renditions made from it.

Django checks neither an upload's size nor its pixels. Here a photo must be a real JPEG, PNG
or WebP, within the size and pixel limits (so a decompression bomb is refused before it is
decoded), that decodes whole (a truncated file or an oversized text chunk is refused here, not
found while processing); every metadata segment (EXIF and GPS, XMP, comments, text chunks, the
colour profile once the pixels are in sRGB) is dropped by re-encoding, and resized WebP
renditions are made for `srcset`.
"""

import io
import uuid
import warnings

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.validators import FileExtensionValidator
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageFile, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


class PhotoFormField(forms.ImageField):
    """The photo field of forms: the extensions of the formats a photo may be, refused in the
    site's words (Django's own message lists every format Pillow reads, in English only)."""

    default_validators = [
        FileExtensionValidator(
            [*ALLOWED_FORMATS.values(), "jpeg"],
            message=_(
                "Chỉ nhận tệp có đuôi .jpg, .jpeg, .png hoặc .webp (không nhận “.%(extension)s”)."
            ),
        )
    ]


def _open(upload):
    """Open an image with the pixel limit enforced as an error, never as a warning."""
    Image.MAX_IMAGE_PIXELS = settings.PHOTO_MAX_PIXELS
    # A truncated file must fail to decode: never grey pixels, never a half-read photo.
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    upload.seek(0)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        return Image.open(upload)


def validate_photo(upload):
    if getattr(upload, "_committed", False):
        # Already stored, so validated when it was uploaded (and processed since): an unchanged
        # form hands the stored file back here, which is not an upload to check.
        return
    if upload.size > settings.PHOTO_MAX_BYTES:
        raise ValidationError(
            _("Ảnh quá lớn (%(size)s); tối đa %(max)s."),
            params={
                "size": filesizeformat(upload.size),
                "max": filesizeformat(settings.PHOTO_MAX_BYTES),
            },
            code="too_large",
        )
    try:
        image = _open(upload)
        if image.format not in ALLOWED_FORMATS:
            raise ValidationError(_("Chỉ nhận ảnh JPEG, PNG hoặc WebP."), code="format")
        if image.width * image.height > settings.PHOTO_MAX_PIXELS:
            raise Image.DecompressionBombError("too many pixels")
        image.verify()
        # verify() checks the structure only: decode every pixel and every chunk too (text
        # chunks after the pixels are read at the end, each bounded by MAX_TEXT_CHUNK).
        _open(upload).load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(
            _("Ảnh có quá nhiều điểm ảnh (tối đa %(max)s triệu)."),
            params={"max": settings.PHOTO_MAX_PIXELS // 1_000_000},
            code="too_many_pixels",
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise ValidationError(
            _("Tệp không phải là ảnh hợp lệ (JPEG, PNG hoặc WebP)."), code="not_an_image"
        ) from None
    finally:
        upload.seek(0)


def _to_srgb(image):
    """The pixels in sRGB, so that dropping the colour profile keeps the colours."""
    profile = image.info.get("icc_profile")
    if not profile:
        return image
    try:
        return ImageCms.profileToProfile(
            image, io.BytesIO(profile), ImageCms.createProfile("sRGB"), outputMode=image.mode
        )
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image  # a broken profile: the pixels as they are


def process_photo(photo):
    """Re-encode the original without metadata, and write the WebP renditions.

    Returns (width, height, renditions {width: storage name})."""
    image = _open(photo.image)
    image.load()
    save_format = image.format
    image = ImageOps.exif_transpose(image)  # keep the orientation the camera meant
    if image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA" if "transparency" in image.info else "RGB")
    if save_format == "JPEG" and image.mode == "RGBA":
        image = image.convert("RGB")
    image = _to_srgb(image)
    # Pillow writes back what it read (comments, XMP, EXIF, text chunks, the colour profile):
    # nothing read may reach a file written.
    image.info.clear()
    stem = f"photos/{uuid.uuid4().hex}"

    clean = io.BytesIO()
    image.save(clean, save_format, quality=88)
    # Only a stored original that this site named (never the uploader's name: that may be
    # another file's) is replaced by the cleaned one.
    replaced = photo.image.name if photo.image._committed else None
    photo.image.save(
        f"clean.{ALLOWED_FORMATS[save_format]}", ContentFile(clean.getvalue()), save=False
    )
    if replaced and replaced != photo.image.name:
        default_storage.delete(replaced)

    renditions = {}
    for width in settings.PHOTO_RENDITION_WIDTHS:
        if width > image.width and renditions:
            break
        target = min(width, image.width)
        resized = image.copy()
        resized.thumbnail((target, target * 10), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        resized.save(buffer, "WEBP", quality=80)
        renditions[str(target)] = default_storage.save(
            f"{stem}-{target}.webp", ContentFile(buffer.getvalue())
        )
    return image.width, image.height, renditions
