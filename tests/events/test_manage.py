"""Creating and editing events, agenda, publishing rights, documentation with linked results, deleting."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import MeasureFactory
from vorort.core.models import AuditEntry
from vorort.events import services
from vorort.events.models import AgendaItem, Event, EventResult
from vorort.strategy.models import Need

from .support import make_event

pytestmark = pytest.mark.django_db


def form_data(**overrides) -> dict:
    data = {
        "title": "Strategiewerkstatt Innenstadt",
        "kind": "strategiewerkstatt",
        "mode": "analog",
        "starts_at": "2031-03-04T18:00",
        "ends_at": "2031-03-04T21:00",
        "location": "Rathaus Beckum, Ratssaal",
        "online_url": "",
        "description": "Wir sammeln Ideen.",
        "capacity": "30",
        "registration_open": "on",
        "is_public": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_coordinator_creates_a_public_event(login, town_b):
    client = login("coordinator")
    response = client.post(
        reverse("events:m_create", kwargs={"slug": "beckum"}),
        form_data(participating_municipalities=[str(town_b.pk)]),
    )
    event = Event.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/arbeitsbereich/beckum/formate/{event.pk}/"
    assert event.municipality.slug == "beckum" and event.network_id == town_b.network_id
    assert event.is_public and event.capacity == 30
    # Berlin local time, stored as an instant: 18:00 in March is 17:00 UTC.
    assert event.starts_at == datetime.datetime(2031, 3, 4, 17, 0, tzinfo=datetime.UTC)
    assert list(event.participating_municipalities.all()) == [town_b]
    assert AuditEntry.objects.filter(object_id=str(event.pk), action="create").exists()
    m2m = AuditEntry.objects.filter(object_id=str(event.pk), changes__0__field="participating_municipalities")
    assert m2m.exists()


def test_editor_may_create_but_not_publish(login):
    client = login("editor")
    client.post(reverse("events:m_create", kwargs={"slug": "beckum"}), form_data(is_public="on"))
    assert Event.objects.get().is_public is False
    html = client.get(reverse("events:m_create", kwargs={"slug": "beckum"})).content.decode()
    assert "Veröffentlichen darf die Smart-City-Koordination." in html


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"title": ""}, "title", "Dieses Feld ist zwingend erforderlich."),
        ({"ends_at": "2031-03-04T17:00"}, "ends_at", "Das Ende darf nicht vor dem Beginn liegen."),
        ({"location": ""}, "location", "Bitte den Ort angeben"),
        ({"mode": "digital", "location": ""}, "online_url", "Bitte den Link für die Online-Teilnahme angeben."),
        ({"mode": "hybrid", "online_url": "kein link"}, "online_url", "Bitte eine gültige Adresse eingeben."),
        ({"starts_at": "morgen"}, "starts_at", "gültiges Datum"),
        ({"starts_at": "2031-03-30T02:30"}, "starts_at", "Zeitzone"),
        ({"capacity": "0"}, "capacity", "größer oder gleich 1"),
        ({"capacity": "-5"}, "capacity", "größer oder gleich"),
        ({"kind": "party"}, "kind", "keine gültige Auswahl"),
    ],
)
def test_bad_input_is_refused_at_the_field(login, overrides, field, message):
    client = login("coordinator")
    response = client.post(reverse("events:m_create", kwargs={"slug": "beckum"}), form_data(**overrides))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="id_{field}_error"' in html
    assert message in html
    assert not Event.objects.exists()


def test_title_line_breaks_are_collapsed(login):
    login("coordinator").post(
        reverse("events:m_create", kwargs={"slug": "beckum"}), form_data(title="Zeile\r\nzwei\tdrei")
    )
    assert Event.objects.get().title == "Zeile zwei drei"


def test_edit_with_a_stale_version_keeps_the_input(login, town_a):
    event = make_event(municipality=town_a, title="Alt")
    client = login("coordinator")
    url = reverse("events:m_edit", kwargs={"slug": "beckum", "pk": event.pk})
    services.event_update(actor=None, event=event, data={"title": "Zwischendurch"}, expected_version=event.version)
    response = client.post(url, form_data(title="Meine Fassung", version=str(event.version)))
    html = response.content.decode()
    assert "Jemand anderes hat diesen Eintrag inzwischen geändert" in html and "Meine Fassung" in html
    assert Event.objects.get().title == "Zwischendurch"
    response = client.post(url, form_data(title="Meine Fassung", version=str(event.version + 1)))
    assert response.status_code == 302 and Event.objects.get().title == "Meine Fassung"


def test_network_admin_manages_network_events(login, network, town_a):
    client = login("network_admin")
    response = client.post(
        reverse("events:n_create"),
        form_data(
            title="Erfahrungsaustausch Mobilität",
            kind="erfahrungsaustausch",
            is_public="",
            participating_municipalities=[str(town_a.pk)],
        ),
    )
    event = Event.objects.get()
    assert response["Location"] == f"/netzwerk/formate/{event.pk}/"
    assert event.municipality is None and event.network == network and not event.is_public
    html = client.get(reverse("events:n_list")).content.decode()
    assert "Erfahrungsaustausch Mobilität" in html
    # A municipality's members see it in their calendar and on its page, but cannot manage it.
    viewer = login("viewer")
    assert (
        "Erfahrungsaustausch Mobilität"
        in viewer.get(reverse("events:m_list", kwargs={"slug": "beckum"})).content.decode()
    )
    assert viewer.get(reverse("events:public_detail", kwargs={"pk": event.pk})).status_code == 200
    assert viewer.get(reverse("events:m_detail", kwargs={"slug": "beckum", "pk": event.pk})).status_code == 404


def test_agenda_items(login, town_a):
    event = make_event(municipality=town_a)
    client = login("editor")
    url = reverse("events:m_program", kwargs={"slug": "beckum", "pk": event.pk})
    client.post(url, {"form": "agenda", "ablauf-time": "18:30", "ablauf-title": "Kleingruppen", "ablauf-note": ""})
    client.post(url, {"form": "agenda", "ablauf-time": "18:00", "ablauf-title": "Begrüßung", "ablauf-note": "Saal"})
    client.post(url, {"form": "agenda", "ablauf-time": "", "ablauf-title": "Ankommen", "ablauf-note": ""})
    assert [item.title for item in AgendaItem.objects.filter(event=event)] == ["Ankommen", "Begrüßung", "Kleingruppen"]
    html = client.post(url, {"form": "agenda", "ablauf-time": "25:99", "ablauf-title": ""}).content.decode()
    assert 'id="id_ablauf-title_error"' in html and 'id="id_ablauf-time_error"' in html
    item = AgendaItem.objects.get(title="Begrüßung")
    client.post(reverse("events:m_agenda_delete", kwargs={"slug": "beckum", "pk": item.pk}))
    assert not AgendaItem.objects.filter(title="Begrüßung").exists()


def test_delete_needs_coordination(login, town_a):
    event = make_event(municipality=town_a)
    url = reverse("events:m_delete", kwargs={"slug": "beckum", "pk": event.pk})
    assert login("editor").post(url).status_code == 403
    assert login("coordinator").post(url).status_code == 302
    assert not Event.objects.exists()


# Documentation ------------------------------------------------------------------------------------------------------


@pytest.fixture
def documented(town_a, town_b):
    event = make_event(municipality=town_a, title="Bürgerforum Markt", is_public=True)
    field = town_a.network.action_fields.first()
    return {
        "event": event,
        "measure": MeasureFactory(municipality=town_a, title="Sitzbänke am Markt"),
        "need": Need.objects.create(municipality=town_a, title="Schatten im Sommer", action_field=field),
        "foreign_measure": MeasureFactory(municipality=town_b, title="Fremde Maßnahme"),
    }


def doc_url(event) -> str:
    return reverse("events:m_documentation", kwargs={"slug": "beckum", "pk": event.pk})


def test_result_linked_to_a_measure_and_a_need(login, documented):
    event = documented["event"]
    client = login("editor")
    response = client.post(
        doc_url(event),
        {
            "form": "result",
            "ergebnis-text": "Mehr Sitzgelegenheiten mit Schatten",
            "ergebnis-measure": str(documented["measure"].pk),
            "ergebnis-need": str(documented["need"].pk),
        },
    )
    assert response.status_code == 302
    result = EventResult.objects.get()
    assert result.measure == documented["measure"] and result.need == documented["need"]
    html = client.get(reverse("events:m_detail", kwargs={"slug": "beckum", "pk": event.pk})).content.decode()
    assert f'href="/arbeitsbereich/beckum/massnahmen/{documented["measure"].pk}/"' in html
    assert "Schatten im Sommer" in html


def test_result_cannot_link_another_towns_measure(login, documented):
    event = documented["event"]
    html = (
        login("editor")
        .post(
            doc_url(event),
            {"form": "result", "ergebnis-text": "x", "ergebnis-measure": str(documented["foreign_measure"].pk)},
        )
        .content.decode()
    )
    assert "keine gültige Auswahl" in html and not EventResult.objects.exists()
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.event_result_create(actor=None, event=event, text="x", measure=documented["foreign_measure"])


def test_result_needs_text(login, documented):
    html = login("editor").post(doc_url(documented["event"]), {"form": "result", "ergebnis-text": ""}).content.decode()
    assert 'id="id_ergebnis-text_error"' in html and not EventResult.objects.exists()


def test_result_linked_to_a_participation_idea(login, documented, town_a):
    from vorort.participation.models import Idea, Participation, ParticipationState

    participation = Participation.objects.create(
        municipality=town_a,
        title="Markt 2030",
        question="?",
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
        privacy_text="Datenschutz",
        state=ParticipationState.OPEN,
    )
    idea = Idea.objects.create(participation=participation, title="Trinkbrunnen", text="Am Markt")
    client = login("editor")
    client.post(
        doc_url(documented["event"]),
        {"form": "result", "ergebnis-text": "Brunnen prüfen", "ergebnis-idea": str(idea.pk)},
    )
    assert EventResult.objects.get().idea == idea
    html = client.get(reverse("events:public_detail", kwargs={"pk": documented["event"].pk})).content.decode()
    assert f'href="/beteiligung/beckum/{participation.pk}/ideen/{idea.pk}/"' in html


def test_protocol_and_public_documentation(login, client, documented):
    event = documented["event"]
    services.event_result_create(actor=None, event=event, text="Ergebnis für alle", measure=documented["measure"])
    page = reverse("events:public_detail", kwargs={"pk": event.pk})
    assert "Ergebnis für alle" not in client.get(page).content.decode()
    editor = login("editor")
    editor.post(
        doc_url(event),
        {
            "form": "protocol",
            "protocol": "Protokoll: 40 Gäste",
            "documentation_public": "on",
            "version": str(event.version),
        },
    )
    event.refresh_from_db()
    assert event.protocol == "Protokoll: 40 Gäste" and event.documentation_public is False  # editors cannot publish
    login("coordinator").post(
        doc_url(event),
        {
            "form": "protocol",
            "protocol": "Protokoll: 40 Gäste",
            "documentation_public": "on",
            "version": str(event.version),
        },
    )
    event.refresh_from_db()
    assert event.documentation_public is True
    client.logout()
    html = client.get(page).content.decode()
    assert "Ergebnis für alle" in html and "Protokoll: 40 Gäste" in html
    # The measure is internal: the public sees that a measure is linked, not which.
    assert "Sitzbänke am Markt" not in html and "(interne Maßnahme)" in html


def test_manage_pages_render_for_a_full_event(login, documented, users):
    event = documented["event"]
    services.agenda_item_create(actor=None, event=event, title="Begrüßung", time=datetime.time(18, 0))
    services.workshop_topic_create(actor=None, event=event, measure=documented["measure"])
    services.event_result_create(actor=None, event=event, text="Ergebnis", need=documented["need"])
    services.registration_create(actor=users["participant"], event=event)
    client = login("coordinator")
    detail = client.get(reverse("events:m_detail", kwargs={"slug": "beckum", "pk": event.pk})).content.decode()
    assert "1 Person angemeldet" in detail
    for name in ("m_detail", "m_edit", "m_program", "m_registrations", "m_documentation", "m_dots", "m_delete"):
        response = client.get(reverse(f"events:{name}", kwargs={"slug": "beckum", "pk": event.pk}))
        assert response.status_code == 200, name
    assert client.get(reverse("events:m_list", kwargs={"slug": "beckum"}) + "?zeitraum=vergangen").status_code == 200
    assert client.get(reverse("events:my_calendar")).status_code == 200
