"""Personnel capacity: people, their hours, assignments to measures, the quarter chart with its table, and the
warnings on the measure page, the workspace overview and the network cockpit."""

import datetime
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from vorort.core.models import AuditEntry
from vorort.resources.capacity import Quarter
from vorort.resources.capacity import loads as quarter_loads
from vorort.resources.charts import capacity_chart
from vorort.resources.models import Assignment, Capacity, Person

from ..factories import MeasureFactory, MunicipalityFactory, network_admin
from ..network.test_workspace_overview import assert_safe_svg
from .conftest import HOSTILE, HUGE, assert_refused, assign, hours_text, person

pytestmark = pytest.mark.django_db

NS = "{http://www.w3.org/2000/svg}"
PERSONNEL = reverse("resources:personnel", kwargs={"slug": "beckum"})
ASSIGN = reverse("resources:assignment_create", kwargs={"slug": "beckum"})


def person_url(who, name: str = "person_detail") -> str:
    return reverse(f"resources:{name}", kwargs={"slug": "beckum", "pk": who.pk})


def svgs(html: str) -> list[ET.Element]:
    start, found = 0, []
    while (begin := html.find("<svg", start)) != -1:
        end = html.index("</svg>", begin) + len("</svg>")
        found.append(ET.fromstring(html[begin:end]))
        start = end
    return found


@pytest.fixture
def overloaded(town_a, measure, this_quarter):
    """Anna has 10 h a week and is planned with 12 h on the measure for the whole current quarter."""
    anna = person(town_a, "Anna Arbeit", hours=10, start=this_quarter.start, position="Smart-City-Koordination")
    measure.start_date, measure.end_date = this_quarter.start, this_quarter.end
    measure.save()
    assign(anna, measure, 12, this_quarter.start, this_quarter.end)
    return anna


# People, capacities, assignments ---------------------------------------------------------------------------------


def test_person_with_capacity_and_assignment_end_to_end(login, town_a, measure, this_quarter):
    client = login("editor")
    create = reverse("resources:person_create", kwargs={"slug": "beckum"})
    response = client.post(create, {"name": "Kim Koordination", "unit": "Amt 10", "position": ""})
    kim = Person.objects.get(municipality=town_a)
    assert response["Location"] == person_url(kim) + "#kapazitaet"
    capacity = person_url(kim, "capacity_create")
    start = this_quarter.start.isoformat()
    assert client.post(capacity, {"valid_from": start, "valid_to": "", "hours_per_week": "19,5", "note": "Teilzeit"})[
        "Location"
    ].endswith("#kapazitaet")
    assert Capacity.objects.get(person=kim).hours_per_week == Decimal("19.5")
    # From the person's page: plan hours on a measure.
    form = client.get(f"{ASSIGN}?person={kim.pk}").content.decode()
    assert f'<option value="{kim.pk}" selected>' in form
    end = this_quarter.end.isoformat()
    data = {"person": kim.pk, "measure": measure.pk, "hours_per_week": "4", "start": start, "end": end, "note": ""}
    saved = client.post(f"{ASSIGN}?person={kim.pk}", data)
    assert saved["Location"] == person_url(kim) + "#einsaetze"
    page = client.get(person_url(kim)).content.decode()
    assert "Mobilstation am Bahnhof" in page and "19,5" in page and "Teilzeit" in page
    # 19.5 h and 4 h over the whole quarter: the table shows both in hours.
    assert hours_text("19.5", this_quarter.days) in page
    assert "frei" in page
    assert AuditEntry.objects.filter(content_type__model__in=["person", "capacity", "assignment"]).count() == 3


