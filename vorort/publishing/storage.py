"""Where generated documents live: VORORT_DATA_DIR/publications/ (or VORORT_PUBLICATIONS_DIR), random names.

The directory is read from the settings at every access, so a test can move it. The storage has no URL: files
are only ever served by the views, which check who may see them.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage

EXTENSIONS = {"pdf": "pdf", "docx": "docx", "html": "html"}


def publications_root() -> Path:
    configured = getattr(settings, "VORORT_PUBLICATIONS_DIR", None)
    return Path(configured) if configured else Path(settings.DATA_DIR) / "publications"


class PublicationStorage(FileSystemStorage):
    """File-system storage under `publications_root()`, without a public URL."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self) -> str:  # type: ignore[override]
        return str(publications_root())

    @property
    def location(self) -> str:  # type: ignore[override]
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Publications have no public URL; they are served through checked views.")


_STORAGE = PublicationStorage()


def publication_storage() -> PublicationStorage:
    """The storage of Publication.file (a callable, so migrations do not record a path)."""
    return _STORAGE


def store_bytes(content: bytes, *, extension: str, folder: str = "") -> str:
    """Save `content` under a random name; returns the storage name."""
    if extension not in EXTENSIONS:
        raise ValueError(f"unknown extension {extension!r}")
    folder = folder.strip("/")
    if ".." in folder.split("/"):
        raise ValueError("folder must be a plain relative path")
    name = f"{secrets.token_urlsafe(24)}.{EXTENSIONS[extension]}"
    if folder:
        name = f"{folder}/{name}"
    return _STORAGE.save(name, ContentFile(content))


def open_stored(name: str):
    return _STORAGE.open(name, "rb")


def delete_stored(name: str) -> None:
    if name and _STORAGE.exists(name):
        _STORAGE.delete(name)
