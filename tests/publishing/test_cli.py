"""vorort publish <kommune|netzwerk> --kind … --format … -o <datei>."""

import io

import pytest
from django.core.management import CommandError, call_command
from docx import Document

from tests.events.support import make_event
from vorort.events.models import Event

from .support import HAS_POPPLER, flat, pdf_text

pytestmark = [pytest.mark.django_db]


def publish(*args) -> str:
    err = io.StringIO()
    call_command("publish", *args, stderr=err)
    return err.getvalue()


@pytest.mark.skipif(not HAS_POPPLER, reason="needs pdftotext")
def test_strategy_pdf_to_a_file(town_a, strategy, tmp_path):
    target = tmp_path / "strategie.pdf"
    message = publish("beckum", "--kind", "strategy", "--format", "pdf", "-o", str(target))
    assert "SHA-256" in message and str(target) in message
    text = flat(pdf_text(target.read_bytes()))
    assert "Smart-City-Strategie Beckum" in text and strategy[0].title in text


def test_every_kind_and_format(town_a, strategy, tmp_path):
    event = Event.objects.get(municipality=town_a)
    network_event = make_event(network=town_a.network, title="Netzwerktreffen", days=-5)
    cases = [
        ("beckum", "annex", "docx", []),
        ("beckum", "annex", "html", []),
        ("beckum", "strategy", "docx", ["--public"]),
        ("beckum", "event", "docx", ["--event", str(event.pk)]),
        ("network", "network", "html", []),
        (town_a.network.slug, "network", "docx", []),
        ("network", "event", "html", ["--event", str(network_event.pk)]),
    ]
    for target, kind, fmt, extra in cases:
        path = tmp_path / f"{target}-{kind}.{fmt}"
        publish(target, "--kind", kind, "--format", fmt, *extra, "-o", str(path))
        data = path.read_bytes()
        if fmt == "docx":
            assert Document(io.BytesIO(data)).paragraphs
        else:
            assert data.startswith(b"<!DOCTYPE html>")
    annex = Document(io.BytesIO((tmp_path / "beckum-annex.docx").read_bytes()))
    assert annex.tables[0].rows[1].cells[0].text == "1"


def test_output_to_stdout(town_a, strategy, capsysbinary):
    call_command("publish", "beckum", "--kind", "annex", "--format", "html", "-o", "-")
    assert capsysbinary.readouterr().out.startswith(b"<!DOCTYPE html>")


@pytest.mark.parametrize(
    "args, message",
    [
        (["unbekannt", "--kind", "strategy", "--format", "pdf"], "Eine Kommune „unbekannt“ gibt es nicht."),
        (["beckum", "--kind", "event", "--format", "pdf"], "--event"),
        (["beckum", "--kind", "event", "--event", "999999", "--format", "pdf"], "gehört nicht zu"),
        (["beckum", "--kind", "strategy", "--event", "1", "--format", "pdf"], "nur zu --kind event"),
        (["nirgendwo", "--kind", "network", "--format", "pdf"], "Ein Netzwerk „nirgendwo“ gibt es nicht."),
    ],
)
def test_errors_are_german(town_a, tmp_path, args, message):
    with pytest.raises(CommandError, match=message):
        publish(*args, "-o", str(tmp_path / "x"))
    assert not (tmp_path / "x").exists()