def test_assignment_from_the_measure_page_goes_back_there(login, town_a, measure, this_quarter):
    kim = person(town_a, "Kim", hours=20, start=this_quarter.start)
    client = login("editor")
    measure_url = reverse("measures:measure", kwargs={"slug": "beckum", "pk": measure.pk})
    page = client.get(measure_url).content.decode()
    assert 'id="personaleinsatz"' in page and "Noch niemand eingeplant." in page
    link = f"{ASSIGN}?massnahme={measure.pk}&amp;next={measure_url}%23personaleinsatz"
    assert link in page
    form = client.get(link.replace("&amp;", "&")).content.decode()
    assert f'<option value="{measure.pk}" selected>' in form
    data = {
        "person": kim.pk,
        "measure": measure.pk,
        "hours_per_week": "6",
        "start": this_quarter.start.isoformat(),
        "end": this_quarter.end.isoformat(),
        "note": "Projektleitung",
        "next": f"{measure_url}#personaleinsatz",
    }
    response = client.post(f"{ASSIGN}?massnahme={measure.pk}", data)
    assert response["Location"] == f"{measure_url}#personaleinsatz"
    page = client.get(measure_url).content.decode()
    assert "Kim</a>" in page and "Projektleitung" in page and "nicht überlastet" in page
    # A foreign "next" is not followed.
    data["next"] = "https://example.com/"
    data["start"] = this_quarter.following().start.isoformat()
    data["end"] = this_quarter.following().end.isoformat()
    assert client.post(ASSIGN, data)["Location"] == PERSONNEL


def test_capacity_periods_of_one_person_must_not_overlap(login, town_a):
    kim = person(town_a, "Kim", hours=20, start=datetime.date(2026, 1, 1))
    client = login("editor")
    clash = client.post(
        person_url(kim, "capacity_create"), {"valid_from": "2027-01-01", "valid_to": "", "hours_per_week": "10"}
    )
    assert_refused(
        clash, "valid_from", "schon eine Kapazität eingetragen", "20 Stunden pro Woche ab 01.01.2026, unbefristet"
    )
    old = Capacity.objects.get(person=kim)
    edit = reverse("resources:capacity_edit", kwargs={"slug": "beckum", "pk": old.pk})
    ended = client.post(
        edit, {"valid_from": "2026-01-01", "valid_to": "2026-12-31", "hours_per_week": "20", "version": 1}
    )
    assert ended.status_code == 302
    later = {"valid_from": "2027-01-01", "valid_to": "", "hours_per_week": "10"}
    assert client.post(person_url(kim, "capacity_create"), later).status_code == 302
    assert Capacity.objects.filter(person=kim).count() == 2


def test_bad_input_is_answered_in_german(login, town_a, measure):
    kim = person(town_a, "Kim", hours=20, start=datetime.date(2026, 1, 1))
    client = login("editor")
    capacity = person_url(kim, "capacity_create")
    negative = client.post(capacity, {"valid_from": "2027-01-01", "hours_per_week": "-5"})
    assert_refused(negative, "hours_per_week", "nicht negativ")
    assert_refused(client.post(capacity, {"valid_from": "2027-01-01", "hours_per_week": "200"}), "hours_per_week", "60")
    assert_refused(client.post(capacity, {"valid_from": "2027-01-01", "hours_per_week": HUGE}), "hours_per_week")
    backwards = client.post(capacity, {"valid_from": "2027-06-01", "valid_to": "2027-01-01", "hours_per_week": "5"})
    assert_refused(backwards, "valid_to", "Das Ende darf nicht vor dem Beginn liegen.")
    assert_refused(client.post(capacity, {"valid_from": HUGE, "hours_per_week": "5"}), "valid_from", "Datum")
    assert Capacity.objects.filter(person=kim).count() == 1

    base = {"person": kim.pk, "measure": measure.pk, "hours_per_week": "4", "start": "2027-01-01", "end": "2027-03-31"}
    assert_refused(client.post(ASSIGN, dict(base, hours_per_week="-1")), "hours_per_week", "mindestens 0,1")
    assert_refused(client.post(ASSIGN, dict(base, hours_per_week="0")), "hours_per_week", "mindestens 0,1")
    assert_refused(client.post(ASSIGN, dict(base, end="2026-12-31")), "end", "nicht vor dem Beginn")
    assert_refused(client.post(ASSIGN, dict(base, note=HUGE)), "note", "höchstens 200 Zeichen")
    assert_refused(client.post(ASSIGN, dict(base, measure="999999")), "measure")
    assert not Assignment.objects.exists()

    create = reverse("resources:person_create", kwargs={"slug": "beckum"})
    assert_refused(client.post(create, {"name": HUGE}), "name", "höchstens 150 Zeichen")
    assert_refused(client.post(create, {"name": "  "}), "name", "zwingend erforderlich")
    assert Person.objects.count() == 1
    # Huge or odd ids in the address are ignored, not a server error.
    assert client.get(f"{ASSIGN}?person={'9' * 40}&massnahme=abc").status_code == 200


