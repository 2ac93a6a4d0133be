"""The network cockpit: municipalities × phases, filters, overdue milestones, coaches' scope, links."""

import datetime
import html
import re

import pytest
from django.utils import timezone

from vorort.accounts.models import Membership, Role
from vorort.process.models import Milestone, Phase

from ..factories import MunicipalityFactory, NetworkFactory, member, network_admin

pytestmark = pytest.mark.django_db

TOWNS = [
    # name, slug, population, rural
    ("Billerbeck", "billerbeck", 12_000, True),
    ("Drensteinfurt", "drensteinfurt", 15_500, True),
    ("Beckum", "beckum", 37_000, False),
    ("Schmallenberg", "schmallenberg", 25_000, True),
    ("Mittelgrenze", "mittelgrenze", 99_999, False),
    ("Grossgrenze", "grossgrenze", 100_000, False),
    ("Krefeld", "krefeld", 227_000, False),
    ("Kleingrenze", "kleingrenze", 19_999, False),
]


@pytest.fixture
def towns(network):
    return {
        slug: MunicipalityFactory(network=network, name=name, slug=slug, population=population, rural=rural)
        for name, slug, population, rural in TOWNS
    }


@pytest.fixture
def admin(network):
    return network_admin(network, email="geschaeftsstelle@example.org")


def phases_of(town) -> list[Phase]:
    return list(Phase.objects.filter(process__municipality=town).order_by("definition__order"))


def names(response) -> set[str]:
    return {row.municipality.name for row in response.context["cockpit"].rows}


def cell_html(content: str, town, phase) -> str:
    """The <td> of the cockpit that links to `phase` of `town`."""
    href = f'href="/arbeitsbereich/{town.slug}/prozess/#phase-{phase.pk}"'
    cells = re.findall(r"<td[^>]*>.*?</td>", content, re.S)
    matching = [cell for cell in cells if href in cell]
    assert len(matching) == 1, href
    return matching[0]


# --- filters ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {name for name, *_ in TOWNS}),
        ("size_class=klein", {"Billerbeck", "Drensteinfurt", "Kleingrenze"}),
        ("size_class=mittel", {"Beckum", "Schmallenberg", "Mittelgrenze"}),
        ("size_class=gross", {"Grossgrenze", "Krefeld"}),
        ("rural=ja", {"Billerbeck", "Drensteinfurt", "Schmallenberg"}),
        ("rural=nein", {"Beckum", "Mittelgrenze", "Grossgrenze", "Krefeld", "Kleingrenze"}),
        ("size_class=klein&rural=ja", {"Billerbeck", "Drensteinfurt"}),
        ("size_class=klein&rural=nein", {"Kleingrenze"}),
        ("size_class=mittel&rural=ja", {"Schmallenberg"}),
        ("size_class=gross&rural=ja", set()),
        ("size_class=&rural=", {name for name, *_ in TOWNS}),
    ],
)
def test_filters_show_the_right_municipalities(client_for, admin, towns, query, expected):
    response = client_for(admin).get(f"/netzwerk/cockpit/?{query}")

    assert response.status_code == 200
    assert names(response) == expected
    content = response.content.decode()
    for name, *_ in TOWNS:
        assert (f">{name}</a>" in content) == (name in expected), name
    if not expected:
        assert "Keine Kommune passt zu diesem Filter." in content


def test_rows_are_sorted_and_labelled_with_size_class(client_for, admin, towns):
    response = client_for(admin).get("/netzwerk/cockpit/")

    rows = response.context["cockpit"].rows
    assert [row.municipality.name for row in rows] == sorted(name for name, *_ in TOWNS)
    content = response.content.decode()
    assert re.search(r">Billerbeck</a><br><small>Kleinstadt, ländlich</small>", content)
    assert re.search(r">Krefeld</a><br><small>Großstadt</small>", content)
    assert re.search(r">Beckum</a><br><small>Mittelstadt</small>", content)


def test_filter_form_keeps_the_chosen_values(client_for, admin, towns):
    response = client_for(admin).get("/netzwerk/cockpit/?size_class=mittel&rural=ja")
    content = response.content.decode()
    assert re.search(r'<option value="mittel"[^>]*selected', content)
    assert re.search(r'<option value="ja"[^>]*selected', content)


@pytest.mark.parametrize(
    "query",
    [
        "size_class=riesig",
        "size_class=KLEIN",
        "rural=vielleicht",
        "rural=1",
        "size_class=%00",
        "size_class=" + "x" * 5000,
        "rural[]=ja",
        "size_class=klein'--",
        "seite=-1&size_class=<script>",
    ],
)
def test_invalid_filter_values_do_not_cause_an_error(client_for, admin, towns, query):
    response = client_for(admin).get(f"/netzwerk/cockpit/?{query}")

    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("</header>", 1)[1]
    # An invalid filter is not applied as something else: all municipalities are shown.
    assert names(response) == {name for name, *_ in TOWNS}


