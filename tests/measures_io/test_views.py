"""The web flow: upload → dry run → confirm, all or nothing; downloads of the export."""

import io
import re

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from vorort.core.models import AuditEntry
from vorort.measures.models import Measure

from .conftest import SAMPLE
from .helpers import csv_bytes, xlsx

IMPORT = reverse("measures:import", kwargs={"slug": "beckum"})
CONFIRM = reverse("measures:import_confirm", kwargs={"slug": "beckum"})
ENGLISH = ("This field is required", "Enter a valid", "The submitted file")


@pytest.fixture
def safe_client():
    return Client(raise_request_exception=False)


@pytest.fixture
def editor(safe_client, users):
    safe_client.force_login(users["editor"], backend="vorort.accounts.backends.EmailBackend")
    return safe_client


def upload(client, content: bytes, name: str = "liste.xlsx", **fields):
    return client.post(IMPORT, {"file": SimpleUploadedFile(name, content), **fields})


def token_of(response) -> str:
    match = re.search(r'name="token" value="([^"]+)"', response.content.decode())
    assert match, "no confirmation form in the preview"
    return match.group(1)


def pending_files(data_dir):
    directory = data_dir / "imports"
    return sorted(path.name for path in directory.iterdir()) if directory.exists() else []


def test_upload_page(editor):
    response = editor.get(IMPORT)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert "Maßnahmen importieren" in html
    assert reverse("measures:export_xlsx", kwargs={"slug": "beckum"}) in html
    assert "<script" not in html.split("</head>")[1] and "style=" not in html


def test_preview_then_confirm(editor, town_a, data_dir):
    response = upload(editor, SAMPLE.read_bytes(), "beispiel-projektliste-velbert.xlsx")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vorschau des Imports: beispiel-projektliste-velbert.xlsx" in html
    assert "Digitaler Zwilling Innenstadt" in html and "Jetzt importieren" in html
    assert "Quelle: Arbeitsgruppe Smart City" in html
    assert Measure.objects.count() == 0, "the preview writes nothing"
    token = token_of(response)
    assert len(pending_files(data_dir)) == 2
    response = editor.post(CONFIRM, {"token": token, "action": "import"})
    assert response.status_code == 302 and response["Location"] == IMPORT
    assert Measure.objects.filter(municipality=town_a).count() == 6
    entry = AuditEntry.objects.filter(content_type__model="measure").first()
    assert entry.actor_label != "System"
    assert pending_files(data_dir) == [], "the upload is deleted after use"
    follow = editor.get(IMPORT)
    assert "Import aus „beispiel-projektliste-velbert.xlsx“ abgeschlossen: 6 neu" in follow.content.decode()
    # The same token cannot be used twice.
    response = editor.post(CONFIRM, {"token": token, "action": "import"})
    assert response.status_code == 302
    assert Measure.objects.filter(municipality=town_a).count() == 6


def test_errors_are_shown_in_a_table_and_nothing_can_be_confirmed(editor, data_dir):
    data = csv_bytes([["Titel", "Handlungsfeld", "Beginn", "Kosten"], ["Test", "Wohnen", "31.02.2025", "viel"]])
    response = upload(editor, data, "liste.csv")
    html = response.content.decode()
    assert "Die Datei kann so nicht importiert werden. Es wurde nichts gespeichert." in html
    assert "<caption>2 Fehler</caption>" in html
    assert "„31.02.2025“ ist kein gültiges Datum." in html and "„viel“ ist keine gültige Zahl." in html
    assert '<th scope="col">Spalte</th>' in html
    assert 'name="token"' not in html
    assert pending_files(data_dir) == []
    assert Measure.objects.count() == 0


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "bild.xlsx", "weder eine Excel-Arbeitsmappe"),
        (b"PK\x03\x04" + b"\x00" * 64, "kaputt.xlsx", "beschädigt"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "alt.xls", "alten Excel-Format"),
    ],
)
def test_content_that_is_not_a_spreadsheet_is_refused_at_the_field(editor, content, name, message):
    response = upload(editor, content, name)
    assert response.status_code == 200
    html = response.content.decode()
    match = re.search(r'<ul class="errorlist" id="id_file_error">(.*?)</ul>', html, re.S)
    assert match and message in match.group(1)
    for text in ENGLISH:
        assert text not in html
    assert Measure.objects.count() == 0


def test_a_zip_that_is_not_a_workbook_is_refused(editor):
    buffer = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hallo.txt", "Hallo")
    response = upload(editor, buffer.getvalue(), "liste.xlsx")
    assert "keine Excel-Arbeitsmappe" in response.content.decode()


def test_an_xlsx_with_csv_extension_is_read_as_a_workbook(editor):
    response = upload(editor, xlsx([["Titel", "Handlungsfeld"], ["Radweg", "Mobilität"]]), "liste.csv")
    assert "Tabellenblatt" in response.content.decode()