def test_another_towns_person_or_measure_cannot_be_assigned(login, town_a, town_b, measure):
    kim = person(town_a, "Kim", hours=20, start=datetime.date(2026, 1, 1))
    foreign = person(town_b, "Fremd", hours=20, start=datetime.date(2026, 1, 1))
    foreign_measure = MeasureFactory(municipality=town_b)
    client = login("editor")
    base = {"person": kim.pk, "measure": measure.pk, "hours_per_week": "4", "start": "2027-01-01", "end": "2027-03-31"}
    assert_refused(client.post(ASSIGN, dict(base, person=foreign.pk)), "person")
    assert_refused(client.post(ASSIGN, dict(base, measure=foreign_measure.pk)), "measure")
    assert not Assignment.objects.exists()


# The personnel page: chart, table, people ------------------------------------------------------------------------


def test_personnel_page_marks_overload_in_text_pattern_and_table(login, overloaded, this_quarter):
    html = login("viewer").get(PERSONNEL).content.decode()
    assert 'aria-current="page">Personal</a>' in html
    # The state in words, the person and the quarter.
    assert "1 Person ist in mindestens einem Quartal überlastet." in html
    assert f"Insgesamt überlastet: {this_quarter.label}" in html
    [chart] = svgs(html)
    assert_safe_svg(chart)
    desc = chart.find(f"{NS}desc").text
    days = this_quarter.days
    available, planned, excess = hours_text(10, days), hours_text(12, days), hours_text(2, days)
    assert (
        f"{this_quarter.label}: verfügbar {available} Stunden, geplant {planned} Stunden – überlastet um {excess}"
        in desc
    )
    # The excess is drawn with the hatch pattern and labelled.
    fills = [rect.get("fill") for rect in chart.iter(f"{NS}rect")]
    assert "url(#chart-capacity-total-pattern-excess)" in fills
    texts = [text.text for text in chart.iter(f"{NS}text")]
    assert f"{planned} h geplant – überlastet (+{excess} h)" in texts
    # The table alternative: one row per quarter with the state in words.
    assert '<table class="capacity-table">' in html
    assert f'<tr class="is-overloaded">\n      <th scope="row"><abbr title="{this_quarter.long_label}">' in html
    assert "So wird gerechnet" in html
    # The people table.
    assert f"{planned} von {available} Std." in html and "Anna Arbeit" in html


def test_personnel_page_chooses_four_to_eight_quarters(login, overloaded):
    client = login("viewer")
    assert len(client.get(PERSONNEL).context["overview"].quarters) == 6
    assert len(client.get(PERSONNEL, {"quartale": "4"}).context["overview"].quarters) == 4
    assert len(client.get(PERSONNEL, {"quartale": "8"}).context["overview"].quarters) == 8
    assert len(client.get(PERSONNEL, {"quartale": "99"}).context["overview"].quarters) == 6


def test_hostile_names_are_escaped_in_the_svg_chart(login, town_a, measure, this_quarter):
    hostile = person(town_a, HOSTILE, hours=5, start=this_quarter.start, unit=HOSTILE)
    measure.title = HOSTILE
    measure.save()
    assign(hostile, measure, 8, this_quarter.start, this_quarter.end)
    client = login("viewer")
    for url in (PERSONNEL, person_url(hostile)):
        html = client.get(url).content.decode()
        assert "<script>alert" not in html and 'onmouseover="x"' not in html
        for chart in svgs(html):
            assert_safe_svg(chart)
    [chart] = svgs(client.get(person_url(hostile)).content.decode())
    assert chart.find(f"{NS}title").text.startswith(HOSTILE)  # escaped, and parsed back to the same text


