"""A person's own data as a ZIP: one JSON document with everything and one CSV file per kind (German names)."""

from __future__ import annotations

import csv
import io
import json
import zipfile

from django.utils import timezone
from django.utils.translation import gettext as _

from vorort.measures.parsing import neutralise

from .selectors import personal_data


def _when(value) -> str:
    return timezone.localtime(value).isoformat(timespec="seconds") if value else ""


# The columns of each CSV file, in the order of the JSON document's keys.
COLUMNS = {
    "profil": ["name", "e_mail", "registriert_am", "e_mail_bestaetigt_am", "letzte_anmeldung"],
    "rollen": ["kommune", "netzwerk", "rolle", "seit"],
    "einwilligungen": ["beteiligung", "kommune", "eingewilligt_am", "text"],
    "ideen": [
        "nummer",
        "beteiligung",
        "kommune",
        "titel",
        "text",
        "handlungsfeld",
        "ort",
        "eingereicht_am",
        "moderation",
        "grund_der_moderation",
    ],
    "kommentare": [
        "nummer",
        "beteiligung",
        "kommune",
        "zu",
        "text",
        "geschrieben_am",
        "moderation",
        "grund_der_moderation",
    ],
    "stimmen": ["beteiligung", "kommune", "massnahme", "abgegeben_am"],
}


def _csv(rows: list[dict], columns: list[str]) -> bytes:
    """UTF-8 with BOM and semicolons (opens in German spreadsheet programs); formula-like text is neutralised."""
    buffer = io.StringIO(newline="")
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([neutralise(str(row[name])) if row[name] not in (None, "") else "" for name in columns])
    return buffer.getvalue().encode("utf-8")


def personal_data_document(user) -> dict:
    data = personal_data(user)
    profile = {
        "name": user.name,
        "e_mail": user.email,
        "registriert_am": _when(user.date_joined),
        "e_mail_bestaetigt_am": _when(data.profile.email_confirmed_at) if data.profile else "",
        "letzte_anmeldung": _when(user.last_login),
    }
    return {
        "erstellt_am": _when(timezone.now()),
        "profil": profile,
        "rollen": [
            {
                "kommune": membership.municipality.name if membership.municipality else "",
                "netzwerk": membership.network.name,
                "rolle": membership.get_role_display(),
                "seit": _when(membership.created_at),
            }
            for membership in data.memberships
        ],
        "einwilligungen": [
            {
                "beteiligung": consent.participation.title,
                "kommune": consent.participation.municipality.name,
                "eingewilligt_am": _when(consent.given_at),
                "text": consent.text,
            }
            for consent in data.consents
        ],
        "ideen": [
            {
                "nummer": idea.pk,
                "beteiligung": idea.participation.title,
                "kommune": idea.participation.municipality.name,
                "titel": idea.title,
                "text": idea.text,
                "handlungsfeld": idea.action_field.name if idea.action_field else "",
                "ort": idea.place,
                "eingereicht_am": _when(idea.created_at),
                "moderation": idea.get_moderation_display(),
                "grund_der_moderation": idea.moderation_reason,
            }
            for idea in data.ideas
        ],
        "kommentare": [
            {
                "nummer": comment.pk,
                "beteiligung": comment.participation.title,
                "kommune": comment.participation.municipality.name,
                "zu": (
                    _("Idee „%(title)s“") % {"title": comment.idea.title}
                    if comment.idea
                    else _("Maßnahme „%(title)s“") % {"title": comment.measure.title}
                ),
                "text": comment.text,
                "geschrieben_am": _when(comment.created_at),
                "moderation": comment.get_moderation_display(),
                "grund_der_moderation": comment.moderation_reason,
            }
            for comment in data.comments
        ],
        "stimmen": [
            {
                "beteiligung": vote.participation.title,
                "kommune": vote.participation.municipality.name,
                "massnahme": vote.measure.title,
                "abgegeben_am": _when(vote.created_at),
            }
            for vote in data.votes
        ],
    }


README = """Ihre Daten aus vorort

meine-daten.json       alles in einer Datei (maschinenlesbar)
profil.csv             Name, E-Mail-Adresse, Registrierung, Bestätigung
rollen.csv             Ihre Rollen in Kommunen (z. B. Bürger*in)
einwilligungen.csv     Ihre Einwilligungen mit dem Text, in den Sie eingewilligt haben
ideen.csv              Ihre Ideen
kommentare.csv         Ihre Kommentare
stimmen.csv            Ihre Stimmen für Maßnahmen

Die CSV-Dateien sind UTF-8-kodiert und durch Semikolons getrennt.
"""


def personal_data_zip(user) -> bytes:
    document = personal_data_document(user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("LIESMICH.txt", README)
        archive.writestr("meine-daten.json", json.dumps(document, ensure_ascii=False, indent=2))
        archive.writestr("profil.csv", _csv([document["profil"]], COLUMNS["profil"]))
        for name in ("rollen", "einwilligungen", "ideen", "kommentare", "stimmen"):
            archive.writestr(f"{name}.csv", _csv(document[name], COLUMNS[name]))
    return buffer.getvalue()


def personal_data_filename() -> str:
    return f"meine-daten-vorort-{timezone.localdate():%Y-%m-%d}.zip"
