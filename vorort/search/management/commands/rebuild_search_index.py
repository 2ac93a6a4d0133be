"""vorort rebuild_search_index: den Suchindex aus allen veröffentlichten Inhalten neu aufbauen."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from vorort.search.services import search_index_rebuild

LABELS = {
    "massnahme": lambda n: ngettext("%(count)s Maßnahme", "%(count)s Maßnahmen", n),
    "wissen": lambda n: ngettext("%(count)s Erfahrung", "%(count)s Erfahrungen", n),
    "format": lambda n: ngettext("%(count)s Format", "%(count)s Formate", n),
    "publikation": lambda n: ngettext("%(count)s Publikation", "%(count)s Publikationen", n),
}


class Command(BaseCommand):
    help = (
        "Baut den Suchindex des Portals aus allen veröffentlichten Maßnahmen, Erfahrungen, Formaten und "
        "Publikationen neu auf – etwa nach Änderungen im Django-Admin oder einem Import an den Diensten vorbei."
    )

    def handle(self, *args, **options):
        counts = search_index_rebuild()
        parts = [LABELS[kind](number) % {"count": number} for kind, number in counts.items()]
        self.stdout.write(self.style.SUCCESS(_("Suchindex neu aufgebaut: %(parts)s.") % {"parts": ", ".join(parts)}))