def test_chart_without_quarters_says_so():
    root = ET.fromstring(str(capacity_chart([])))
    assert root.find(f"{NS}desc").text == "Keine Daten vorhanden."
    root = ET.fromstring(str(capacity_chart(quarter_loads([], [Quarter(2026, 1)]), title=HOSTILE)))
    assert root.find(f"{NS}title").text == HOSTILE
    assert "Q1 2026: verfügbar 0 Stunden, geplant 0 Stunden – keine Angaben." in root.find(f"{NS}desc").text


def _fill_people(town, measures, count: int, prefix: str, quarter: Quarter) -> None:
    for n in range(count):
        who = person(town, f"{prefix} {n:03d}", hours=20, start=quarter.start)
        for k, target in enumerate(measures):
            assign(who, target, 3 + k, quarter.start, quarter.following().end)


def test_personnel_page_runs_the_same_number_of_queries_with_2_and_60_people(login, town_a, this_quarter):
    client = login("coordinator")
    measures = [MeasureFactory(municipality=town_a) for _ in range(3)]

    def count(params=None) -> int:
        client.get(PERSONNEL, params or {})
        with CaptureQueriesContext(connection) as captured:
            assert client.get(PERSONNEL, params or {}).status_code == 200
        return len(captured)

    _fill_people(town_a, measures, 2, "Klein", this_quarter)
    few = count()
    _fill_people(town_a, measures, 58, "Gross", this_quarter)
    assert count() == few
    assert count({"seite": "2", "quartale": "8"}) == few


def test_person_page_runs_the_same_number_of_queries_with_1_and_30_assignments(login, town_a, this_quarter):
    client = login("viewer")
    kim = person(town_a, "Kim", hours=30, start=this_quarter.start)
    measures = [MeasureFactory(municipality=town_a) for _ in range(30)]

    def count() -> int:
        client.get(person_url(kim))
        with CaptureQueriesContext(connection) as captured:
            assert client.get(person_url(kim)).status_code == 200
        return len(captured)

    assign(kim, measures[0], 1, this_quarter.start, this_quarter.end)
    few = count()
    for target in measures[1:]:
        assign(kim, target, 1, this_quarter.start, this_quarter.end)
    Capacity.objects.create(
        person=kim, valid_from=datetime.date(2020, 1, 1), valid_to=datetime.date(2020, 12, 31), hours_per_week=5
    )
    assert count() == few


# Warnings elsewhere ----------------------------------------------------------------------------------------------


def test_measure_page_warns_about_overloaded_people(login, overloaded, measure, this_quarter):
    html = (
        login("viewer").get(reverse("measures:measure", kwargs={"slug": "beckum", "pk": measure.pk})).content.decode()
    )
    warning = html[html.index('<div class="capacity-warning"') :]
    warning = warning[: warning.index("</div>")]
    assert "Personal überlastet" in warning and "Anna Arbeit" in warning and this_quarter.label in warning
    assert html.index("capacity-warning") < html.index('id="mehrwert"')  # near the top of the page
    assert "Personal einplanen" not in html  # the viewer only reads
    # Enough hours: no warning.
    Capacity.objects.filter(person=overloaded).update(hours_per_week=15)
    html = (
        login("editor").get(reverse("measures:measure", kwargs={"slug": "beckum", "pk": measure.pk})).content.decode()
    )
    assert "capacity-warning" not in html and "Personal einplanen" in html


def test_workspace_overview_shows_the_capacity_state(login, overloaded, this_quarter):
    html = login("viewer").get(reverse("network:workspace", kwargs={"slug": "beckum"})).content.decode()
    card = html[html.index('aria-labelledby="h-capacity"') :]
    card = card[: card.index("</section>")]
    assert "überlastet" in card and "1 Person hat mehr Stunden verplant als verfügbar" in card
    assert "Anna Arbeit" in card and this_quarter.label in card
    assert PERSONNEL in card


def test_workspace_without_capacity_data_says_so(login, town_a):
    html = login("viewer").get(reverse("network:workspace", kwargs={"slug": "beckum"})).content.decode()
    assert "keine Angaben" in html and "Noch keine verfügbaren oder geplanten Stunden eingetragen." in html


