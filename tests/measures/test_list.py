"""The measure list: filters, sorting, pagination, counts, inline edits with htmx, and its query count."""

import datetime
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from vorort.measures.models import Benefit, Measure, StatusChange
from vorort.measures.services import measure_update

from ..factories import MeasureFactory

LIST = "/arbeitsbereich/beckum/massnahmen/"


def _titles(response) -> list[str]:
    html = response.content.decode()
    return re.findall(r'<th scope="row"><a href="/arbeitsbereich/beckum/massnahmen/\d+/">([^<]+)</a>', html)


@pytest.fixture
def catalogue(town_a, town_b, fields, groups, focus):
    specs = [
        ("Bürgerbus", "mobilitaet", "geplant", datetime.date(2026, 5, 1), Decimal("80000"), True),
        ("Dorf-App", "verwaltung", "idee", None, Decimal("15000"), False),
        ("Carsharing", "mobilitaet", "in_umsetzung", datetime.date(2025, 1, 1), None, False),
        ("Energie-Monitoring", "nachhaltigkeit", "beschlossen", datetime.date(2027, 1, 1), Decimal("250000"), True),
        ("Abfall-Sensoren", "nachhaltigkeit", "verworfen", datetime.date(2024, 6, 1), Decimal("5000"), False),
    ]
    measures = {}
    for title, field, status, start, cost, public in specs:
        measures[title] = MeasureFactory(
            municipality=town_a,
            title=title,
            action_field=fields[field],
            status=status,
            start_date=start,
            investment_cost=cost,
            is_public=public,
        )
    measures["Bürgerbus"].focus = focus
    measures["Bürgerbus"].save()
    Benefit.objects.create(measure=measures["Bürgerbus"], user_group=groups["Ältere Menschen"], strength=3)
    Benefit.objects.create(measure=measures["Dorf-App"], user_group=groups["Ältere Menschen"], strength=0, text="kaum")
    Benefit.objects.create(measure=measures["Carsharing"], user_group=groups["Pendler*innen"], strength=2)
    MeasureFactory(municipality=town_b, title="Bürgerbus Billerbeck")
    return measures


def test_list_shows_own_measures_with_counts(login, catalogue):
    response = login("viewer").get(LIST)
    assert response.status_code == 200
    assert _titles(response) == ["Abfall-Sensoren", "Bürgerbus", "Carsharing", "Dorf-App", "Energie-Monitoring"]
    html = response.content.decode()
    assert "5 Maßnahmen in Beckum" in html
    assert "Bürgerbus Billerbeck" not in html
    assert "80.000,00\u00a0€" in html
    assert 'id="status-' not in html  # a viewer gets no inline forms
    assert "veröffentlichen" not in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (lambda c, f, g, focus: {"handlungsfeld": f["mobilitaet"].pk}, ["Bürgerbus", "Carsharing"]),
        (lambda c, f, g, focus: {"status": "idee"}, ["Dorf-App"]),
        (lambda c, f, g, focus: {"gruppe": g["Ältere Menschen"].pk}, ["Bürgerbus"]),  # strength 0 does not count
        (lambda c, f, g, focus: {"schwerpunkt": focus.pk}, ["Bürgerbus"]),
        (lambda c, f, g, focus: {"oeffentlich": "ja"}, ["Bürgerbus", "Energie-Monitoring"]),
        (lambda c, f, g, focus: {"oeffentlich": "nein"}, ["Abfall-Sensoren", "Carsharing", "Dorf-App"]),
        (lambda c, f, g, focus: {"q": "bus"}, ["Bürgerbus"]),
        (
            lambda c, f, g, focus: {"handlungsfeld": f["nachhaltigkeit"].pk, "oeffentlich": "nein"},
            ["Abfall-Sensoren"],
        ),
        (lambda c, f, g, focus: {"handlungsfeld": "999999", "status": "quatsch"}, None),  # broken values are ignored
    ],
)
def test_filters(login, catalogue, fields, groups, focus, query, expected):
    response = login("editor").get(LIST, query(catalogue, fields, groups, focus))
    assert response.status_code == 200
    titles = _titles(response)
    if expected is None:
        assert len(titles) == 5
    else:
        assert titles == expected
        assert f"{len(expected)} von 5 Maßnahmen" in response.content.decode()