def test_too_big_file_is_refused(editor, monkeypatch):
    from vorort.measures import forms_io

    monkeypatch.setattr(forms_io, "MAX_FILE_BYTES", 100)
    response = upload(editor, csv_bytes([["Titel", "Handlungsfeld"]] + [["x" * 50, "Wohnen"]] * 5), "liste.csv")
    assert "zu groß" in response.content.decode()


def test_confirm_needs_the_same_user(editor, users, safe_client, town_a):
    token = token_of(upload(editor, SAMPLE.read_bytes()))
    other = Client()
    other.force_login(users["coordinator"], backend="vorort.accounts.backends.EmailBackend")
    response = other.post(CONFIRM, {"token": token, "action": "import"})
    assert response.status_code == 302
    assert Measure.objects.count() == 0
    assert editor.post(CONFIRM, {"token": token, "action": "import"}).status_code == 302
    assert Measure.objects.filter(municipality=town_a).count() == 6


def test_confirm_rejects_forged_tokens(editor):
    for token in ["../../secret_key", "x" * 43, ""]:
        response = editor.post(CONFIRM, {"token": token, "action": "import"}, follow=True)
        assert "Die Vorschau ist abgelaufen" in response.content.decode()
    assert Measure.objects.count() == 0


def test_discard(editor, data_dir):
    token = token_of(upload(editor, SAMPLE.read_bytes()))
    response = editor.post(CONFIRM, {"token": token, "action": "discard"}, follow=True)
    assert "verworfen" in response.content.decode()
    assert pending_files(data_dir) == []
    assert Measure.objects.count() == 0


def test_changes_after_the_preview_need_a_new_confirmation(editor, town_a, make_measure):
    token = token_of(upload(editor, SAMPLE.read_bytes()))
    make_measure(town_a, "Digitaler Zwilling Innenstadt")  # someone adds a matching measure meanwhile
    response = editor.post(CONFIRM, {"token": token, "action": "import"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Seit der Vorschau haben sich Maßnahmen geändert" in html
    assert Measure.objects.filter(municipality=town_a).count() == 1
    assert token_of(response) == token
    response = editor.post(CONFIRM, {"token": token, "action": "import"})
    assert response.status_code == 302
    assert Measure.objects.filter(municipality=town_a).count() == 6


def test_editor_cannot_publish_through_the_import(editor, town_a):
    data = xlsx([["Titel", "Handlungsfeld", "öffentlich"], ["Bürger-App", "Verwaltung", "ja"]])
    response = upload(editor, data)
    assert "veröffentlichen darf nur" in response.content.decode()
    editor.post(CONFIRM, {"token": token_of(response), "action": "import"})
    assert Measure.objects.get(municipality=town_a).is_public is False


def test_default_action_field_from_the_form(editor, town_a, field):
    data = xlsx([["Titel", "Status"], ["Ohne Feld", "Idee"]])
    response = upload(editor, data)
    assert "Das Handlungsfeld fehlt" in response.content.decode()
    response = upload(editor, data, default_action_field=field("wohnen").pk)
    editor.post(CONFIRM, {"token": token_of(response), "action": "import"})
    assert Measure.objects.get(municipality=town_a).action_field == field("wohnen")


def test_all_unchanged_needs_no_confirmation(editor, town_a):
    token = token_of(upload(editor, SAMPLE.read_bytes()))
    editor.post(CONFIRM, {"token": token, "action": "import"})
    response = upload(editor, SAMPLE.read_bytes())
    html = response.content.decode()
    assert "Nichts zu importieren" in html and 'name="token"' not in html


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_downloads(users, client_for, town_a, make_measure, fmt):
    make_measure(town_a, "=1+1", reference="B-1")
    client = client_for(users["viewer"])
    response = client.get(reverse(f"measures:export_{fmt}", kwargs={"slug": "beckum"}))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="massnahmen-beckum-')
    assert response["Content-Disposition"].endswith(f'.{fmt}"')
    if fmt == "xlsx":
        assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        assert sheet["B2"].value == "'=1+1" and sheet["B2"].data_type == "s"
    else:
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert "B-1;'=1+1;" in response.content.decode("utf-8-sig")


def test_download_respects_list_filters(users, client_for, town_a, make_measure):
    make_measure(town_a, "Idee eins")
    make_measure(town_a, "Läuft schon", status="in_umsetzung")
    client = client_for(users["viewer"])
    url = reverse("measures:export_csv", kwargs={"slug": "beckum"})
    text = client.get(url, {"status": "in_umsetzung"}).content.decode("utf-8-sig")
    assert "Läuft schon" in text and "Idee eins" not in text
