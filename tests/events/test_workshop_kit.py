"""Workshop kit: the PDF (text via pdftotext), its QR codes (segno matrices compared), the dot-count form, and the
PDF renderer's refusal to load anything but package assets."""

import datetime
import re
import shutil
import subprocess
import urllib.parse

import pytest
import segno
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from tests.factories import MeasureFactory
from vorort.core.models import AuditEntry
from vorort.core.pdf import AssetFetcher, AssetRefused, asset_roots, render_pdf_from_html
from vorort.events import kit, services
from vorort.events.models import WorkshopResult

from .support import LOGIN_BACKEND, make_event

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils, see make test)"),
]

HOSTILE = '<script>alert("x")</script> & <img src="file:///etc/passwd">'


def pdf_text(pdf: bytes) -> str:
    result = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return result.stdout.decode("utf-8")


def pdf_pages(pdf: bytes) -> int:
    result = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", result.stdout.decode(), re.M).group(1))


def svg_modules(data_uri: str) -> set[tuple[int, int]]:
    """Dark modules (row, column) drawn by a segno SVG: its path is made of moves (M/m) and horizontal runs (h)."""
    assert data_uri.startswith("data:image/svg+xml")
    svg = urllib.parse.unquote(data_uri.split(",", 1)[1])
    path = re.search(r"class='qrline'[^>]*\sd='([^']+)'", svg).group(1)
    dark: set[tuple[int, int]] = set()
    x = y = 0.0
    for command, args in re.findall(r"([MmHh])([^MmHh]*)", path):
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", args)]
        if command == "M":
            x, y = numbers
        elif command == "m":
            x, y = x + numbers[0], y + numbers[1]
        elif command == "h":
            for column in range(int(x), int(x + numbers[0])):
                dark.add((int(y), column))
            x += numbers[0]
        else:
            raise AssertionError(f"unexpected path command {command}")
    return dark


def segno_modules(url: str, border: int = 4) -> set[tuple[int, int]]:
    qr = segno.make(url, error="m", boost_error=False)
    return {
        (row + border, column + border)
        for row, line in enumerate(qr.matrix)
        for column, value in enumerate(line)
        if value
    }


@pytest.fixture
def workshop(town_a, users):
    event = make_event(
        municipality=town_a,
        title="Strategiewerkstatt Innenstadt",
        is_public=True,
        starts_at=timezone.make_aware(datetime.datetime(2031, 5, 6, 17, 0)),
        ends_at=timezone.make_aware(datetime.datetime(2031, 5, 6, 20, 0)),
        location="Stadthalle Beckum",
    )
    coordinator = users["coordinator"]
    services.agenda_item_create(
        actor=coordinator, event=event, title="Begrüßung durch den Bürgermeister", time=datetime.time(17, 0)
    )
    services.agenda_item_create(
        actor=coordinator, event=event, title="Marktplatz der Ideen", time=datetime.time(17, 30)
    )
    measure = MeasureFactory(municipality=town_a, title="Mobilstation am Bahnhof", summary="E-Bikes und Carsharing")
    services.workshop_topic_create(actor=coordinator, event=event, measure=measure)
    services.workshop_topic_create(actor=coordinator, event=event, question="Wo fehlen Sitzbänke?")
    return {"event": event, "measure": measure}


def kit_url(event, page_format: str) -> str:
    return reverse("events:m_kit", kwargs={"slug": "beckum", "pk": event.pk}) + f"?format={page_format}"


