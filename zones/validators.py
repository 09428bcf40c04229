"""Checks on uploaded files: Django caps neither their size nor checks what they really are."""

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
# The first bytes of each format a document may be: the extension alone proves nothing.
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
}


def validate_document(upload):
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            _("Tệp quá lớn (%(size)s); tối đa %(max)s."),
            params={"size": filesizeformat(upload.size), "max": filesizeformat(MAX_DOCUMENT_BYTES)},
            code="too_large",
        )
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if not any(head.startswith(signature) for signature in SIGNATURES.get(extension, ())):
        raise ValidationError(_("Tệp không phải PDF, PNG hoặc JPEG thật."), code="invalid_content")