def test_cockpit_shows_each_towns_capacity_state(client_for, users, town_a, town_b, overloaded, this_quarter):
    free = MunicipalityFactory(network=town_a.network, name="Drensteinfurt", slug="drensteinfurt")
    person(free, "Frieda Frei", hours=20, start=this_quarter.start)
    full = MunicipalityFactory(network=town_a.network, name="Ennigerloh", slug="ennigerloh")
    worker = person(full, "Volker Voll", hours=20, start=this_quarter.start)
    assign(worker, MeasureFactory(municipality=full), 19, this_quarter.start, this_quarter.end)
    response = client_for(users["network_admin"]).get(reverse("network:cockpit"))
    states = {row.municipality.slug: row.capacity for row in response.context["cockpit"].rows}
    assert states == {
        "beckum": "ueberlastet",
        "billerbeck": "keine_angaben",
        "drensteinfurt": "frei",
        "ennigerloh": "ausgelastet",
    }
    html = response.content.decode()
    assert '<th scope="col">Personal</th>' in html
    for label in ("! </span>überlastet", "keine Angaben", "frei", "ausgelastet"):
        assert label in html
    assert reverse("resources:personnel", kwargs={"slug": "ennigerloh"}) in html


def test_cockpit_runs_the_same_number_of_queries_with_2_and_20_towns(client_for, network, this_quarter):
    user = network_admin(network, email="cockpit@example.org")
    client = client_for(user)

    def add(count: int, prefix: str) -> None:
        for n in range(count):
            town = MunicipalityFactory(network=network, name=f"{prefix} {n}", slug=f"{prefix.lower()}-{n}")
            _fill_people(town, [MeasureFactory(municipality=town)], 3, "Person", this_quarter)

    def queries() -> int:
        client.get(reverse("network:cockpit"))
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("network:cockpit")).status_code == 200
        return len(captured)

    add(2, "Klein")
    few = queries()
    add(18, "Gross")
    assert queries() == few


def test_measure_page_runs_the_same_number_of_queries_with_1_and_25_assignments(login, town_a, measure, this_quarter):
    client = login("editor")
    url = reverse("measures:measure", kwargs={"slug": "beckum", "pk": measure.pk})

    def count() -> int:
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    assign(person(town_a, "Erste", hours=1, start=this_quarter.start), measure, 2, this_quarter.start, this_quarter.end)
    few = count()
    for n in range(24):
        who = person(town_a, f"Person {n}", hours=1, start=this_quarter.start)
        assign(who, measure, 2, this_quarter.start, this_quarter.end)
        assign(who, MeasureFactory(municipality=town_a), 1, this_quarter.start, this_quarter.end)
    html = client.get(url).content.decode()
    assert html.count("/personal/einsaetze/") >= 2 * 25 and "25 eingeplante Personen" in html
    assert count() == few


def test_assignment_services_check_the_town_and_audit(users, town_a, town_b, measure):
    from django.core.exceptions import ValidationError

    from vorort.resources import services

    kim = person(town_a, "Kim")
    foreign_measure = MeasureFactory(municipality=town_b)
    data = {"person": kim, "hours_per_week": Decimal(4), "start": datetime.date(2027, 1, 1)}
    data["end"] = datetime.date(2027, 3, 31)
    with pytest.raises(ValidationError) as raised:
        services.assignment_create(actor=users["editor"], municipality=town_a, data=dict(data, measure=foreign_measure))
    assert "anderen Kommune" in str(raised.value.message_dict["measure"])
    with pytest.raises(ValidationError):
        services.assignment_create(actor=users["editor"], municipality=town_b, data=dict(data, measure=foreign_measure))
    created = services.assignment_create(actor=users["editor"], municipality=town_a, data=dict(data, measure=measure))
    entry = AuditEntry.objects.get(content_type__model="assignment", object_id=str(created.pk))
    assert entry.municipality == town_a and entry.action == "create"
    with pytest.raises(ValidationError):  # the model's own checks as well: the end before the start
        services.assignment_update(
            actor=users["editor"], assignment=created, data={"end": datetime.date(2026, 1, 1)}, expected_version=1
        )
    services.assignment_delete(actor=users["editor"], assignment=created)
    assert not Assignment.objects.exists()
    assert AuditEntry.objects.filter(content_type__model="assignment", action="delete").count() == 1
