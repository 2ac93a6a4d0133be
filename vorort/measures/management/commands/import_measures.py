"""vorort import_measures <kommune> <datei> [--dry-run]: Maßnahmen aus Excel oder CSV importieren."""

from __future__ import annotations

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from vorort.measures.importing import (
    MAX_FILE_BYTES,
    ImportFileError,
    ImportOptions,
    ImportRefused,
    apply_import,
    detect_kind,
    plan_import,
)
from vorort.network.models import ActionField, Municipality
from vorort.network.selectors import action_fields_of

STAGES = {"read": "Lesen", "check": "Prüfen", "write": "Speichern"}


class ProgressBar:
    """Called as progress(stage, done, total). Redraws in place on a terminal, else prints every 10 %."""

    width = 30

    def __init__(self, stream, *, minimum_rows: int = 500):
        self.stream = stream
        self.minimum_rows = minimum_rows
        self.interactive = bool(getattr(stream, "isatty", lambda: False)())
        self.last: tuple[str, int] | None = None
        self.open_line = False
        self.started = time.monotonic()

    def __call__(self, stage: str, done: int, total: int) -> None:
        if total and total < self.minimum_rows:
            return
        label = STAGES.get(stage, stage)
        if not total:
            text = f"{label}: {done} Zeilen"
            step = done // 1000
        else:
            share = done / total
            filled = int(self.width * share)
            text = f"{label}: [{'#' * filled}{'-' * (self.width - filled)}] {int(share * 100):3d} % ({done}/{total})"
            step = int(share * 10)
        if self.interactive:
            self.stream.write("\r" + text, ending="")
            self.stream.flush()
            self.open_line = True
            if total and done >= total:
                self.finish()
        elif (stage, step) != self.last:
            self.stream.write(text)
        self.last = (stage, step)

    def finish(self) -> None:
        if self.open_line:
            self.stream.write("")
            self.open_line = False


class Command(BaseCommand):
    help = (
        "Importiert Maßnahmen einer Kommune aus einer Excel-Arbeitsmappe (.xlsx) oder CSV-Datei: erst prüfen, "
        "dann alles in einem Schritt oder nichts. Mit --dry-run wird nur geprüft. Handelnde Person ist „System“."
    )

    def add_arguments(self, parser):
        parser.add_argument("municipality", help="Kurzname (slug) der Kommune, z. B. velbert")
        parser.add_argument("file", help="Pfad zur .xlsx- oder .csv-Datei")
        parser.add_argument("--dry-run", action="store_true", help="nur prüfen und berichten, nichts speichern")
        parser.add_argument(
            "--handlungsfeld",
            default="",
            help="Handlungsfeld (Name oder Kurzname) für neue Maßnahmen, in deren Zeile keines steht",
        )
        parser.add_argument(
            "--leere-zellen-behalten",
            action="store_true",
            dest="keep_existing_when_empty",
            help="leere Zellen lassen vorhandene Werte unverändert",
        )
        parser.add_argument("--no-progress", action="store_true", help="keinen Fortschrittsbalken zeigen")

    def handle(self, *args, **options):
        municipality = Municipality.objects.select_related("network").filter(slug=options["municipality"]).first()
        if municipality is None:
            raise CommandError(_("Eine Kommune „%(slug)s“ gibt es nicht.") % {"slug": options["municipality"]})
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(_("Die Datei „%(path)s“ gibt es nicht.") % {"path": path})
        if path.stat().st_size > MAX_FILE_BYTES:
            raise CommandError(_("Die Datei ist größer als 10 MB."))
        data = path.read_bytes()
        try:
            detect_kind(data)
        except ImportFileError as error:
            raise CommandError(str(error)) from None
        import_options = ImportOptions(
            default_action_field=self._action_field(municipality, options["handlungsfeld"]),
            keep_existing_when_empty=options["keep_existing_when_empty"],
            may_publish=True,
        )
        progress = None if options["no_progress"] else ProgressBar(self.stderr)
        report = plan_import(
            municipality=municipality, data=data, filename=path.name, options=import_options, progress=progress
        )
        if progress:
            progress.finish()
        verbose = options["verbosity"] >= 2
        if not report.ok:
            raise CommandError(
                _("Die Datei wurde abgelehnt, es wurde nichts gespeichert.") + "\n" + report.as_text(with_rows=verbose)
            )
        self.stdout.write(report.as_text(with_rows=verbose or (options["dry_run"] and len(report.rows) <= 200)))
        if options["dry_run"]:
            self.stdout.write(_("Probelauf: Es wurde nichts gespeichert."))
            return
        try:
            counts = apply_import(actor=None, municipality=municipality, report=report, progress=progress)
        except ImportRefused as refused:
            raise CommandError(
                _("Der Import wurde abgebrochen, es wurde nichts gespeichert.")
                + "\n"
                + "\n".join(str(issue) for issue in refused.issues)
            ) from None
        finally:
            if progress:
                progress.finish()
        self.stdout.write(
            self.style.SUCCESS(
                _("Import abgeschlossen: %(create)s neu, %(update)s geändert, %(unchanged)s unverändert.") % counts
            )
        )

    def _action_field(self, municipality, name: str) -> ActionField | None:
        if not name:
            return None
        from vorort.measures.parsing import compact

        for item in action_fields_of(municipality.network):
            if compact(name) in (compact(item.name), compact(item.slug)):
                return item
        names = ", ".join(item.name for item in action_fields_of(municipality.network))
        raise CommandError(
            _("„%(name)s“ ist kein Handlungsfeld des Netzwerks (%(names)s).") % {"name": name, "names": names}
        )