def test_filter_without_result(login, catalogue):
    response = login("editor").get(LIST, {"q": "Seilbahn"})
    assert "Keine Maßnahme passt zu diesen Filtern." in response.content.decode()


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("titel", ["Abfall-Sensoren", "Bürgerbus", "Carsharing", "Dorf-App", "Energie-Monitoring"]),
        ("-titel", ["Energie-Monitoring", "Dorf-App", "Carsharing", "Bürgerbus", "Abfall-Sensoren"]),
        ("status", ["Dorf-App", "Bürgerbus", "Energie-Monitoring", "Carsharing", "Abfall-Sensoren"]),  # lifecycle
        ("-status", ["Abfall-Sensoren", "Carsharing", "Energie-Monitoring", "Bürgerbus", "Dorf-App"]),
        ("beginn", ["Abfall-Sensoren", "Carsharing", "Bürgerbus", "Energie-Monitoring", "Dorf-App"]),  # empty last
        ("-beginn", ["Energie-Monitoring", "Bürgerbus", "Carsharing", "Abfall-Sensoren", "Dorf-App"]),
        ("kosten", ["Abfall-Sensoren", "Dorf-App", "Bürgerbus", "Energie-Monitoring", "Carsharing"]),
        ("-kosten", ["Energie-Monitoring", "Bürgerbus", "Dorf-App", "Abfall-Sensoren", "Carsharing"]),
        ("unsinn", ["Abfall-Sensoren", "Bürgerbus", "Carsharing", "Dorf-App", "Energie-Monitoring"]),
    ],
)
def test_sorting(login, catalogue, sort, expected):
    assert _titles(login("editor").get(LIST, {"sortierung": sort})) == expected


def test_sort_by_updated(login, catalogue, users):
    measure_update(actor=users["editor"], measure=catalogue["Dorf-App"], data={"summary": "neu"}, expected_version=1)
    assert _titles(login("editor").get(LIST, {"sortierung": "-geaendert"}))[0] == "Dorf-App"


def test_sort_links_are_accessible_and_keep_filters(login, catalogue, fields):
    html = login("editor").get(LIST, {"sortierung": "kosten", "status": "geplant"}).content.decode()
    assert 'aria-sort="ascending"' in html
    assert html.count("aria-sort=") == 1
    match = re.search(r'<th scope="col" aria-sort="ascending" class="num">\s*<a href="([^"]+)"', html)
    assert match, "the sorted column names its state"
    link = match.group(1).replace("&amp;", "&")
    assert "sortierung=-kosten" in link and "status=geplant" in link
    assert "aufsteigend sortiert" in html
    html = login("editor").get(LIST, {"sortierung": "-titel"}).content.decode()
    assert 'aria-sort="descending"' in html


def test_pagination_25_per_page_keeps_filters(login, town_a, fields):
    Measure.objects.bulk_create(
        [Measure(municipality=town_a, title=f"Maßnahme {i:03d}", action_field=fields["wohnen"]) for i in range(60)]
    )
    client = login("editor")
    first = client.get(LIST, {"handlungsfeld": fields["wohnen"].pk})
    assert len(_titles(first)) == 25
    html = first.content.decode()
    assert "Seite 1 von 3" in html
    assert "60 von 60 Maßnahmen" in html
    next_link = re.search(r'<a href="([^"]+)" rel="next"', html).group(1).replace("&amp;", "&")
    assert f"handlungsfeld={fields['wohnen'].pk}" in next_link and "seite=2" in next_link
    last = client.get(LIST, {"handlungsfeld": fields["wohnen"].pk, "seite": 3})
    assert _titles(last) == [f"Maßnahme {i:03d}" for i in range(50, 60)]
    assert client.get(LIST, {"seite": "999"}).status_code == 200
    assert client.get(LIST, {"seite": "abc"}).status_code == 200


def _row_status(client, measure, status, version, htmx=True):
    url = reverse("measures:row_status", kwargs={"slug": "beckum", "pk": measure.pk})
    headers = {"HX-Request": "true"} if htmx else {}
    return client.post(url, {"status": status, "version": version, "next": f"{LIST}?status=idee"}, headers=headers)


def test_inline_status_change_with_htmx_returns_the_row(login, catalogue):
    measure = catalogue["Dorf-App"]
    response = _row_status(login("editor"), measure, "geplant", 1)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.startswith(f'<tr id="measure-{measure.pk}">')
    assert "<html" not in html
    assert "Status von „Dorf-App“ ist jetzt „Geplant“." in html
    assert 'name="version" value="2"' in html
    measure.refresh_from_db()
    assert measure.status == "geplant"
    change = StatusChange.objects.get(measure=measure)
    assert (change.from_status, change.to_status) == ("idee", "geplant")


