"""Zone photos: what an upload must be, and the WebP renditions made from it.

Django checks neither an upload's size nor its pixels. Here a photo must be a real JPEG, PNG
or WebP, within the size and pixel limits (so a decompression bomb is refused before it is
decoded); its metadata (EXIF, GPS) is stripped by re-encoding, and resized WebP renditions
are made for `srcset`.
"""

import io
import uuid
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


def _open(upload):
    """Open an image with the pixel limit enforced as an error, never as a warning."""
    Image.MAX_IMAGE_PIXELS = settings.PHOTO_MAX_PIXELS
    upload.seek(0)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        return Image.open(upload)


def validate_photo(upload):
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
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(
            _("Ảnh có quá nhiều điểm ảnh (tối đa %(max)s triệu)."),
            params={"max": settings.PHOTO_MAX_PIXELS // 1_000_000},
            code="too_many_pixels",
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(
            _("Tệp không phải là ảnh hợp lệ (JPEG, PNG hoặc WebP)."), code="not_an_image"
        ) from None
    finally:
        upload.seek(0)


def process_photo(photo):
    """Re-encode the original without metadata, and write the WebP renditions.

    Returns (width, height, renditions {width: storage name})."""
    image = _open(photo.image)
    image.load()
    extension = ALLOWED_FORMATS[image.format]
    image = ImageOps.exif_transpose(image)  # keep the orientation the camera meant
    if image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA" if "transparency" in image.info else "RGB")
    stem = f"photos/{uuid.uuid4().hex}"

    clean = io.BytesIO()
    save_format = {"jpg": "JPEG", "png": "PNG", "webp": "WEBP"}[extension]
    if save_format == "JPEG" and image.mode == "RGBA":
        image = image.convert("RGB")
    image.save(clean, save_format, quality=88)  # no exif= given: the metadata is gone
    old_name = photo.image.name
    photo.image.save(f"{stem}.{extension}", ContentFile(clean.getvalue()), save=False)
    if old_name and old_name != photo.image.name and default_storage.exists(old_name):
        default_storage.delete(old_name)

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
