"""Reminder e-mails before events: `vorort send_event_reminders [--hours 48] [--site-url https://…]`.

Meant for cron, e.g. hourly. Idempotent: each person with a seat is reminded once per start time.
"""

import os

from django.core.management.base import BaseCommand, CommandError

from vorort.events.services import reminders_send


class Command(BaseCommand):
    help = "Erinnert alle Angemeldeten per E-Mail an Formate, die in den nächsten Stunden beginnen."

    def add_arguments(self, parser):
        parser.add_argument(
            "--hours", type=int, default=48, help="Formate, die innerhalb dieser Stunden beginnen (Standard: 48)."
        )
        parser.add_argument(
            "--site-url",
            default=os.environ.get("VORORT_SITE_URL", "http://127.0.0.1:8000"),
            help="Adresse der Installation für die Links in den E-Mails (Standard: $VORORT_SITE_URL).",
        )

    def handle(self, *args, hours: int, site_url: str, **options):
        if hours < 1 or hours > 24 * 14:
            raise CommandError("--hours muss zwischen 1 und 336 liegen.")
        if not site_url.startswith(("http://", "https://")):
            raise CommandError("--site-url muss mit http:// oder https:// beginnen.")
        sent = reminders_send(hours=hours, site_url=site_url)
        self.stdout.write(f"{sent} Erinnerung(en) versendet.")
