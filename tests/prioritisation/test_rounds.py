"""Rating rounds: opening, invited and uninvited raters, the rating form, aggregation and progress."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from vorort.core.models import AuditEntry
from vorort.prioritisation import selectors, services
from vorort.prioritisation.models import Rating, RatingRound

from .conftest import field_errors, measure, only_criteria, text


@pytest.fixture
def two_rated(town_a, users):
    """Two rated criteria (Dringlichkeit 1–5, Umsetzbarkeit 0–3) and the cost from data."""
    return only_criteria(
        town_a,
        users["coordinator"],
        ("Dringlichkeit", "bewertung", "nutzen", 10),
        ("Umsetzbarkeit", "bewertung", "nutzen", 10),
        ("Kosten", "kosten", "kosten", 10),
    )


@pytest.fixture
def scale_0_3(two_rated, users):
    umsetzbarkeit = two_rated[1]
    return services.criterion_update(
        actor=users["coordinator"], criterion=umsetzbarkeit, data={"scale_min": 0, "scale_max": 3}, expected_version=1
    )


@pytest.fixture
def round_open(town_a, users, two_rated, scale_0_3):
    measures = [measure(town_a, "Bürger-App"), measure(town_a, "Mobilstation"), measure(town_a, "Smarte Beleuchtung")]
    return services.rating_round_create(
        actor=users["coordinator"],
        municipality=town_a,
        title="Priorisierung 2026",
        measures=measures,
        raters=[users["coordinator"], users["editor"], users["viewer"]],
    )


def _rate_url(rating_round, measure_obj):
    return reverse("prioritisation:rating", kwargs={"slug": "beckum", "pk": rating_round.pk, "measure": measure_obj.pk})


def _measures(rating_round):
    return list(selectors.round_measures(rating_round))


def test_coordinator_opens_a_round_with_measures_and_invited_raters(login, town_a, users, two_rated):
    client = login("coordinator")
    candidates = [measure(town_a, "Bürger-App"), measure(town_a, "Mobilstation")]
    adopted_already = measure(town_a, "Glasfaser", status="beschlossen")
    url = reverse("prioritisation:round_create", kwargs={"slug": "beckum"})
    form = client.get(url)
    html = form.content.decode()
    # Candidates are ticked, an adopted measure is not; invitable people carry their role.
    ticked = set(re.findall(r'name="measures" value="(\d+)"[^>]* checked', html))
    assert ticked == {str(m.pk) for m in candidates}
    assert "Lesezugriff (Rat, Verwaltungsspitze)" in html
    assert "Bürger*in" not in text(form).split("Bewertende einladen")[1]
    response = client.post(
        url,
        {
            "title": "Priorisierung 2026",
            "measures": [m.pk for m in candidates],
            "raters": [users["editor"].pk, users["viewer"].pk],
        },
    )
    rating_round = RatingRound.objects.get(municipality=town_a)
    assert response.status_code == 302 and response["Location"].endswith(f"/runden/{rating_round.pk}/")
    assert set(rating_round.measures.all()) == set(candidates)
    assert adopted_already not in rating_round.measures.all()
    assert set(rating_round.raters.all()) == {users["editor"], users["viewer"]}
    assert AuditEntry.objects.filter(object_id=str(rating_round.pk), action="update").exists()  # members

    # Only one open round at a time.
    again = client.get(url)
    assert "ist noch offen" in text(again)
    client.post(url, {"title": "Noch eine", "measures": [candidates[0].pk], "raters": [users["editor"].pk]})
    assert RatingRound.objects.filter(municipality=town_a).count() == 1


def test_round_form_refuses_strangers_and_empty_selections(login, town_a, users, two_rated, town_b):
    client = login("coordinator")
    url = reverse("prioritisation:round_create", kwargs={"slug": "beckum"})
    foreign = measure(town_b, "Fremde Maßnahme")
    own = measure(town_a, "Eigene Maßnahme")
    response = client.post(
        url,
        {"title": "Runde", "measures": [foreign.pk], "raters": [users["participant"].pk, users["coordinator_b"].pk]},
    )
    html = response.content.decode()
    assert "nur Maßnahmen aus der Liste" in field_errors(html, "measures")
    assert "nur Personen aus der Liste" in field_errors(html, "raters")
    empty = client.post(url, {"title": "Runde", "measures": [], "raters": []})
    assert "mindestens eine Maßnahme" in field_errors(empty.content.decode(), "measures")
    assert "mindestens eine Person" in field_errors(empty.content.decode(), "raters")
    assert not RatingRound.objects.exists()
    with pytest.raises(ValidationError):
        services.rating_round_create(
            actor=users["coordinator"], municipality=town_a, title="x", measures=[own], raters=[users["participant"]]
        )


def test_only_invited_raters_may_rate(login, round_open, users):
    first = _measures(round_open)[0]
    for role in ("coordinator", "editor", "viewer"):  # invited – the viewer as a council member
        assert login(role).get(_rate_url(round_open, first)).status_code == 200
        assert (
            login(role)
            .get(reverse("prioritisation:round_rate", kwargs={"slug": "beckum", "pk": round_open.pk}))
            .status_code
            == 200
        )
    for role in ("coach", "network_admin"):  # may read the town, but were not invited
        client = login(role)
        assert client.get(_rate_url(round_open, first)).status_code == 403
        assert client.post(_rate_url(round_open, first), {}).status_code == 403
    assert login("participant").get(_rate_url(round_open, first)).status_code == 404
    assert login("coordinator_b").get(_rate_url(round_open, first)).status_code == 404


def test_service_refuses_ratings_of_people_not_invited(round_open, users, two_rated):
    with pytest.raises(ValidationError):
        services.ratings_save(
            actor=users["coach"],
            rating_round=round_open,
            measure=_measures(round_open)[0],
            values={two_rated[0].pk: 3},
        )
    assert not Rating.objects.exists()


def test_rating_form_saves_and_goes_on_to_the_next_measure(login, round_open, users, two_rated):
    client = login("editor")
    first, second, third = _measures(round_open)
    dringlichkeit, umsetzbarkeit = two_rated[0], two_rated[1]
    page = client.get(_rate_url(round_open, first))
    html = page.content.decode()
    assert "Skala 1 (gering) bis 5 (hoch)" in html and "Skala 0 (gering) bis 3 (hoch)" in html
    assert f"criterion_{two_rated[2].pk}" not in html  # the cost comes from data and is not rated

    response = client.post(
        _rate_url(round_open, first), {f"criterion_{dringlichkeit.pk}": "4", f"criterion_{umsetzbarkeit.pk}": "2"}
    )
    assert response.status_code == 302
    assert response["Location"] == _rate_url(round_open, second)
    assert selectors.own_ratings(round_open, first, users["editor"]) == {dringlichkeit.pk: 4, umsetzbarkeit.pk: 2}
    # Saved values come back into the form; "keine Angabe" takes a rating back.
    assert 'value="4" selected' in client.get(_rate_url(round_open, first)).content.decode()
    client.post(
        _rate_url(round_open, first), {f"criterion_{dringlichkeit.pk}": "", f"criterion_{umsetzbarkeit.pk}": "2"}
    )
    assert selectors.own_ratings(round_open, first, users["editor"]) == {umsetzbarkeit.pk: 2}
    audit = AuditEntry.objects.filter(object_id=str(round_open.pk), actor=users["editor"])
    assert audit.count() == 2
    assert "Bewertung „Bürger-App“ – Dringlichkeit" in audit.first().changes[0]["label"]

    # Progress: one of three measures fully rated.
    client.post(
        _rate_url(round_open, first), {f"criterion_{dringlichkeit.pk}": "5", f"criterion_{umsetzbarkeit.pk}": "3"}
    )
    overview = client.get(reverse("prioritisation:round_rate", kwargs={"slug": "beckum", "pk": round_open.pk}))
    assert "Vollständig bewertet: 1 von 3 Maßnahmen" in text(overview)
    progress = {p.user: p for p in selectors.rater_progress(round_open)}
    assert (progress[users["editor"]].done, progress[users["editor"]].total) == (1, 3)
    assert progress[users["coordinator"]].done == 0


def test_htmx_rating_swaps_the_form(login, round_open, two_rated):
    client = login("editor")
    first = _measures(round_open)[0]
    response = client.post(
        _rate_url(round_open, first), {f"criterion_{two_rated[0].pk}": "3"}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert 'id="bewertung"' in html and "Gespeichert." in html and 'hx-swap-oob="innerHTML"' in html


@pytest.mark.parametrize("value", ["9", "0", "-1", "drei", "3.5"])
def test_a_rating_off_the_scale_is_explained(login, round_open, two_rated, value):
    client = login("editor")
    first = _measures(round_open)[0]
    dringlichkeit = two_rated[0]
    response = client.post(_rate_url(round_open, first), {f"criterion_{dringlichkeit.pk}": value})
    assert response.status_code == 200
    assert "Bitte einen Wert von 1 bis 5 wählen" in field_errors(
        response.content.decode(), f"criterion_{dringlichkeit.pk}"
    )
    assert not Rating.objects.exists()


def test_service_checks_the_scale(round_open, users, two_rated):
    with pytest.raises(ValidationError) as error:
        services.ratings_save(
            actor=users["editor"],
            rating_round=round_open,
            measure=_measures(round_open)[0],
            values={two_rated[1].pk: 4},
        )
    assert "von 0 bis 3" in str(error.value)
    with pytest.raises(ValidationError):  # a data criterion cannot be rated
        services.ratings_save(
            actor=users["editor"],
            rating_round=round_open,
            measure=_measures(round_open)[0],
            values={two_rated[2].pk: 1},
        )


def test_aggregation_mean_spread_and_count(login, round_open, users, two_rated):
    first, second, _third = _measures(round_open)
    dringlichkeit, umsetzbarkeit = two_rated[0], two_rated[1]
    for rater, value in (("coordinator", 1), ("editor", 3), ("viewer", 5)):
        services.ratings_save(
            actor=users[rater], rating_round=round_open, measure=first, values={dringlichkeit.pk: value}
        )
    services.ratings_save(actor=users["editor"], rating_round=round_open, measure=second, values={umsetzbarkeit.pk: 2})

    result = selectors.build_ranking(round_open.municipality, rating_round=round_open)
    by_title = {row.title: row for row in result.rows}
    cell = by_title["Bürger-App"].cells[0]
    # mean (1 + 3 + 5) / 3 = 3; population standard deviation √((4 + 0 + 4) / 3) = 1.633; three raters
    assert (cell.value, cell.count) == (3.0, 3)
    assert cell.spread == pytest.approx(1.632993, abs=1e-6)
    one = by_title["Mobilstation"].cells[1]
    assert (one.value, one.spread, one.count) == (2.0, 0.0, 1)
    assert by_title["Smarte Beleuchtung"].cells[0].missing

    page = text(
        login("viewer").get(reverse("prioritisation:round_detail", kwargs={"slug": "beckum", "pk": round_open.pk}))
    )
    assert "Ø 3,00 · ± 1,63 · n = 3" in page
    assert "Ø 2,00 · ± 0,00 · n = 1" in page
    assert "fehlt" in page


def test_closed_round_takes_no_more_ratings(login, round_open, users, two_rated):
    first = _measures(round_open)[0]
    services.ratings_save(actor=users["editor"], rating_round=round_open, measure=first, values={two_rated[0].pk: 2})
    services.rating_round_close(actor=users["coordinator"], rating_round=round_open, expected_version=None)
    response = login("editor").post(_rate_url(round_open, first), {f"criterion_{two_rated[0].pk}": "5"})
    assert response.status_code == 200
    assert "Die Runde ist abgeschlossen" in response.content.decode()
    assert Rating.objects.get().value == 2
    edit = login("coordinator").get(
        reverse("prioritisation:round_edit", kwargs={"slug": "beckum", "pk": round_open.pk})
    )
    assert edit.status_code == 302


def test_round_edit_changes_measures_and_raters(login, round_open, users, town_a):
    client = login("coordinator")
    url = reverse("prioritisation:round_edit", kwargs={"slug": "beckum", "pk": round_open.pk})
    first = _measures(round_open)[0]
    response = client.post(
        url, {"title": "Priorisierung 2026/27", "measures": [first.pk], "raters": [users["coach"].pk], "version": "1"}
    )
    assert response.status_code == 302
    round_open.refresh_from_db()
    assert round_open.title == "Priorisierung 2026/27"
    assert list(round_open.measures.all()) == [first]
    assert list(round_open.raters.all()) == [users["coach"]]
    assert login("editor").get(_rate_url(round_open, first)).status_code == 403
    client = login("coordinator")
    stale = client.post(url, {"title": "Alt", "measures": [first.pk], "raters": [users["coach"].pk], "version": "1"})
    assert "inzwischen geändert" in stale.content.decode()


def test_rating_a_measure_outside_the_round_is_404(login, round_open, town_a):
    other = measure(town_a, "Nicht in der Runde")
    assert login("editor").get(_rate_url(round_open, other)).status_code == 404


def test_scale_cannot_shrink_below_given_ratings(round_open, users, two_rated):
    services.ratings_save(
        actor=users["editor"], rating_round=round_open, measure=_measures(round_open)[0], values={two_rated[0].pk: 5}
    )
    with pytest.raises(ValidationError) as error:
        services.criterion_update(
            actor=users["coordinator"], criterion=two_rated[0], data={"scale_max": 4}, expected_version=None
        )
    assert "außerhalb dieser Skala" in str(error.value)


def test_overview_shows_own_progress_to_an_invited_rater(login, round_open):
    page = text(login("viewer").get(reverse("prioritisation:overview", kwargs={"slug": "beckum"})))
    assert "Sie sind zur Runde „Priorisierung 2026“ eingeladen und haben 0 von 3 Maßnahmen vollständig bewertet" in page
    coach_page = text(login("coach").get(reverse("prioritisation:overview", kwargs={"slug": "beckum"})))
    assert "Ihre Bewertung" not in coach_page
