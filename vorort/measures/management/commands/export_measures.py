"""vorort export_measures <kommune> -o <datei.xlsx|datei.csv>: Maßnahmen einer Kommune exportieren."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from vorort.measures import exporting
from vorort.network.models import Municipality


class Command(BaseCommand):
    help = (
        "Exportiert die Maßnahmen einer Kommune als Excel-Arbeitsmappe (.xlsx) oder CSV (UTF-8 mit BOM, Semikolon); "
        "das Format ergibt sich aus der Endung der Ausgabedatei."
    )

    def add_arguments(self, parser):
        parser.add_argument("municipality", help="Kurzname (slug) der Kommune, z. B. velbert")
        parser.add_argument("-o", "--output", required=True, help="Ausgabedatei, endet auf .xlsx oder .csv")

    def handle(self, *args, **options):
        municipality = Municipality.objects.filter(slug=options["municipality"]).first()
        if municipality is None:
            raise CommandError(_("Eine Kommune „%(slug)s“ gibt es nicht.") % {"slug": options["municipality"]})
        path = Path(options["output"])
        extension = path.suffix.lower()
        if extension not in (".xlsx", ".csv"):
            raise CommandError(_("Die Ausgabedatei muss auf .xlsx oder .csv enden."))
        if not path.parent.is_dir():
            raise CommandError(_("Das Verzeichnis „%(path)s“ gibt es nicht.") % {"path": path.parent})
        measures = exporting.measures_for_export(municipality)
        content = exporting.xlsx_bytes(measures) if extension == ".xlsx" else exporting.csv_bytes(measures)
        path.write_bytes(content)
        self.stdout.write(
            self.style.SUCCESS(
                _("%(count)s Maßnahmen von %(name)s nach %(path)s exportiert.")
                % {"count": measures.count(), "name": municipality.name, "path": path}
            )
        )
