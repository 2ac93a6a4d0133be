"""vorort ranking <kommune> [--format table|csv|json]: die aktuelle Rangfolge der Maßnahmen einer Kommune."""

from __future__ import annotations

import csv
import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from vorort.core.templatetags.vorort_format import format_number
from vorort.network.models import Municipality
from vorort.prioritisation import selectors

FORMATS = ("table", "csv", "json")


class Command(BaseCommand):
    help = (
        "Druckt die aktuelle Rangfolge der Maßnahmen einer Kommune (Rang, Maßnahme, Punktzahl 0–100, Stabilität), "
        "eine Zeile je Maßnahme – mit den gespeicherten Gewichten und den Bewertungen der aktuellen Runde."
    )

    def add_arguments(self, parser):
        parser.add_argument("municipality", help="Kurzname (slug) der Kommune, z. B. beckum")
        parser.add_argument("--format", choices=FORMATS, default="table", help="Ausgabeformat (Standard: table)")

    def handle(self, *args, **options):
        municipality = Municipality.objects.select_related("network").filter(slug=options["municipality"]).first()
        if municipality is None:
            raise CommandError(_("Eine Kommune „%(slug)s“ gibt es nicht.") % {"slug": options["municipality"]})
        result = selectors.build_ranking(municipality)
        if result.problem:
            raise CommandError(
                _("Für %(name)s gibt es keine Rangfolge: %(problem)s")
                % {"name": municipality.name, "problem": result.problem}
            )
        rows = [
            {
                "rank": row.rank,
                "measure": row.title,
                "score": round(row.points, 2),
                "stability": "stabil" if row.stable else "unsicher",
                "rank_min": row.rank_low,
                "rank_max": row.rank_high,
            }
            for row in result.rows
        ]
        output = options["format"]
        if output == "json":
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
        elif output == "csv":
            self._csv(rows)
        else:
            self._table(rows)

    def _csv(self, rows: list[dict]) -> None:
        """Semicolon-separated with decimal commas, as German spreadsheets expect."""
        writer = csv.writer(self.stdout, delimiter=";", lineterminator="\n")
        writer.writerow(["Rang", "Maßnahme", "Punktzahl", "Stabilität"])
        for row in rows:
            writer.writerow([row["rank"], row["measure"], format_number(row["score"], 2), row["stability"]])

    def _table(self, rows: list[dict]) -> None:
        header = ["Rang", "Maßnahme", "Punktzahl", "Stabilität"]
        lines = [[str(r["rank"]), r["measure"], format_number(r["score"], 2), r["stability"]] for r in rows]
        widths = [max(len(line[i]) for line in [header, *lines]) for i in range(len(header))]

        def render(cells: list[str]) -> str:
            return "  ".join(
                cell.rjust(widths[i]) if i in (0, 2) else cell.ljust(widths[i]) for i, cell in enumerate(cells)
            ).rstrip()

        self.stdout.write(render(header))
        self.stdout.write("  ".join("-" * width for width in widths))
        for line in lines:
            self.stdout.write(render(line))
