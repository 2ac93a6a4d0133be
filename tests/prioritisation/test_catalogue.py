"""Closing a round freezes the catalogue; the frozen catalogue never changes; the council adopts it."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from vorort.core.models import AuditEntry
from vorort.measures.models import Measure, StatusChange
from vorort.measures.services import measure_delete, measure_status_change, measure_update
from vorort.prioritisation import selectors, services
from vorort.prioritisation.models import Catalogue, CatalogueEntry, CouncilResolution, Criterion, RatingRound

from .conftest import field_errors, text


def _close(client, rating_round):
    url = reverse("prioritisation:round_close", kwargs={"slug": "beckum", "pk": rating_round.pk})
    return client.post(url, {"version": rating_round.version})


def _frozen(catalogue):
    return list(
        CatalogueEntry.objects.filter(catalogue=catalogue)
        .order_by("position")
        .values_list("title", "rank", "score", "rank_low", "rank_high", "stable", "cells")
    )


def test_the_hand_computed_ranking(scenario, town_a):
    """Shares 2 : 1 : 1 = 0.5, 0.25, 0.25.

    Dringlichkeit 4 / 2 / 5 → scaled 2/3, 0, 1. Kosten 15 000 / 50 000 / 30 000 € → scaled 1, 0, 20/35.
    Mehrwert 6 / 2 / 4 → scaled 1, 0, 0.5.
    Bürger-App 0.5 · 2/3 + 0.25 · 1 + 0.25 · 1 = 0.8333; Smarte Beleuchtung 0.5 + 0.25 · 4/7 + 0.125 = 0.7679;
    Mobilstation 0.
    """
    result = selectors.build_ranking(town_a)
    assert [row.title for row in result.rows] == ["Bürger-App", "Smarte Beleuchtung", "Mobilstation"]
    assert [row.rank for row in result.rows] == [1, 2, 3]
    assert [row.score for row in result.rows] == pytest.approx([5 / 6, 0.5 + 1 / 7 + 0.125, 0.0])
    assert [c.share for c in result.columns] == [0.5, 0.25, 0.25]
    app = result.rows[0]
    assert [cell.value for cell in app.cells] == [4.0, 15_000.0, 6.0]
    assert [cell.scaled for cell in app.cells] == pytest.approx([2 / 3, 1.0, 1.0])
    assert all(row.stable for row in result.rows)


def test_closing_freezes_the_catalogue(login, scenario, town_a, users):
    rating_round = scenario["round"]
    response = _close(login("coordinator"), rating_round)
    catalogue = Catalogue.objects.get(rating_round=rating_round)
    assert response.status_code == 302
    assert response["Location"] == reverse("prioritisation:catalogue", kwargs={"slug": "beckum", "pk": catalogue.pk})
    rating_round.refresh_from_db()
    assert rating_round.status == "abgeschlossen" and rating_round.closed_on == timezone.localdate()
    assert catalogue.frozen_on == timezone.localdate()
    assert [(c["name"], c["weight"], c["share"]) for c in catalogue.criteria] == [
        ("Dringlichkeit", 2.0, 0.5),
        ("Kosten", 1.0, 0.25),
        ("Mehrwert", 1.0, 0.25),
    ]
    assert catalogue.parameters["sensitivity"] == 0.2 and catalogue.parameters["stable_spread"] == 0
    entries = _frozen(catalogue)
    assert [(title, rank) for title, rank, *_ in entries] == [
        ("Bürger-App", 1),
        ("Smarte Beleuchtung", 2),
        ("Mobilstation", 3),
    ]
    first_cells = entries[0][6]
    assert first_cells[0] == {
        "source": "bewertung",
        "value": 4.0,
        "scaled": pytest.approx(2 / 3),
        "spread": 1.0,
        "count": 2,
    }
    assert first_cells[1]["value"] == 15_000.0
    assert AuditEntry.objects.filter(object_id=str(catalogue.pk), action="create").exists()

    page = text(login("viewer").get(reverse("prioritisation:catalogue", kwargs={"slug": "beckum", "pk": catalogue.pk})))
    assert "Priorisierter Maßnahmenkatalog: Priorisierung 2026" in page
    assert "83,33" in page and "76,79" in page and "50,0 %" in page
    assert "Punktzahl = Σ Gewicht_k × normierter Wert_k" in page
    assert "noch nicht beschlossen" in page

    # A second close is refused; the round page links the catalogue.
    again = _close(login("coordinator"), rating_round)
    assert again.status_code == 302 and Catalogue.objects.count() == 1
    with pytest.raises(ValidationError):
        services.rating_round_close(actor=users["coordinator"], rating_round=rating_round, expected_version=None)


def test_a_frozen_catalogue_never_changes(login, scenario, town_a, users):
    coordinator = users["coordinator"]
    catalogue = services.rating_round_close(actor=coordinator, rating_round=scenario["round"], expected_version=None)
    before = _frozen(catalogue)
    criteria_before = list(Catalogue.objects.get(pk=catalogue.pk).criteria)
    dringlichkeit, kosten, mehrwert = scenario["criteria"]

    # Afterwards: weights change, a measure is renamed and gets other costs, one is deleted, a criterion dropped.
    services.criteria_weights_save(
        actor=coordinator, municipality=town_a, weights={kosten.pk: 100, dringlichkeit.pk: 0}, versions={}
    )
    app = Measure.objects.get(pk=scenario["app"].pk)
    measure_update(
        actor=coordinator, measure=app, data={"title": "Stadt-App", "investment_cost": 999_999}, expected_version=None
    )
    measure_delete(actor=coordinator, measure=Measure.objects.get(pk=scenario["station"].pk))
    services.criterion_delete(actor=coordinator, criterion=Criterion.objects.get(pk=mehrwert.pk))

    assert _frozen(catalogue) == before
    assert Catalogue.objects.get(pk=catalogue.pk).criteria == criteria_before
    deleted = CatalogueEntry.objects.get(catalogue=catalogue, title="Mobilstation")
    assert deleted.measure_id is None  # the link is gone, the copy stays

    page = login("viewer").get(reverse("prioritisation:catalogue", kwargs={"slug": "beckum", "pk": catalogue.pk}))
    html = text(page)
    assert "Bürger-App" in html and "Stadt-App" not in html
    assert "Mobilstation" in html and "Mehrwert" in html and "83,33" in html
    assert "15.000,00 €" in html

    # The model refuses any change, too.
    frozen = Catalogue.objects.get(pk=catalogue.pk)
    frozen.title = "Anders"
    with pytest.raises(PermissionError):
        frozen.save()
    with pytest.raises(PermissionError):
        Catalogue.objects.filter(pk=catalogue.pk).update(title="Anders")
    with pytest.raises(PermissionError):
        CatalogueEntry.objects.filter(catalogue=catalogue).update(rank=1)
    entry = CatalogueEntry.objects.filter(catalogue=catalogue).first()
    entry.rank = 99
    with pytest.raises(PermissionError):
        entry.save()
    assert _frozen(catalogue) == before


def _adopt_url(catalogue):
    return reverse("prioritisation:catalogue_adopt", kwargs={"slug": "beckum", "pk": catalogue.pk})


def test_council_adoption_moves_measures_to_beschlossen(login, scenario, users):
    catalogue = services.rating_round_close(
        actor=users["coordinator"], rating_round=scenario["round"], expected_version=None
    )
    light = Measure.objects.get(pk=scenario["light"].pk)
    measure_status_change(actor=users["editor"], measure=light, status="in_umsetzung", expected_version=None)
    today = timezone.localdate()
    client = login("coordinator")
    response = client.post(
        _adopt_url(catalogue), {"decided_on": today.isoformat(), "reference": "2026/041", "scope": "alle"}
    )
    assert response.status_code == 302
    resolution = Catalogue.objects.get(pk=catalogue.pk).resolution
    assert (resolution.decided_on, resolution.reference, resolution.recorded_by) == (
        today,
        "2026/041",
        users["coordinator"],
    )
    assert resolution.entries.count() == 3

    app = Measure.objects.get(pk=scenario["app"].pk)
    station = Measure.objects.get(pk=scenario["station"].pk)
    assert app.status == "beschlossen" and station.status == "beschlossen"
    assert Measure.objects.get(pk=light.pk).status == "in_umsetzung"  # already further: unchanged
    change = StatusChange.objects.get(measure=app, to_status="beschlossen")
    assert change.changed_on == today and "Drucksache 2026/041" in change.note
    assert change.changed_by == users["coordinator"]
    assert AuditEntry.objects.filter(object_id=str(app.pk), action="update").exists()
    assert AuditEntry.objects.filter(object_id=str(resolution.pk)).exists()

    page = text(client.get(reverse("prioritisation:catalogue", kwargs={"slug": "beckum", "pk": catalogue.pk})))
    assert "Drucksache 2026/041" in page and "beschlossen" in page
    # Only once.
    again = client.get(_adopt_url(catalogue))
    assert again.status_code == 302
    with pytest.raises(ValidationError):
        services.catalogue_adopt(
            actor=users["coordinator"],
            catalogue=catalogue,
            decided_on=today,
            reference="2026/042",
            entries=list(catalogue.entries.all()),
        )


def test_adopting_a_selection(login, scenario, users):
    catalogue = services.rating_round_close(
        actor=users["coordinator"], rating_round=scenario["round"], expected_version=None
    )
    chosen = CatalogueEntry.objects.get(catalogue=catalogue, title="Smarte Beleuchtung")
    response = login("coordinator").post(
        _adopt_url(catalogue),
        {
            "decided_on": timezone.localdate().isoformat(),
            "reference": "V/2026/7",
            "scope": "auswahl",
            "entries": [chosen.pk],
        },
    )
    assert response.status_code == 302
    statuses = dict(Measure.objects.values_list("title", "status"))
    assert statuses == {"Bürger-App": "idee", "Mobilstation": "idee", "Smarte Beleuchtung": "beschlossen"}
    page = text(login("viewer").get(reverse("prioritisation:catalogue", kwargs={"slug": "beckum", "pk": catalogue.pk})))
    assert page.count("beschlossen") >= 2


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"decided_on": "2999-01-01", "reference": "1", "scope": "alle"}, "decided_on", "nicht in der Zukunft"),
        ({"decided_on": "31.02.2026", "reference": "1", "scope": "alle"}, "decided_on", "gültiges Datum"),
        ({"decided_on": "", "reference": "", "scope": "alle"}, "reference", "zwingend erforderlich"),
        ({"decided_on": "heute", "reference": "1", "scope": "auswahl"}, "entries", "mindestens eine"),
        ({"decided_on": "gestern", "reference": "1", "scope": "alle"}, "decided_on", "nicht vor dem Katalog"),
        ({"decided_on": "heute", "reference": "1", "scope": "auswahl", "entries": ["x"]}, "entries", "aus dem Katalog"),
    ],
)
def test_bad_adoption_input_is_explained(login, scenario, users, data, field, message):
    catalogue = services.rating_round_close(
        actor=users["coordinator"], rating_round=scenario["round"], expected_version=None
    )
    days = {"heute": 0, "gestern": 1}
    if data["decided_on"] in days:
        day = timezone.localdate() - datetime.timedelta(days=days[data["decided_on"]])
        data = dict(data, decided_on=day.isoformat())
    response = login("coordinator").post(_adopt_url(catalogue), data)
    assert response.status_code == 200
    assert message in field_errors(response.content.decode(), field)
    assert not CouncilResolution.objects.exists()
    assert set(Measure.objects.values_list("status", flat=True)) == {"idee"}


def test_closing_needs_criteria_and_measures(login, town_a, users):
    rating_round = RatingRound.objects.create(municipality=town_a, title="Leer", opened_on=datetime.date(2026, 1, 1))
    response = _close(login("coordinator"), rating_round)
    assert response.status_code == 200
    assert "keine Kriterien" in response.content.decode()
    assert not Catalogue.objects.exists()


def test_stale_close_is_refused(login, scenario, users):
    rating_round = scenario["round"]
    version = rating_round.version
    services.rating_round_update(
        actor=users["coordinator"],
        rating_round=rating_round,
        title="Umbenannt",
        measures=rating_round.measures.all(),
        raters=rating_round.raters.all(),
        expected_version=None,
    )
    url = reverse("prioritisation:round_close", kwargs={"slug": "beckum", "pk": rating_round.pk})
    response = login("coordinator").post(url, {"version": version})
    assert "inzwischen geändert" in response.content.decode()
    assert not Catalogue.objects.exists()
