"""Reifegrad-Check: default questionnaire, rounds, scoring, freezing, peers, result page."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import ActionFieldFactory, MunicipalityFactory, NetworkFactory
from vorort.core.models import AuditEntry
from vorort.strategy import selectors, services
from vorort.strategy.defaults import DEFAULT_QUESTIONS
from vorort.strategy.models import (
    AssessmentAnswer,
    AssessmentQuestion,
    AssessmentRound,
    Guideline,
    RoundStatus,
)

from .conftest import HUGE, assert_refused
from .support import SLUGS, answer, completed_round, draft_round, field, questions_by_field

pytestmark = pytest.mark.django_db


# The default questionnaire -------------------------------------------------------------------------------------


def test_every_network_gets_the_default_questionnaire(network):
    questions = AssessmentQuestion.objects.filter(network=network).select_related("action_field")
    assert questions.count() == 24
    for slug in SLUGS:
        in_field = [q for q in questions if q.action_field.slug == slug]
        assert len(in_field) == 4, slug
        assert {q.guideline for q in in_field} == set(Guideline.values), slug
    for question in questions:
        levels = [text for _level, text in question.levels]
        assert all(levels) and len(set(levels)) == 5
        question.full_clean()
    assert AuditEntry.objects.filter(content_type__model="assessmentquestion", network=network).count() == 24
    assert services.questionnaire_ensure_defaults(actor=None, network=network) == 0
    assert AssessmentQuestion.objects.filter(network=network).count() == 24


def test_default_texts_fit_their_fields():
    for slug, items in DEFAULT_QUESTIONS.items():
        assert len(items) >= 4, slug
        for item in items:
            assert len(item.text) <= 400
            assert all(0 < len(level) <= 300 for level in item.levels)


def test_defaults_skip_action_fields_the_network_does_not_have(db):
    bare = NetworkFactory(name="Leeres Netzwerk", defaults=False)
    ActionFieldFactory(network=bare, name="Mobilität", slug="mobilitaet")
    ActionFieldFactory(network=bare, name="Tourismus", slug="tourismus")
    assert services.questionnaire_ensure_defaults(actor=None, network=bare) == 4


# Network office: editing the questionnaire ---------------------------------------------------------------------


def _question_data(network, **overrides):
    data = {
        "action_field": field(network.municipalities.first(), "mobilitaet").pk,
        "guideline": Guideline.INFRASTRUCTURE,
        "text": "Gibt es Sensoren für freie Parkplätze?",
        **{f"level_{level}": f"Beschreibung Stufe {level}" for level in range(5)},
        "order": "",
        "active": "on",
    }
    data.update(overrides)
    return data


def test_network_office_adds_and_edits_questions(login, users, network, town_a):
    client = login(users["network_admin"])
    response = client.post(reverse("strategy:question_create"), _question_data(network))
    assert response.status_code == 302
    question = AssessmentQuestion.objects.get(text="Gibt es Sensoren für freie Parkplätze?")
    assert question.order == 5 and question.network == network
    response = client.post(
        reverse("strategy:question_edit", kwargs={"pk": question.pk}),
        _question_data(network, text="Gibt es freie Parkplätze in Echtzeit?", active="", order="7"),
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert (question.text, question.active, question.order) == ("Gibt es freie Parkplätze in Echtzeit?", False, 7)
    # Inactive questions are no longer asked.
    assessment_round = draft_round(town_a)
    page = login(users["editor"]).get(
        reverse("strategy:round_answer", kwargs={"slug": "beckum", "pk": assessment_round.pk, "field": "mobilitaet"})
    )
    assert "freie Parkplätze" not in page.content.decode()
    assert "Gibt es verbindliche Ziele" in page.content.decode()


@pytest.mark.parametrize(
    ("field_name", "value", "message"),
    [
        ("text", "", "zwingend erforderlich"),
        ("text", HUGE, "höchstens 400 Zeichen"),
        ("level_3", "", "zwingend erforderlich"),
        ("level_0", HUGE, "höchstens 300 Zeichen"),
    ],
)
def test_question_bad_input(login, users, network, town_a, field_name, value, message):
    before = AssessmentQuestion.objects.count()
    response = login(users["network_admin"]).post(
        reverse("strategy:question_create"), _question_data(network, **{field_name: value})
    )
    assert_refused(response, field_name, message)
    assert AssessmentQuestion.objects.count() == before


def test_question_list_groups_by_action_field(login, users, network):
    html = login(users["network_admin"]).get(reverse("strategy:question_list")).content.decode()
    for name in ["Mobilität", "Nachhaltigkeit", "Verwaltung", "Wohnen", "Wirtschaft", "Zivilgesellschaft"]:
        assert f">{name}</h2>" in html
    assert "Transparenz, Teilhabe und Mitwirkung" in html


# Rounds and answers --------------------------------------------------------------------------------------------


def test_round_is_created_and_answered_as_draft(login, users, town_a):
    client = login(users["editor"])
    response = client.post(
        reverse("strategy:round_create", kwargs={"slug": "beckum"}),
        {"title": "Bestandsaufnahme 2026", "conducted_on": "2026-03-15", "notes": ""},
    )
    assessment_round = AssessmentRound.objects.get(municipality=town_a)
    assert response.status_code == 302 and assessment_round.status == RoundStatus.DRAFT
    url = reverse("strategy:round_answer", kwargs={"slug": "beckum", "pk": assessment_round.pk, "field": "mobilitaet"})
    page = client.get(url).content.decode()
    assert page.count("<fieldset") == 4 and page.count("<legend>") == 4
    assert "Stufe 0:</strong> Es gibt weder ein Mobilitätskonzept" in page
    questions = questions_by_field(town_a)["mobilitaet"]
    data = {f"q{q.pk}": "" for q in questions} | {f"initial-q{q.pk}": "" for q in questions}
    data |= {f"q{q.pk}_comment": "" for q in questions} | {f"initial-q{q.pk}_comment": "" for q in questions}
    data |= {f"q{questions[0].pk}": "2", f"q{questions[1].pk}": "1", f"q{questions[1].pk}_comment": "Nur im Ortskern"}
    data["weiter"] = "1"
    response = client.post(url, data)
    assert response.status_code == 302
    assert response["Location"].endswith("/fragen/nachhaltigkeit/")
    answers = {a.question_id: a for a in AssessmentAnswer.objects.filter(round=assessment_round)}
    assert answers[questions[0].pk].level == 2
    assert (answers[questions[1].pk].level, answers[questions[1].pk].comment) == (1, "Nur im Ortskern")
    assert len(answers) == 2  # untouched questions are not stored
    entry = AuditEntry.objects.filter(object_id=str(assessment_round.pk), content_type__model="assessmentround").first()
    assert {c["after"] for c in entry.changes} >= {"Stufe 2", "Stufe 1", "Nur im Ortskern"}
    assert selectors.round_scores(assessment_round)[field(town_a, "mobilitaet").pk] == Decimal("1.5")


def test_answer_form_saves_only_what_this_person_changed(login, users, town_a):
    """Two people answer different questions of the same field at the same time: neither overwrites the other."""
    assessment_round = draft_round(town_a)
    first, second = questions_by_field(town_a)["mobilitaet"][:2]
    url = reverse("strategy:round_answer", kwargs={"slug": "beckum", "pk": assessment_round.pk, "field": "mobilitaet"})
    # Person B saves question 2 after person A opened the form.
    services.round_answers_save(actor=None, assessment_round=assessment_round, answers={second.pk: {"level": 3}})
    # Person A only answers question 1; question 2 was empty when A opened the form.
    data = {f"q{first.pk}": "4", f"initial-q{first.pk}": "", f"q{second.pk}": "", f"initial-q{second.pk}": ""}
    assert login(users["editor"]).post(url, data).status_code == 302
    levels = dict(AssessmentAnswer.objects.filter(round=assessment_round).values_list("question_id", "level"))
    assert levels == {first.pk: 4, second.pk: 3}


def test_invalid_level_is_refused(login, users, town_a):
    assessment_round = draft_round(town_a)
    question = questions_by_field(town_a)["mobilitaet"][0]
    url = reverse("strategy:round_answer", kwargs={"slug": "beckum", "pk": assessment_round.pk, "field": "mobilitaet"})
    response = login(users["editor"]).post(url, {f"q{question.pk}": "7", f"initial-q{question.pk}": ""})
    assert_refused(response, f"q{question.pk}", "gültige Auswahl")
    assert not AssessmentAnswer.objects.exists()
    with pytest.raises(ValidationError):
        services.round_answers_save(actor=None, assessment_round=assessment_round, answers={question.pk: {"level": 5}})


@pytest.mark.parametrize(
    ("field_name", "value", "message"),
    [
        ("title", "", "zwingend erforderlich"),
        ("title", HUGE, "höchstens 200 Zeichen"),
        ("conducted_on", "2026-02-30", "gültiges Datum"),
        ("conducted_on", "", "zwingend erforderlich"),
        ("notes", HUGE, "höchstens 10000 Zeichen"),
    ],
)
def test_round_bad_input(login, users, town_a, field_name, value, message):
    data = {"title": "Frühjahr", "conducted_on": "2026-03-01", "notes": "", field_name: value}
    response = login(users["editor"]).post(reverse("strategy:round_create", kwargs={"slug": "beckum"}), data)
    assert_refused(response, field_name, message)
    assert not AssessmentRound.objects.exists()


def test_round_completes_only_when_every_question_is_answered(login, users, town_a):
    assessment_round = draft_round(town_a)
    answer(assessment_round, {"mobilitaet": 2}, default=None)
    client = login(users["editor"])
    url = reverse("strategy:round_complete", kwargs={"slug": "beckum", "pk": assessment_round.pk})
    response = client.post(url, {"version": assessment_round.version})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Es sind noch 20 Fragen offen (Nachhaltigkeit, Verwaltung, Wohnen, Wirtschaft, Zivilgesellschaft)" in html
    assessment_round.refresh_from_db()
    assert assessment_round.status == RoundStatus.DRAFT
    answer(assessment_round, default=3)
    assert client.post(url, {"version": assessment_round.version}).status_code == 302
    assessment_round.refresh_from_db()
    assert assessment_round.status == RoundStatus.DONE and assessment_round.completed_at is not None


def test_completed_round_is_frozen(login, users, town_a):
    assessment_round = completed_round(town_a, default=2)
    question = questions_by_field(town_a)["mobilitaet"][0]
    client = login(users["coordinator"])
    kwargs = {"slug": "beckum", "pk": assessment_round.pk}
    response = client.post(
        reverse("strategy:round_answer", kwargs=kwargs | {"field": "mobilitaet"}),
        {f"q{question.pk}": "4", f"initial-q{question.pk}": "2"},
    )
    assert response.status_code == 403
    assert "Diese Runde ist abgeschlossen und kann nicht mehr geändert werden" in response.content.decode()
    assert AssessmentAnswer.objects.get(round=assessment_round, question=question).level == 2
    for name in ("round_edit", "round_delete", "round_complete"):
        assert client.post(reverse(f"strategy:{name}", kwargs=kwargs), {"title": "neu"}).status_code == 403
    assert AssessmentRound.objects.filter(pk=assessment_round.pk, title="Runde").exists()
    with pytest.raises(ValidationError, match="abgeschlossen"):
        services.round_answers_save(actor=None, assessment_round=assessment_round, answers={question.pk: {"level": 0}})
    with pytest.raises(ValidationError):
        services.round_delete(actor=None, assessment_round=assessment_round)
    # Earlier rounds stay listed next to new ones.
    draft_round(town_a, title="Neue Runde")
    html = client.get(reverse("strategy:assessment", kwargs={"slug": "beckum"})).content.decode()
    assert "Runde</a>" in html and "Neue Runde</a>" in html


def test_a_draft_round_can_be_renamed_and_deleted(login, users, town_a):
    assessment_round = draft_round(town_a)
    client = login(users["editor"])
    kwargs = {"slug": "beckum", "pk": assessment_round.pk}
    response = client.post(
        reverse("strategy:round_edit", kwargs=kwargs),
        {"title": "Umbenannt", "conducted_on": "2026-04-01", "notes": "", "version": assessment_round.version},
    )
    assert response.status_code == 302
    assert AssessmentRound.objects.get(pk=assessment_round.pk).title == "Umbenannt"
    assert client.post(reverse("strategy:round_delete", kwargs=kwargs)).status_code == 302
    assert not AssessmentRound.objects.exists()


# Scores --------------------------------------------------------------------------------------------------------


def test_score_is_the_mean_level_with_one_decimal(town_a):
    assessment_round = completed_round(town_a, {"mobilitaet": [1, 1, 1, 2], "wohnen": [0, 1, 2, 4], "wirtschaft": 4})
    scores = selectors.round_scores(assessment_round)
    assert scores[field(town_a, "mobilitaet").pk] == Decimal("1.3")  # 1,25 rounds up
    assert scores[field(town_a, "wohnen").pk] == Decimal("1.8")  # 1,75
    assert scores[field(town_a, "wirtschaft").pk] == Decimal("4.0")
    assert scores[field(town_a, "verwaltung").pk] == Decimal("2.0")
    means = selectors.field_means([assessment_round.pk])[assessment_round.pk]
    # Overall: each field counts the same: (1.25 + 2 + 2 + 1.75 + 4 + 2) / 6 = 2.1666…
    assert selectors.overall_score(means) == Decimal("2.2")


def test_unanswered_fields_have_no_score(town_a):
    assessment_round = draft_round(town_a)
    answer(assessment_round, {"mobilitaet": 3}, default=None)
    assert selectors.round_scores(assessment_round) == {field(town_a, "mobilitaet").pk: Decimal("3.0")}


# Peers ---------------------------------------------------------------------------------------------------------


@pytest.fixture
def peers(network, town_a, town_b):
    """Beckum (Mittelstadt) and others: two more Mittelstädte, one Großstadt, Billerbeck (Kleinstadt)."""
    unna = MunicipalityFactory(network=network, name="Unna", slug="unna", population=59_000)
    velbert = MunicipalityFactory(network=network, name="Velbert", slug="velbert", population=81_000)
    krefeld = MunicipalityFactory(network=network, name="Krefeld", slug="krefeld", population=227_000)
    # Unna's earlier round must not count: only the latest completed one does.
    completed_round(unna, {"mobilitaet": 0}, title="alt", on=datetime.date(2024, 1, 1))
    completed_round(unna, {"mobilitaet": 2}, on=datetime.date(2025, 1, 1))
    completed_round(velbert, {"mobilitaet": 4}, default=3)
    completed_round(town_b, {"mobilitaet": 4}, default=1)
    completed_round(krefeld, {"mobilitaet": 1})
    answer(draft_round(krefeld, on=datetime.date(2027, 1, 1)), default=4)  # drafts never count
    # Beckum's own rounds are never part of the averages.
    completed_round(town_a, {"mobilitaet": [1, 1, 1, 2]})
    return {"unna": unna, "velbert": velbert, "krefeld": krefeld}


def test_peer_averages_use_each_other_towns_latest_completed_round(town_a, peers):
    result = selectors.peer_averages(town_a)
    mobility = field(town_a, "mobilitaet").pk
    # Network: Unna 2, Velbert 4, Billerbeck 4, Krefeld 1 → 2,75
    assert result.network[mobility] == Decimal("2.8")
    assert result.network_count[mobility] == 4
    # Mittelstädte other than Beckum: Unna 2, Velbert 4 → 3,0
    assert result.size_class_label == "Mittelstadt"
    assert result.size_class[mobility] == Decimal("3.0")
    assert result.size_class_count[mobility] == 2
    assert (result.towns_network, result.towns_size_class) == (4, 2)
    # Nachhaltigkeit: Unna 2, Velbert 3, Billerbeck 1, Krefeld 2 → 2,0; Mittelstädte 2,5
    sustainability = field(town_a, "nachhaltigkeit").pk
    assert (result.network[sustainability], result.size_class[sustainability]) == (Decimal("2.0"), Decimal("2.5"))


def test_an_average_of_a_single_town_is_withheld(town_b, peers):
    """Billerbeck is the only Kleinstadt with a result apart from a new one: nothing is shown for one town."""
    winterberg = MunicipalityFactory(network=town_b.network, name="Winterberg", slug="winterberg", population=12_500)
    completed_round(winterberg, default=3)
    result = selectors.peer_averages(town_b)
    mobility = field(town_b, "mobilitaet").pk
    assert result.size_class_count[mobility] == 1
    assert result.size_class[mobility] is None
    assert result.network[mobility] is not None
    krefeld_view = selectors.peer_averages(peers["krefeld"])
    assert krefeld_view.size_class == {}  # no other Großstadt


def test_peer_averages_take_two_queries_for_any_number_of_towns(town_a, peers, network):
    with CaptureQueriesContext(connection) as small:
        selectors.peer_averages(town_a)
    for number in range(4):
        completed_round(MunicipalityFactory(network=network, population=30_000 + number), default=number)
    with CaptureQueriesContext(connection) as large:
        result = selectors.peer_averages(town_a)
    assert len(small) == len(large) == 2
    assert result.towns_network == 8


# Result page ---------------------------------------------------------------------------------------------------


def test_result_page_shows_radar_table_peers_and_progress(login, users, town_a, peers):
    completed_round(town_a, {"mobilitaet": 3, "wohnen": 3}, title="Herbst", on=datetime.date(2026, 10, 1))
    latest = AssessmentRound.objects.get(title="Herbst")
    html = (
        login(users["viewer"])
        .get(reverse("strategy:round_detail", kwargs={"slug": "beckum", "pk": latest.pk}))
        .content.decode()
    )
    assert html.count('role="img"') == 2  # radar and progress chart
    assert '<title id="chart-round-' in html and '<desc id="chart-round-' in html
    assert "Reifegrad je Handlungsfeld (Mittel der Stufen 0–4) im Vergleich" in html
    assert "Durchschnitt im Netzwerk" in html and "Durchschnitt Mittelstadt" in html
    assert "2,8" in html and "3,0" in html
    assert "Reifegrad je Handlungsfeld in den abgeschlossenen Runden" in html
    assert "1,3" in html  # first round's Mobilität in the progress table
    assert '<th scope="row">Mobilität</th>' in html
    history = selectors.completed_history(town_a)
    assert [r.round.title for r in history] == ["Runde", "Herbst"]
    assert history[1].scores[field(town_a, "mobilitaet").pk] == Decimal("3.0")


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_result_page_query_count_does_not_grow(login, users, network, town_a, peers):
    client = login(users["coordinator"])
    latest = completed_round(town_a, default=3, title="Neu", on=datetime.date(2026, 6, 1))
    url = reverse("strategy:round_detail", kwargs={"slug": "beckum", "pk": latest.pk})
    assessment_url = reverse("strategy:assessment", kwargs={"slug": "beckum"})
    small, small_list = _count(client, url), _count(client, assessment_url)
    for number in range(5):
        town = MunicipalityFactory(network=network, population=40_000 + number)
        completed_round(town, default=number % 5)
        completed_round(town, default=1, on=datetime.date(2026, 7, 1))
    for number in range(3):
        completed_round(town_a, default=number, on=datetime.date(2027, 1, 1 + number))
    large, large_list = _count(client, url), _count(client, assessment_url)
    assert small == large, (small, large)
    assert small_list == large_list, (small_list, large_list)
