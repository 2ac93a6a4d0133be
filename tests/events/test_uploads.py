"""core.uploads: the real type from the content, the size limit, random names; and its use in the documentation."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from vorort.core.uploads import (
    CheckedFileField,
    check_upload,
    clean_filename,
    delete_stored,
    sniff,
    store_upload,
)
from vorort.events.models import EventDocument

from .support import LOGIN_BACKEND, make_event


def image_bytes(fmt: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), (200, 30, 30)).save(buffer, format=fmt)
    return buffer.getvalue()


def docx_bytes() -> bytes:
    from docx import Document

    buffer = io.BytesIO()
    document = Document()
    document.add_paragraph("Protokoll der Werkstatt")
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes() -> bytes:
    from openpyxl import Workbook

    buffer = io.BytesIO()
    workbook = Workbook()
    workbook.active["A1"] = "Punkte"
    workbook.save(buffer)
    return buffer.getvalue()


def odt_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
        archive.writestr("META-INF/manifest.xml", "<manifest/>")
    return buffer.getvalue()


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"This program cannot be run"


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("foto.jpg", image_bytes("JPEG"), "jpeg"),
        ("foto.JPEG", image_bytes("JPEG"), "jpeg"),
        ("foto.png", image_bytes("PNG"), "png"),
        ("foto.webp", image_bytes("WEBP"), "webp"),
        ("protokoll.pdf", PDF, "pdf"),
        ("protokoll.docx", docx_bytes(), "docx"),
        ("punkte.xlsx", xlsx_bytes(), "xlsx"),
        ("protokoll.odt", odt_bytes(), "odt"),
        ("notiz.txt", "Ergebnisse: Bänke, Bäume\n".encode(), "txt"),
    ],
)
def test_allowed_types_are_recognised(name, content, kind):
    checked = check_upload(upload(name, content))
    assert checked.kind.key == kind
    assert checked.size == len(content)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bericht.pdf", image_bytes("PNG"), "heißt „bericht.pdf“, ihr Inhalt ist aber vom Typ „PNG-Bild“"),
        ("urlaub.jpg", EXE, "kein erlaubter Dateityp"),
        ("programm.exe", EXE, "Endung „.exe“ sind hier nicht erlaubt"),
        ("tabelle.docx", xlsx_bytes(), "ihr Inhalt ist aber vom Typ „Excel-Tabelle (XLSX)“"),
        ("archiv.pdf", b"PK\x03\x04" + b"\x00" * 40, "kein erlaubter Dateityp"),
        ("kaputt.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 30, "beschädigt"),
        ("binär.txt", b"abc\x00def", "kein erlaubter Dateityp"),
        ("leer.pdf", b"", "leer"),
        ("ohne-endung", PDF, "Endung „(keine)“"),
    ],
)
def test_refused_with_a_german_message(name, content, message):
    with pytest.raises(ValidationError) as error:
        check_upload(upload(name, content))
    assert message in " ".join(error.value.messages)


def test_size_limit():
    big = PDF + b"0" * (2 * 1024 * 1024)
    with pytest.raises(ValidationError) as error:
        check_upload(upload("gross.pdf", big), max_bytes=1024 * 1024)
    assert error.value.messages == ["Die Datei ist zu groß (2,0\u00a0MB). Erlaubt sind höchstens 1\u00a0MB."]
    assert check_upload(upload("gross.pdf", big), max_bytes=3 * 1024 * 1024).kind.key == "pdf"


def test_only_the_allowed_kinds():
    with pytest.raises(ValidationError, match="Endung „.pdf“ sind hier nicht erlaubt"):
        check_upload(upload("x.pdf", PDF), kinds={"png", "jpeg"})


def test_sniff_does_not_move_the_file_position():
    file = io.BytesIO(PDF)
    assert sniff(file) == "pdf" and file.tell() == 0


def test_clean_filename():
    assert clean_filename("../../etc/passwd") == "passwd"
    assert clean_filename("C:\\Users\\x\\Foto 1.jpg") == "Foto 1.jpg"
    assert clean_filename("a\x00b\nc.pdf") == "abc.pdf"
    assert clean_filename("...") == "datei"
    assert len(clean_filename("x" * 300 + ".pdf")) == 200


def test_stored_under_a_random_name_in_media_root(media_root):
    checked = check_upload(upload("Geheimer Plan (Entwurf).png", image_bytes("PNG")))
    first = store_upload(checked, folder="events/7")
    second = store_upload(check_upload(upload("Geheimer Plan (Entwurf).png", image_bytes("PNG"))), folder="events/7")
    assert first != second
    assert first.startswith("events/7/") and first.endswith(".png")
    assert "Geheimer" not in first and "Entwurf" not in first
    assert (media_root / first).read_bytes() == image_bytes("PNG")
    delete_stored(first)
    assert not (media_root / first).exists()
    delete_stored(first)  # a second time is fine


def test_folder_must_stay_inside():
    checked = check_upload(upload("a.pdf", PDF))
    with pytest.raises(ValueError):
        store_upload(checked, folder="../aussen")


def test_form_field_messages():
    field = CheckedFileField()
    with pytest.raises(ValidationError, match="Bitte wählen Sie eine Datei aus"):
        field.clean(None)
    assert ".pdf" in str(field.help_text) and "10\u00a0MB" in str(field.help_text)
    assert ".webp" in field.widget.attrs["accept"]


# In the documentation page -------------------------------------------------------------------------------------------


@pytest.fixture
def event(town_a):
    return make_event(municipality=town_a, title="Werkstatt Markt", is_public=True)


def _post(client, event, name, content, caption=""):
    url = reverse("events:m_documentation", kwargs={"slug": "beckum", "pk": event.pk})
    return client.post(url, {"form": "upload", "datei-file": upload(name, content), "datei-caption": caption})


@pytest.mark.django_db
def test_upload_through_the_page_and_download(client, users, event, media_root):
    client.force_login(users["editor"], backend=LOGIN_BACKEND)
    response = _post(client, event, "Pinnwand.jpg", image_bytes("JPEG"), caption="Pinnwand nach der Werkstatt")
    assert response.status_code == 302
    document = EventDocument.objects.get(event=event)
    assert document.original_name == "Pinnwand.jpg" and document.kind == "jpeg"
    assert document.content_type == "image/jpeg"
    assert "Pinnwand" not in document.file.name and (media_root / document.file.name).exists()
    download = client.get(reverse("events:document", kwargs={"pk": document.pk}))
    assert download.status_code == 200 and b"".join(download.streaming_content) == image_bytes("JPEG")
    assert 'filename="Pinnwand.jpg"' in download["Content-Disposition"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bild.pdf", image_bytes("PNG"), "ihr Inhalt ist aber vom Typ „PNG-Bild“"),
        ("foto.jpg", EXE, "kein erlaubter Dateityp"),
    ],
)
def test_refused_uploads_save_nothing(client, users, event, media_root, name, content, message):
    client.force_login(users["editor"], backend=LOGIN_BACKEND)
    response = _post(client, event, name, content)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html and "Es wurde nichts gespeichert" in html
    assert not EventDocument.objects.exists()
    assert not (media_root / "events").exists()


@pytest.mark.django_db
def test_oversize_upload_refused(client, users, event, settings):
    settings.VORORT_UPLOAD_MAX_BYTES = 1024
    client.force_login(users["editor"], backend=LOGIN_BACKEND)
    html = _post(client, event, "gross.pdf", PDF + b"0" * 4096).content.decode()
    assert "Die Datei ist zu groß (4\u00a0KB). Erlaubt sind höchstens 1\u00a0KB." in html
    assert not EventDocument.objects.exists()


@pytest.mark.django_db
def test_deleting_a_document_removes_the_file(client, users, event, media_root, django_capture_on_commit_callbacks):
    client.force_login(users["editor"], backend=LOGIN_BACKEND)
    _post(client, event, "notiz.txt", b"Stichpunkte")
    document = EventDocument.objects.get()
    path = media_root / document.file.name
    assert path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("events:m_document_delete", kwargs={"slug": "beckum", "pk": document.pk}))
    assert not EventDocument.objects.exists() and not path.exists()