def test_an_invalid_value_ignores_the_whole_filter(client_for, admin, towns):
    response = client_for(admin).get("/netzwerk/cockpit/?size_class=riesig&rural=ja")
    assert names(response) == {name for name, *_ in TOWNS}
    assert "size_class" in response.context["form"].errors


def test_repeated_parameter_uses_one_valid_value(client_for, admin, towns):
    response = client_for(admin).get("/netzwerk/cockpit/?size_class=riesig&size_class=gross")
    assert response.status_code == 200
    assert names(response) == {"Grossgrenze", "Krefeld"}


# --- overdue ----------------------------------------------------------------------------------------


@pytest.fixture
def overdue_setup(towns):
    today = timezone.localdate()
    beckum = towns["beckum"]
    phases = phases_of(beckum)
    second, fourth = phases[1], phases[3]
    Milestone.objects.create(phase=second, title="Überfällig 1", due_date=today - datetime.timedelta(days=3))
    Milestone.objects.create(phase=second, title="Überfällig 2", due_date=today - datetime.timedelta(days=30))
    # Done in the past, due today, due in future: none of them overdue.
    Milestone.objects.create(phase=second, title="Erledigt", due_date=today - datetime.timedelta(days=3), done=True)
    Milestone.objects.create(phase=fourth, title="Heute fällig", due_date=today)
    Milestone.objects.create(phase=fourth, title="Später", due_date=today + datetime.timedelta(days=10))
    krefeld_first = phases_of(towns["krefeld"])[0]
    Milestone.objects.create(
        phase=krefeld_first, title="Krefeld überfällig", due_date=today - datetime.timedelta(days=1)
    )
    return {"beckum": beckum, "second": second, "fourth": fourth, "krefeld_first": krefeld_first}


def test_overdue_milestones_are_highlighted_and_counted(client_for, admin, towns, overdue_setup):
    response = client_for(admin).get("/netzwerk/cockpit/")
    content = response.content.decode()
    beckum = overdue_setup["beckum"]

    highlighted = cell_html(content, beckum, overdue_setup["second"])
    assert "überfällig" in highlighted
    assert "cell-overdue" in highlighted
    assert "! 2 überfällig" in highlighted

    for phase in phases_of(beckum):
        if phase != overdue_setup["second"]:
            cell = cell_html(content, beckum, phase)
            assert "überfällig" not in cell, phase
            assert "cell-overdue" not in cell, phase

    krefeld_cell = cell_html(content, towns["krefeld"], overdue_setup["krefeld_first"])
    assert "! 1 überfällig" in krefeld_cell

    cockpit = response.context["cockpit"]
    assert cockpit.overdue_total == 3
    by_name = {row.municipality.name: row.overdue for row in cockpit.rows}
    assert by_name["Beckum"] == 2
    assert by_name["Krefeld"] == 1
    assert by_name["Billerbeck"] == 0
    assert "3 überfällige Meilensteine" in content
    assert content.count("cell-overdue") == 2


def test_overdue_count_follows_the_filter(client_for, admin, towns, overdue_setup):
    response = client_for(admin).get("/netzwerk/cockpit/?size_class=gross")
    assert response.context["cockpit"].overdue_total == 1
    assert "1 überfälliger Meilenstein" in response.content.decode()


def test_no_overdue_no_highlight(client_for, admin, towns):
    response = client_for(admin).get("/netzwerk/cockpit/")
    content = response.content.decode()
    assert response.context["cockpit"].overdue_total == 0
    assert "cell-overdue" not in content
    assert "0 überfällige Meilensteine" in content


# --- who sees what ----------------------------------------------------------------------------------


def test_coach_sees_only_assigned_municipalities(client_for, network, towns):
    coach = member(towns["beckum"], Role.COACH, email="begleitung@example.org")
    Membership.objects.create(user=coach, network=network, municipality=towns["billerbeck"], role=Role.COACH)

    client = client_for(coach)
    response = client.get("/netzwerk/cockpit/")
    assert response.status_code == 200
    assert names(response) == {"Beckum", "Billerbeck"}
    content = response.content.decode()
    assert "Krefeld" not in content
    assert "Drensteinfurt" not in content

    assert names(client.get("/netzwerk/cockpit/?rural=ja")) == {"Billerbeck"}
    assert names(client.get("/netzwerk/cockpit/?size_class=gross")) == set()


