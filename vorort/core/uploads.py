"""Checked file uploads: the real type from the content, a size limit, and random names under MEDIA_ROOT.

A file is accepted only if its first bytes (and for office formats its inner structure) show one of the allowed
types, and that type matches the file name's extension: a PNG named ``.pdf`` or a program named ``.jpg`` is
refused with a German message. Stored files get a random name with the extension of the detected type; the
uploader's file name is kept only as data (for the download) and never touches the file system.

Usage in a form: ``file = CheckedFileField(kinds=IMAGE_AND_DOCUMENT_KINDS)``; ``form.cleaned_data["file"]`` is
then a :class:`CheckedUpload`, and a service stores it with :func:`store_upload` inside its transaction.
"""

from __future__ import annotations

import os
import secrets
import unicodedata
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vorort.core.templatetags.vorort_format import format_number

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
_HEAD_BYTES = 64


@dataclass(frozen=True)
class FileKind:
    key: str
    label: str
    extensions: tuple[str, ...]
    content_type: str

    @property
    def extension(self) -> str:
        return self.extensions[0]

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")


KINDS: dict[str, FileKind] = {
    kind.key: kind
    for kind in (
        FileKind("jpeg", gettext_lazy("JPEG-Bild"), (".jpg", ".jpeg"), "image/jpeg"),
        FileKind("png", gettext_lazy("PNG-Bild"), (".png",), "image/png"),
        FileKind("webp", gettext_lazy("WebP-Bild"), (".webp",), "image/webp"),
        FileKind("pdf", gettext_lazy("PDF-Dokument"), (".pdf",), "application/pdf"),
        FileKind(
            "docx",
            gettext_lazy("Word-Dokument (DOCX)"),
            (".docx",),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        FileKind(
            "xlsx",
            gettext_lazy("Excel-Tabelle (XLSX)"),
            (".xlsx",),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        FileKind("odt", gettext_lazy("OpenDocument-Text (ODT)"), (".odt",), "application/vnd.oasis.opendocument.text"),
        FileKind("txt", gettext_lazy("Textdatei"), (".txt",), "text/plain"),
    )
}
IMAGE_KINDS = frozenset({"jpeg", "png", "webp"})
DOCUMENT_KINDS = frozenset({"pdf", "docx", "xlsx", "odt", "txt"})
ALL_KINDS = IMAGE_KINDS | DOCUMENT_KINDS

_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
# Bytes that never occur in a text file (all C0 controls except tab, line feed, form feed, carriage return).
_BINARY_BYTES = bytes(set(range(32)) - {9, 10, 12, 13}) + b"\x7f"


@dataclass(frozen=True)
class CheckedUpload:
    """An upload whose content was checked; `file` is Django's UploadedFile, rewound."""

    file: object
    kind: FileKind
    original_name: str
    size: int


def _read_all(file) -> bytes:
    file.seek(0)
    data = file.read()
    file.seek(0)
    return data


def _zip_kind(file) -> str | None:
    """docx / xlsx / odt by their inner structure; None for any other (or a broken) ZIP archive."""
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            names = archive.namelist()
            if names and names[0] == "mimetype" and archive.read("mimetype").strip() == _ODT_MIMETYPE:
                return "odt"
            if "[Content_Types].xml" in names:
                if any(name.startswith("word/") for name in names):
                    return "docx"
                if any(name.startswith("xl/") for name in names):
                    return "xlsx"
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError):
        return None
    finally:
        file.seek(0)
    return None


def _is_text(data: bytes) -> bool:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not any(byte in _BINARY_BYTES for byte in data)


def sniff(file) -> str | None:
    """The key of the file's real type from its content, or None if it is none of the known kinds."""
    file.seek(0)
    head = file.read(_HEAD_BYTES)
    file.seek(0)
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(file)
    if _is_text(_read_all(file)):
        return "txt"
    return None


def _image_is_intact(file) -> bool:
    """Let Pillow parse the image header and structure; a file that only starts like an image fails."""
    try:
        from PIL import Image
    except ImportError:  # pragma: no cover - Pillow comes with WeasyPrint
        return True
    try:
        file.seek(0)
        with Image.open(file) as image:
            image.verify()
    except Exception:  # noqa: BLE001 - any parser error means the image is broken
        return False
    finally:
        file.seek(0)
    return True


def clean_filename(name: str) -> str:
    """The uploader's file name for display and download: no path, no control characters, at most 200 chars."""
    name = os.path.basename((name or "").replace("\\", "/"))
    name = "".join(char for char in unicodedata.normalize("NFC", name) if unicodedata.category(char)[0] != "C")
    name = name.strip().strip(".") or "datei"
    stem, extension = os.path.splitext(name)
    return stem[: 200 - len(extension)] + extension


def size_text(size: int) -> str:
    """1572864 → '1,5 MB', 4096 → '4 KB', 10485760 → '10 MB'."""
    if size >= 1024 * 1024:
        megabytes = size / 1024 / 1024
        return f"{format_number(megabytes, 0 if megabytes == int(megabytes) else 1)}\u00a0MB"
    return f"{format_number(max(round(size / 1024), 1), 0)}\u00a0KB"


def _allowed_text(kinds: Iterable[str]) -> str:
    extensions = sorted({ext for key in kinds for ext in KINDS[key].extensions})
    return ", ".join(extensions)


def check_upload(uploaded, *, kinds: Iterable[str] = ALL_KINDS, max_bytes: int | None = None) -> CheckedUpload:
    """Check type and size of an uploaded file; raise ValidationError with a German message."""
    kinds = frozenset(kinds)
    limit = max_bytes or getattr(settings, "VORORT_UPLOAD_MAX_BYTES", DEFAULT_MAX_BYTES)
    size = uploaded.size
    if not size:
        raise ValidationError(_("Die Datei ist leer."), code="empty")
    if size > limit:
        raise ValidationError(
            _("Die Datei ist zu groß (%(size)s). Erlaubt sind höchstens %(limit)s.")
            % {"size": size_text(size), "limit": size_text(limit)},
            code="too_large",
        )
    name = clean_filename(uploaded.name)
    extension = os.path.splitext(name)[1].lower()
    allowed_extensions = {ext for key in kinds for ext in KINDS[key].extensions}
    if extension not in allowed_extensions:
        raise ValidationError(
            _("Dateien mit der Endung „%(extension)s“ sind hier nicht erlaubt. Erlaubt sind: %(allowed)s.")
            % {"extension": extension or _("(keine)"), "allowed": _allowed_text(kinds)},
            code="extension",
        )
    detected = sniff(uploaded)
    if detected is None or detected not in kinds:
        raise ValidationError(
            _("Der Inhalt der Datei ist kein erlaubter Dateityp. Erlaubt sind: %(allowed)s.")
            % {"allowed": _allowed_text(kinds)},
            code="type",
        )
    kind = KINDS[detected]
    if extension not in kind.extensions:
        raise ValidationError(
            _("Die Datei heißt „%(name)s“, ihr Inhalt ist aber vom Typ „%(kind)s“. Bitte prüfen Sie die Datei.")
            % {"name": name, "kind": kind.label},
            code="mismatch",
        )
    if kind.is_image and not _image_is_intact(uploaded):
        raise ValidationError(_("Das Bild ist beschädigt und kann nicht gelesen werden."), code="broken")
    uploaded.seek(0)
    return CheckedUpload(file=uploaded, kind=kind, original_name=name, size=size)


def store_upload(checked: CheckedUpload, *, folder: str) -> str:
    """Save under MEDIA_ROOT/<folder>/ with a random name; returns the storage name."""
    folder = folder.strip("/")
    if not folder or ".." in folder.split("/"):
        raise ValueError("folder must be a plain relative path")
    name = f"{folder}/{secrets.token_urlsafe(24)}{checked.kind.extension}"
    checked.file.seek(0)
    return default_storage.save(name, checked.file)


def open_stored(name: str):
    return default_storage.open(name, "rb")


def delete_stored(name: str) -> None:
    """Remove a stored file; a file that is already gone is fine."""
    if name and default_storage.exists(name):
        default_storage.delete(name)


class CheckedFileField(forms.FileField):
    """A form field that runs `check_upload`; its cleaned value is a CheckedUpload."""

    def __init__(self, *, kinds: Iterable[str] = ALL_KINDS, max_bytes: int | None = None, **kwargs):
        self.kinds = frozenset(kinds)
        self.max_bytes = max_bytes
        kwargs.setdefault(
            "error_messages",
            {
                "required": gettext_lazy("Bitte wählen Sie eine Datei aus."),
                "empty": gettext_lazy("Die Datei ist leer."),
                "invalid": gettext_lazy("Es wurde keine Datei übertragen. Bitte wählen Sie die Datei erneut aus."),
            },
        )
        super().__init__(**kwargs)
        accept = sorted({ext for key in self.kinds for ext in KINDS[key].extensions})
        self.widget.attrs.setdefault("accept", ",".join(accept))
        if not self.help_text:
            self.help_text = lazy(self._default_help, str)()

    def _default_help(self) -> str:
        limit = self.max_bytes or getattr(settings, "VORORT_UPLOAD_MAX_BYTES", DEFAULT_MAX_BYTES)
        return _("Erlaubt: %(allowed)s; höchstens %(limit)s.") % {
            "allowed": _allowed_text(self.kinds),
            "limit": size_text(limit),
        }

    def clean(self, data, initial=None):
        uploaded = super().clean(data, initial)
        if not uploaded:
            return uploaded
        return check_upload(uploaded, kinds=self.kinds, max_bytes=self.max_bytes)
