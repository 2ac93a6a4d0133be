"""vorort publish <kommune|netzwerk> --kind strategy|annex|event|network [--event ID] --format pdf|docx|html -o <datei>

Erzeugt ein Dokument wie die Vorschau in der Anwendung und schreibt es in eine Datei (``-o -``: auf die
Standardausgabe). Es wird keine Fassung festgeschrieben.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from vorort.events.models import Event
from vorort.network.models import Municipality, Network
from vorort.publishing import documents
from vorort.publishing.models import Audience, PublicationFormat, PublicationKind

NETWORK_WORDS = ("network", "netzwerk")


class Command(BaseCommand):
    help = (
        "Erzeugt eine Publikation (Strategie, Anlage zur Beschlussvorlage, Dokumentation eines Formats oder "
        "Netzwerkbericht) als PDF, DOCX oder HTML und schreibt sie in eine Datei."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "target",
            help="Kurzname (slug) der Kommune, z. B. beckum; für den Netzwerkbericht und Formate des Netzwerks der "
            "Kurzname des Netzwerks oder „network“ (wenn es nur ein Netzwerk gibt)",
        )
        parser.add_argument("--kind", required=True, choices=PublicationKind.values, help="Art des Dokuments")
        parser.add_argument("--event", type=int, help="Nummer (ID) des Formats, nur mit --kind event")
        parser.add_argument("--format", required=True, choices=PublicationFormat.values, help="Dateiformat")
        parser.add_argument(
            "--public", action="store_true", help="Fassung für die Öffentlichkeit (ohne interne Maßnahmen und Angaben)"
        )
        parser.add_argument("-o", "--output", required=True, help="Zieldatei; „-“ schreibt auf die Standardausgabe")

    def _network(self, target: str) -> Network:
        network = Network.objects.filter(slug=target).first()
        if network is not None:
            return network
        if target.lower() in NETWORK_WORDS:
            networks = list(Network.objects.order_by("pk")[:2])
            if len(networks) == 1:
                return networks[0]
            raise CommandError(_("Es gibt mehrere Netzwerke. Bitte geben Sie den Kurznamen des Netzwerks an."))
        raise CommandError(_("Ein Netzwerk „%(slug)s“ gibt es nicht.") % {"slug": target})

    def _spec(self, options) -> documents.Spec:
        kind, target = options["kind"], options["target"]
        audience = Audience.PUBLIC if options["public"] else Audience.INTERNAL
        if kind != PublicationKind.EVENT and options["event"] is not None:
            raise CommandError(_("--event gehört nur zu --kind event."))
        if kind == PublicationKind.NETWORK:
            network = self._network(target)
            return documents.Spec(kind=kind, format=options["format"], network=network, audience=audience)
        municipality = Municipality.objects.select_related("network").filter(slug=target).first()
        if kind == PublicationKind.EVENT:
            if options["event"] is None:
                raise CommandError(_("Bitte geben Sie mit --event die Nummer des Formats an."))
            if municipality is not None:
                event = Event.objects.filter(pk=options["event"], municipality=municipality).first()
                network = municipality.network
            else:
                network = self._network(target)
                event = Event.objects.filter(pk=options["event"], network=network, municipality__isnull=True).first()
            if event is None:
                raise CommandError(
                    _("Das Format %(id)s gehört nicht zu „%(target)s“.") % {"id": options["event"], "target": target}
                )
            return documents.Spec(
                kind=kind,
                format=options["format"],
                network=network,
                municipality=municipality,
                event=event,
                audience=audience,
            )
        if municipality is None:
            raise CommandError(_("Eine Kommune „%(slug)s“ gibt es nicht.") % {"slug": target})
        return documents.Spec(
            kind=kind,
            format=options["format"],
            network=municipality.network,
            municipality=municipality,
            audience=audience,
        )

    def handle(self, *args, **options):
        spec = self._spec(options)
        try:
            rendered = documents.render(spec)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        output = options["output"]
        if output == "-":
            sys.stdout.buffer.write(rendered.content)
            sys.stdout.buffer.flush()
            return
        path = Path(output)
        try:
            path.write_bytes(rendered.content)
        except OSError as error:
            raise CommandError(
                _("Die Datei %(path)s lässt sich nicht schreiben: %(error)s") % {"path": path, "error": error}
            ) from error
        digest = hashlib.sha256(rendered.content).hexdigest()
        self.stderr.write(
            _("%(title)s: %(size)s Bytes nach %(path)s geschrieben (SHA-256 %(digest)s).")
            % {"title": rendered.title, "size": len(rendered.content), "path": path, "digest": digest}
        )
