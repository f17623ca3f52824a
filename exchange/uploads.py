"""Document uploads: a file must be what its extension says.

Wagtail refuses extensions outside WAGTAILDOCS_EXTENSIONS and files over
WAGTAILDOCS_MAX_UPLOAD_SIZE, but it trusts the name: a web page renamed `report.pdf` would
be stored and served from our domain. The first bytes of each format are checked here.
"""

from __future__ import annotations

import os

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

from .admin_confinement import may_upload_into

# Office Open XML and OpenDocument files are zip archives.
ZIP = (b"PK\x03\x04",)
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF-",),
    "rtf": (b"{\\rtf",),
    "docx": ZIP,
    "xlsx": ZIP,
    "pptx": ZIP,
    "odt": ZIP,
    "ods": ZIP,
    "odp": ZIP,
}
# Plain text formats have no signature: they must be text, in UTF-8 (with or without BOM).
TEXT_EXTENSIONS = {"csv", "txt"}
SNIFF_BYTES = 64 * 1024


def _head(file: UploadedFile, size: int) -> bytes:
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(size)
    file.seek(position)
    return head


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # The sample may end in the middle of a character: only a bad byte earlier counts.
        return error.start >= len(head) - 3
    return True


def check_document_content(file: UploadedFile) -> None:
    """Raise ValidationError when the file's content does not match its extension."""
    extension = os.path.splitext(file.name or "")[1].lstrip(".").lower()
    head = _head(file, SNIFF_BYTES)
    if extension in SIGNATURES:
        if not head.startswith(SIGNATURES[extension]):
            raise ValidationError(
                _("This file is not a real .%(extension)s file; its content is of another type."),
                code="content_mismatch",
                params={"extension": extension},
            )
    elif extension in TEXT_EXTENSIONS and not _looks_like_text(head):
        raise ValidationError(
            _("A .%(extension)s file must be plain text in UTF-8."),
            code="content_mismatch",
            params={"extension": extension},
        )


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form (WAGTAILDOCS_DOCUMENT_FORM_BASE) with the content check, and
    restricted collections kept for those who see everything (exchange/admin_confinement.py)."""

    def __init__(self, *args, user=None, **kwargs):
        self.uploader = user
        super().__init__(*args, user=user, **kwargs)

    def clean_collection(self):
        collection = self.cleaned_data.get("collection")
        moved_or_new = "collection" in self.changed_data or not self.instance.pk
        if moved_or_new and not may_upload_into(collection, self.uploader):
            raise ValidationError(
                _(
                    "This collection is restricted: only network coordinators add "
                    "documents to it. Choose another collection."
                ),
                code="restricted_collection",
            )
        return collection

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            check_document_content(file)
        return file