def test_inline_status_change_without_js_redirects_back(login, catalogue):
    measure = catalogue["Dorf-App"]
    response = _row_status(login("editor"), measure, "beschlossen", 1, htmx=False)
    assert response.status_code == 302
    assert response["Location"] == f"{LIST}?status=idee#measure-{measure.pk}"
    measure.refresh_from_db()
    assert measure.status == "beschlossen"


def test_inline_status_change_honours_locking(login, catalogue, users):
    measure = catalogue["Dorf-App"]
    measure_update(actor=users["coordinator"], measure=measure, data={"title": "Dorf-App 2"}, expected_version=1)
    response = _row_status(login("editor"), measure, "geplant", 1)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="alert"' in html and "inzwischen von jemand anderem geändert" in html
    assert "Dorf-App 2" in html
    assert '<option value="geplant" selected>' in html  # the user's choice is kept ...
    assert 'name="version" value="2"' in html  # ... and can be saved again deliberately
    measure.refresh_from_db()
    assert measure.status == "idee"
    assert not StatusChange.objects.filter(measure=measure).exists()
    again = _row_status(login("editor"), measure, "geplant", 2)
    assert "ist jetzt „Geplant“" in again.content.decode()


def test_inline_status_change_refuses_bad_input_and_viewers(login, catalogue):
    measure = catalogue["Dorf-App"]
    response = _row_status(login("editor"), measure, "fertig", 1)
    assert response.status_code == 200 and "gültigen Status" in response.content.decode()
    assert _row_status(login("viewer"), measure, "geplant", 1).status_code == 403
    measure.refresh_from_db()
    assert measure.status == "idee"


def test_inline_publish_toggle(login, catalogue):
    measure = catalogue["Dorf-App"]
    url = reverse("measures:row_public", kwargs={"slug": "beckum", "pk": measure.pk})
    assert login("editor").post(url, {"is_public": "1", "version": 1}).status_code == 403
    client = login("coordinator")
    list_html = client.get(LIST).content.decode()
    assert "veröffentlichen" in list_html
    response = client.post(url, {"is_public": "1", "version": 1}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.startswith(f'<tr id="measure-{measure.pk}">')
    assert "ist jetzt öffentlich" in html and "intern stellen" in html
    measure.refresh_from_db()
    assert measure.is_public is True and measure.version == 2
    # Stale: the second tab still shows version 1.
    stale = client.post(url, {"is_public": "0", "version": 1}, headers={"HX-Request": "true"})
    assert "inzwischen von jemand anderem geändert" in stale.content.decode()
    measure.refresh_from_db()
    assert measure.is_public is True
    plain = client.post(url, {"is_public": "0", "version": 2})
    assert plain.status_code == 302
    measure.refresh_from_db()
    assert measure.is_public is False


def _list_queries(client, params=None) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(LIST, params or {})
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_list_runs_the_same_number_of_queries_with_50_and_5000_measures(login, town_a, fields, groups):
    field_ids = [field.pk for field in fields.values()]
    statuses = ["idee", "geplant", "beschlossen", "in_umsetzung", "abgeschlossen"]

    def add(start: int, count: int) -> None:
        created = Measure.objects.bulk_create(
            [
                Measure(
                    municipality=town_a,
                    title=f"Maßnahme {i:05d}",
                    action_field_id=field_ids[i % len(field_ids)],
                    status=statuses[i % len(statuses)],
                    investment_cost=Decimal(i * 100),
                    is_public=i % 2 == 0,
                )
                for i in range(start, start + count)
            ],
            batch_size=500,
        )
        group = groups["Bürger*innen"]
        Benefit.objects.bulk_create(
            [Benefit(measure=measure, user_group=group, strength=1 + i % 3) for i, measure in enumerate(created)],
            batch_size=500,
        )

    client = login("coordinator")
    add(0, 50)
    filtered = {"gruppe": groups["Bürger*innen"].pk, "sortierung": "-kosten", "oeffentlich": "ja", "seite": "2"}
    small, small_filtered = _list_queries(client), _list_queries(client, filtered)
    add(50, 4950)
    assert Measure.objects.filter(municipality=town_a).count() == 5000
    large, large_filtered = _list_queries(client), _list_queries(client, filtered)
    print(f"measure list queries: {small} (50 measures) / {large} (5 000 measures)")
    print(f"filtered and sorted: {small_filtered} (50 measures) / {large_filtered} (5 000 measures)")
    assert small == large
    assert small_filtered == large_filtered
    assert large <= 12