def test_coach_role_elsewhere_does_not_widen_the_cockpit(client_for, network, towns):
    """A coach who is also coordinator somewhere sees only the towns they coach."""
    coach = member(towns["beckum"], Role.COACH, email="begleitung@example.org")
    Membership.objects.create(user=coach, network=network, municipality=towns["krefeld"], role=Role.COORDINATOR)

    assert names(client_for(coach).get("/netzwerk/cockpit/")) == {"Beckum"}


def test_admin_sees_only_own_network(client_for, admin, towns):
    other_network = NetworkFactory(name="Netzwerk Sauerland")
    MunicipalityFactory(network=other_network, name="Meschede", slug="meschede", population=30_000)
    other_admin = network_admin(other_network, email="sauerland@example.org")

    assert "Meschede" not in names(client_for(admin).get("/netzwerk/cockpit/"))
    assert names(client_for(other_admin).get("/netzwerk/cockpit/")) == {"Meschede"}


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.EDITOR, Role.VIEWER, Role.PARTICIPANT])
def test_town_roles_have_no_cockpit(client_for, towns, role):
    user = member(towns["beckum"], role)
    assert client_for(user).get("/netzwerk/cockpit/").status_code == 403


def test_anonymous_goes_to_login(client, towns):
    response = client.get("/netzwerk/cockpit/")
    assert response.status_code == 302
    assert response["Location"].startswith("/anmelden/")


# --- links ------------------------------------------------------------------------------------------


def test_each_cell_links_to_the_phase_on_the_process_page(client_for, admin, towns):
    client = client_for(admin)
    response = client.get("/netzwerk/cockpit/")
    content = response.content.decode()
    cockpit = response.context["cockpit"]
    assert len(cockpit.definitions) == 8

    for row in cockpit.rows:
        town = row.municipality
        phases = phases_of(town)
        assert [cell.phase.pk for cell in row.cells] == [phase.pk for phase in phases]
        for phase in phases:
            cell_html(content, town, phase)  # exactly one cell links there

    hrefs = re.findall(r'href="(/arbeitsbereich/[^"/]+/prozess/#phase-\d+)"', content)
    assert len(hrefs) == len(TOWNS) * 8
    assert len(set(hrefs)) == len(hrefs)

    # The anchor exists on the target page.
    beckum = towns["beckum"]
    phase = phases_of(beckum)[4]
    page = client.get(f"/arbeitsbereich/{beckum.slug}/prozess/")
    assert page.status_code == 200
    assert f'id="phase-{phase.pk}"' in page.content.decode()


def test_cells_show_the_phase_status(client_for, admin, towns):
    beckum = towns["beckum"]
    phases = phases_of(beckum)
    Phase.objects.filter(pk__in=[p.pk for p in phases[:2]]).update(status="abgeschlossen")
    Phase.objects.filter(pk=phases[2].pk).update(status="laufend")

    response = client_for(admin).get("/netzwerk/cockpit/")
    content = response.content.decode()

    assert "cell-abgeschlossen" in cell_html(content, beckum, phases[0])
    assert "cell-laufend" in cell_html(content, beckum, phases[2])
    assert "cell-offen" in cell_html(content, beckum, phases[3])
    row = next(r for r in response.context["cockpit"].rows if r.municipality == beckum)
    assert row.current == phases[2]


def test_cells_line_up_with_their_phase_column_across_networks(client_for, network, towns):
    """A coach working in two networks: every cell sits in the column of its own phase definition."""
    other_network = NetworkFactory(name="Netzwerk Sauerland")
    meschede = MunicipalityFactory(network=other_network, name="Meschede", slug="meschede", population=30_000)
    coach = member(towns["beckum"], Role.COACH, email="begleitung@example.org")
    Membership.objects.create(user=coach, network=other_network, municipality=meschede, role=Role.COACH)

    response = client_for(coach).get("/netzwerk/cockpit/")

    assert response.status_code == 200
    cockpit = response.context["cockpit"]
    columns = [definition.pk for definition in cockpit.definitions]
    assert names(response) == {"Beckum", "Meschede"}
    for row in cockpit.rows:
        assert len(row.cells) == len(columns), row.municipality.name
        for column, cell in zip(columns, row.cells, strict=True):
            if cell.phase is not None:
                assert cell.phase.definition_id == column, row.municipality.name
        assert sum(cell.phase is not None for cell in row.cells) == 8
    content = response.content.decode()
    headers = [html.unescape(h) for h in re.findall(r'<th scope="col">([^<]*)</th>', content)]
    assert headers == ["Kommune"] + [f"{d.order}. {d.name}" for d in cockpit.definitions] + ["Personal"]
    table_rows = re.findall(r"<tr>.*?</tr>", content.split("<tbody>", 1)[1], re.S)
    assert [row.count("<td") for row in table_rows] == [len(columns) + 1] * 2  # the phases and "Personal"
    assert [row.count("#phase-") for row in table_rows] == [8, 8]