def test_a4_handout_has_agenda_topics_and_qr_addresses(client, users, workshop):
    event, measure = workshop["event"], workshop["measure"]
    client.force_login(users["viewer"], backend=LOGIN_BACKEND)
    response = client.get(kit_url(event, "a4"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    text = pdf_text(response.content)
    for expected in (
        "Strategiewerkstatt Innenstadt",
        "Stadthalle Beckum",
        "Begrüßung durch den Bürgermeister",
        "Marktplatz der Ideen",
        "17:30",
        "Mobilstation am Bahnhof",
        "E-Bikes und Carsharing",
        "Wo fehlen Sitzbänke?",
        "Punkte:",
    ):
        assert expected in text, expected
    assert f"Online: http://testserver/arbeitsbereich/beckum/massnahmen/{measure.pk}/" in text
    assert f"Online: http://testserver/formate/{event.pk}/" in text
    assert pdf_pages(response.content) >= 1


def test_a3_posters_one_per_topic(client, users, workshop):
    client.force_login(users["coordinator"], backend=LOGIN_BACKEND)
    response = client.get(kit_url(workshop["event"], "a3"))
    text = pdf_text(response.content)
    assert "Begrüßung durch den Bürgermeister" in text  # the cover poster carries the agenda
    assert text.count("Hier Klebepunkte aufkleben") == 2
    assert pdf_pages(response.content) == 3
    assert "a3" in response["Content-Disposition"]
    # A3 is really A3: 297 × 420 mm = 842 × 1191 pt.
    info = subprocess.run(["pdfinfo", "-"], input=response.content, capture_output=True, check=True).stdout.decode()
    assert re.search(r"Page size:\s+841\.\d+ x 1190\.\d+ pts", info)


def test_qr_codes_encode_the_printed_addresses(workshop):
    event, measure = workshop["event"], workshop["measure"]
    request = RequestFactory().get("/", HTTP_HOST="testserver")
    context = kit.build_context(event, request, "a4")
    assert context["main_target"] == f"http://testserver/formate/{event.pk}/"
    assert svg_modules(context["main_qr"]) == segno_modules(context["main_target"])
    targets = [item.target for item in context["topics"]]
    assert targets == [
        f"http://testserver/arbeitsbereich/beckum/massnahmen/{measure.pk}/",
        f"http://testserver/formate/{event.pk}/",
    ]
    for item in context["topics"]:
        assert svg_modules(item.qr) == segno_modules(item.target)
    # The comparison would notice a code for another address.
    assert svg_modules(context["main_qr"]) != segno_modules(targets[0])


def test_qr_leads_to_the_open_participation(workshop, town_a):
    from vorort.participation.models import Participation, ParticipationState

    event, measure = workshop["event"], workshop["measure"]
    today = timezone.localdate()
    participation = Participation.objects.create(
        municipality=town_a,
        title="Innenstadt 2030",
        question="Was braucht die Innenstadt?",
        starts_on=today - datetime.timedelta(days=1),
        ends_on=today + datetime.timedelta(days=30),
        privacy_text="Datenschutz",
        state=ParticipationState.OPEN,
    )
    participation.measures.add(measure)
    request = RequestFactory().get("/", HTTP_HOST="testserver")
    context = kit.build_context(event, request, "a4")
    base = f"http://testserver/beteiligung/beckum/{participation.pk}/"
    assert context["main_target"] == base and context["has_participation"]
    assert [item.target for item in context["topics"]] == [f"{base}massnahmen/{measure.pk}/", base]
    assert svg_modules(context["topics"][0].qr) == segno_modules(f"{base}massnahmen/{measure.pk}/")
    # A closed one is not offered.
    participation.state = ParticipationState.CLOSED
    participation.save()
    assert kit.build_context(event, request, "a4")["main_target"] == f"http://testserver/formate/{event.pk}/"


def test_hostile_title_is_text_in_html_and_pdf(client, users, town_a):
    event = make_event(municipality=town_a, title=HOSTILE, is_public=True)
    services.agenda_item_create(actor=None, event=event, title="</td></tr><h1>Falle</h1>")
    client.force_login(users["coordinator"], backend=LOGIN_BACKEND)
    text = pdf_text(client.get(kit_url(event, "a4")).content)
    assert '<script>alert("x")</script>' in text
    assert "</td></tr><h1>Falle</h1>" in text
    page = client.get(reverse("events:public_detail", kwargs={"pk": event.pk})).content.decode()
    assert "<script>alert" not in page and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    manage = client.get(reverse("events:m_detail", kwargs={"slug": "beckum", "pk": event.pk})).content.decode()
    assert "<script>alert" not in manage and "<h1>Falle</h1>" not in manage


def test_kit_without_topics_or_agenda(client, users, town_a):
    event = make_event(municipality=town_a, title="Leere Werkstatt")
    client.force_login(users["editor"], backend=LOGIN_BACKEND)
    for page_format in ("a4", "a3", "unsinn"):
        response = client.get(
            reverse("events:m_kit", kwargs={"slug": "beckum", "pk": event.pk}) + f"?format={page_format}"
        )
        assert response.status_code == 200
        assert "Noch keine Diskussionspunkte" in pdf_text(response.content)


def test_network_event_kit(client, users, network):
    event = make_event(network=network, title="Netzwerktreffen Mobilität")
    services.workshop_topic_create(actor=None, event=event, question="Was lernen wir voneinander?")
    client.force_login(users["network_admin"], backend=LOGIN_BACKEND)
    response = client.get(reverse("events:n_kit", kwargs={"pk": event.pk}) + "?format=a4")
    text = pdf_text(response.content)
    assert "Netzwerktreffen Mobilität" in text and "Was lernen wir voneinander?" in text


# Dot counts back from the posters ----------------------------------------------------------------------------------


def dots_url(event) -> str:
    return reverse("events:m_dots", kwargs={"slug": "beckum", "pk": event.pk})


def test_dot_counts_recorded_as_workshop_results(client, users, workshop):
    event = workshop["event"]
    topics = list(event.topics.order_by("order"))
    client.force_login(users["editor"], backend=LOGIN_BACKEND)
    response = client.post(dots_url(event), {f"topic_{topics[0].pk}": "17", f"topic_{topics[1].pk}": "4"})
    assert response.status_code == 302
    assert {r.topic_id: r.dots for r in WorkshopResult.objects.filter(event=event)} == {
        topics[0].pk: 17,
        topics[1].pk: 4,
    }
    assert WorkshopResult.objects.get(topic=topics[0]).recorded_by == users["editor"]
    # Recount: the number is replaced, and the change is audited with before and after.
    client.post(dots_url(event), {f"topic_{topics[0].pk}": "19", f"topic_{topics[1].pk}": "4"})
    result = WorkshopResult.objects.get(topic=topics[0])
    assert result.dots == 19
    change = AuditEntry.objects.filter(object_id=str(result.pk), action="update").first()
    assert {k: change.changes[0][k] for k in ("field", "before", "after")} == {
        "field": "dots",
        "before": 17,
        "after": 19,
    }
    # The analog result shows on the event page.
    html = client.get(reverse("events:m_detail", kwargs={"slug": "beckum", "pk": event.pk})).content.decode()
    assert "Punktabfrage vor Ort" in html and ">19<" in html and "Insgesamt 23 Punkte." in html
    from vorort.events.selectors import workshop_dots_for_measures

    assert workshop_dots_for_measures([workshop["measure"].pk]) == {workshop["measure"].pk: 19}


@pytest.mark.parametrize(
    ("value", "message"), [("-3", "Bitte eine Zahl ab 0 eingeben."), ("viele", "Bitte eine ganze Zahl eingeben.")]
)
def test_bad_dot_counts_refused(client, users, workshop, value, message):
    event = workshop["event"]
    topic = event.topics.first()
    client.force_login(users["editor"], backend=LOGIN_BACKEND)
    response = client.post(dots_url(event), {f"topic_{topic.pk}": value})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not WorkshopResult.objects.exists()


def test_dot_counts_for_another_events_topic_refused(workshop, town_a):
    other = make_event(municipality=town_a, title="Andere Werkstatt")
    foreign = services.workshop_topic_create(actor=None, event=other, question="Fremd?")
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.workshop_results_record(actor=None, event=workshop["event"], counts={foreign.pk: 3})
    assert not WorkshopResult.objects.exists()


def test_topic_form_needs_a_measure_or_a_question(client, users, workshop, town_b):
    event = workshop["event"]
    url = reverse("events:m_program", kwargs={"slug": "beckum", "pk": event.pk})
    client.force_login(users["editor"], backend=LOGIN_BACKEND)
    html = client.post(url, {"form": "topic", "thema-measure": "", "thema-question": ""}).content.decode()
    assert "Bitte eine Maßnahme wählen oder eine Frage eingeben." in html
    foreign = MeasureFactory(municipality=town_b, title="Fremde Maßnahme")
    html = client.post(url, {"form": "topic", "thema-measure": str(foreign.pk)}).content.decode()
    assert "Dies ist keine gültige Auswahl." in html
    html = client.post(url, {"form": "topic", "thema-measure": str(workshop["measure"].pk)}).content.decode()
    assert "Diese Maßnahme steht schon auf der Liste." in html
    assert event.topics.count() == 2


# The PDF renderer's fetcher --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://example.org/logo.png",
        "https://example.org/font.ttf",
        "ftp://example.org/x",
        "file://evil.example/share/x.png",
        f"file://{asset_roots()[0]}/../../settings.py",
        f"file://{asset_roots()[0]}/vorort/fonts/../../../settings.py",
        f"file://{asset_roots()[0]}/vorort/fonts/",
    ],
)
def test_fetcher_refuses_everything_but_assets(url):
    with pytest.raises(AssetRefused):
        AssetFetcher().fetch(url)


def test_fetcher_serves_assets_and_data_uris():
    font = AssetFetcher().fetch(f"file://{asset_roots()[0]}/vorort/fonts/DejaVuSans.ttf")
    assert font.content_type == "font/ttf" and len(font.read()) > 100_000
    data = AssetFetcher().fetch("data:text/plain;base64,SGFsbG8=")
    assert data.read() == b"Hallo"


def test_rendering_ignores_outside_resources(caplog):
    pdf = render_pdf_from_html(
        '<p>Text</p><img src="file:///etc/hostname"><img src="http://127.0.0.1:9/x.png">'
        '<link rel="stylesheet" href="file:///etc/passwd">'
    )
    assert pdf.startswith(b"%PDF-") and "Text" in pdf_text(pdf)
    assert "AssetRefused" in caplog.text
