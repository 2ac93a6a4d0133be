"""vorort export_opendata -o <verzeichnis> [--base-url https://…]: die offenen Daten des Portals als Dateien.

Writes, for every dataset of `vorort.portal.opendata`, `<dataset>.csv` and `<dataset>.json`, then `katalog.jsonld`
(DCAT-AP.de). Each file is written under a temporary name and renamed when complete, so a web server or harvester
reading the directory never sees half a file. Exit codes: 0 written; 1 the directory cannot be created or
written; 2 invalid arguments (e.g. a base URL that is not http(s)).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from vorort.portal import opendata


def _write(path: Path, chunks: Iterable[str]) -> None:
    """Write `chunks` to `path` atomically (temporary file in the same directory, then rename)."""
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        with temporary.open("w", encoding="utf-8", newline="") as stream:
            for chunk in chunks:
                stream.write(chunk)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


class Command(BaseCommand):
    help = (
        "Schreibt die offenen Daten des Portals (veröffentlichte Maßnahmen, Formate, Indikatoren, Messwerte) als "
        "CSV und JSON sowie den DCAT-AP.de-Katalog katalog.jsonld in ein Verzeichnis; Lizenz CC BY 4.0."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "-o", "--output", required=True, help="Zielverzeichnis (wird angelegt, vorhandene Dateien werden ersetzt)"
        )
        parser.add_argument(
            "--base-url",
            default=None,
            help=(
                "Öffentliche Adresse des Portals für die Links (uri, Download-Adressen im Katalog); "
                f"Standard: $VORORT_SITE_URL oder {opendata.DEFAULT_BASE_URL}"
            ),
        )

    def handle(self, *args, **options):
        base = (options["base_url"] or opendata.default_base_url()).strip()
        parts = urlsplit(base)
        if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
            raise CommandError(
                _("Die Basisadresse „%(url)s“ ist keine http(s)-Adresse wie https://portal.example.org.")
                % {"url": base},
                returncode=2,
            )
        directory = Path(options["output"])
        self._prepare(directory)

        links = opendata.Links(base)
        generated = timezone.now()
        lines = []
        try:
            for dataset in opendata.DATASETS.values():
                count = dataset.count()
                for extension in opendata.FORMATS:
                    if extension == "csv":
                        chunks = opendata.csv_chunks(dataset, links)
                    else:
                        chunks = opendata.json_chunks(dataset, links, generated)
                    path = directory / dataset.filename(extension)
                    _write(path, chunks)
                    lines.append(_("%(path)s: %(count)s Datensätze") % {"path": path, "count": count})
            path = directory / opendata.CATALOGUE_FILE
            _write(path, [opendata.catalogue_text(links, generated)])
            lines.append(
                _("%(path)s: Katalog mit %(count)s Datensätzen") % {"path": path, "count": len(opendata.DATASETS)}
            )
        except OSError as error:
            raise CommandError(
                _("In „%(path)s“ kann nicht geschrieben werden: %(reason)s")
                % {"path": directory, "reason": error.strerror or error}
            ) from error
        for line in lines:
            self.stdout.write(line)
        self.stdout.write(
            self.style.SUCCESS(
                _("%(count)s Dateien nach %(path)s geschrieben (Links auf %(base)s, Lizenz CC BY 4.0).")
                % {"count": len(lines), "path": directory, "base": links.base}
            )
        )

    def _prepare(self, directory: Path) -> None:
        if directory.exists() and not directory.is_dir():
            raise CommandError(_("„%(path)s“ ist eine Datei, kein Verzeichnis.") % {"path": directory})
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise CommandError(
                _("Das Verzeichnis „%(path)s“ kann nicht angelegt werden: %(reason)s")
                % {"path": directory, "reason": error.strerror or error}
            ) from error
        if not os.access(directory, os.W_OK | os.X_OK):
            raise CommandError(_("In „%(path)s“ darf nicht geschrieben werden.") % {"path": directory})
