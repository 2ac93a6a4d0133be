from django.conf import settings
from django.core.management.base import BaseCommand

from vorort.network.demo import DEMO_PASSWORD, seed_demo


class Command(BaseCommand):
    help = "Lädt das Demo-Netzwerk (Netzwerk Innenstadt NRW, zehn Kommunen). Mehrfaches Ausführen ändert nichts."

    def handle(self, *args, **options):
        logins = seed_demo()
        self.stdout.write(self.style.SUCCESS("Demo-Netzwerk „Netzwerk Innenstadt NRW“ ist geladen."))
        if not settings.DEBUG:
            self.stdout.write("DEBUG ist aus: Demo-Konten können sich nicht anmelden (nur im Entwicklungsmodus).")
            return
        self.stdout.write("")
        self.stdout.write(f"Demo-Anmeldungen (Passwort für alle: {DEMO_PASSWORD}):")
        for email, role in logins:
            self.stdout.write(f"  {email:55} {role}")
        self.stdout.write("  Für die anderen Kommunen gilt dasselbe Schema, z. B. koordination@winterberg.demo")
        self.stdout.write("")
        self.stdout.write("Öffnen Sie http://127.0.0.1:8000/ im Browser.")
