"""The network's criteria template, a municipality adopting it, own criteria, dropping, weights."""

import pytest
from django.urls import reverse

from vorort.core.models import AuditEntry
from vorort.prioritisation import services
from vorort.prioritisation.models import Criterion, CriterionTemplate

from .conftest import field_errors, text

TEMPLATE_LIST = reverse("prioritisation:template_list")


def _criteria_url():
    return reverse("prioritisation:criteria", kwargs={"slug": "beckum"})


def _template_data(**overrides):
    data = {
        "name": "Klimawirkung",
        "description": "",
        "source": "bewertung",
        "direction": "nutzen",
        "scale_min": "0",
        "scale_max": "3",
        "default_weight": "10",
        "order": "",
    }
    data.update(overrides)
    return data


def test_network_admin_creates_the_default_template_and_adds_a_criterion(login, network):
    client = login("network_admin")
    assert "noch keine Kriterien" in text(client.get(TEMPLATE_LIST))
    assert client.post(reverse("prioritisation:template_defaults")).status_code == 302
    names = list(CriterionTemplate.objects.filter(network=network).values_list("name", flat=True))
    assert names == [
        "Wirkung / Mehrwert für Nutzer*innengruppen",
        "Beitrag zu Vision und Zielen",
        "Dringlichkeit",
        "Umsetzbarkeit",
        "Kosten",
        "Personalaufwand",
        "Fördermöglichkeit",
        "Bürger*innenvotum",
    ]
    page = text(client.get(TEMPLATE_LIST))
    assert "20,0 %" in page and "Kosten – weniger ist besser" in page

    assert client.post(TEMPLATE_LIST, _template_data()).status_code == 302
    added = CriterionTemplate.objects.get(network=network, name="Klimawirkung")
    assert (added.scale_min, added.scale_max, added.order) == (0, 3, 9)
    assert AuditEntry.objects.filter(object_repr="Klimawirkung", action="create").exists()

    # A second click on "Standardkriterien anlegen" adds nothing.
    client.post(reverse("prioritisation:template_defaults"))
    assert CriterionTemplate.objects.filter(network=network).count() == 9


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"scale_min": "5", "scale_max": "5"}, "scale_max", "größer sein als ihr Anfang"),
        ({"scale_max": "50"}, "scale_max", "von 0 bis 10"),
        ({"scale_min": "-1"}, "scale_min", "von 0 bis 10"),
        ({"default_weight": "-3"}, "default_weight", "von 0 bis 100"),
        ({"default_weight": "1000000"}, "default_weight", "von 0 bis 100"),
        ({"default_weight": "viel"}, "default_weight", "von 0 bis 100"),
        ({"source": "kosten", "direction": "nutzen"}, "direction", "Richtung „Kosten – weniger ist besser“"),
        ({"source": "stimmen", "direction": "kosten"}, "direction", "Richtung „Nutzen – mehr ist besser“"),
        ({"name": ""}, "name", "Dieses Feld ist zwingend erforderlich"),
    ],
)
def test_bad_template_input_is_explained_at_the_field(login, network, overrides, field, message):
    response = login("network_admin").post(TEMPLATE_LIST, _template_data(**overrides))
    assert response.status_code == 200
    assert message in field_errors(response.content.decode(), field)
    assert not CriterionTemplate.objects.filter(network=network).exists()


def test_template_edit_and_delete_keep_adopted_criteria(login, network, criteria):
    client = login("network_admin")
    template = CriterionTemplate.objects.get(network=network, name="Dringlichkeit")
    url = reverse("prioritisation:template_edit", kwargs={"pk": template.pk})
    response = client.post(url, _template_data(name="Dringlichkeit vor Ort", default_weight="30", order="3"))
    assert response.status_code == 302
    template.refresh_from_db()
    assert (template.name, template.default_weight) == ("Dringlichkeit vor Ort", 30)
    assert Criterion.objects.get(pk=criteria["Dringlichkeit"].pk).name == "Dringlichkeit"

    client.post(reverse("prioritisation:template_delete", kwargs={"pk": template.pk}))
    assert not CriterionTemplate.objects.filter(pk=template.pk).exists()
    assert Criterion.objects.get(pk=criteria["Dringlichkeit"].pk).template is None


def test_municipality_adopts_the_template_once(login, town_a, network):
    client = login("coordinator")
    assert "Vorlage des Netzwerks übernehmen" in text(client.get(_criteria_url()))
    response = client.post(reverse("prioritisation:template_adopt", kwargs={"slug": "beckum"}), follow=True)
    assert "8 Kriterien aus der Vorlage des Netzwerks übernommen" in text(response)
    adopted = list(Criterion.objects.filter(municipality=town_a).values_list("name", "weight", "source"))
    assert len(adopted) == 8
    assert ("Kosten", 10, "kosten") in adopted
    # The shares are shown normalised: 20 of 100 points are 20 %.
    page = text(client.get(_criteria_url()))
    assert "20,0 %" in page and "15,0 %" in page

    again = client.post(reverse("prioritisation:template_adopt", kwargs={"slug": "beckum"}), follow=True)
    assert "bereits übernommen" in text(again)
    assert Criterion.objects.filter(municipality=town_a).count() == 8


def test_own_criterion_added_and_one_dropped(login, town_a, criteria):
    client = login("coordinator")
    create = reverse("prioritisation:criterion_create", kwargs={"slug": "beckum"})
    data = {
        "name": "Klimawirkung",
        "description": "Beitrag zum Klimaschutzkonzept",
        "source": "bewertung",
        "direction": "nutzen",
        "scale_min": "0",
        "scale_max": "3",
        "weight": "25",
        "order": "",
    }
    assert client.post(create, data).status_code == 302
    own = Criterion.objects.get(municipality=town_a, name="Klimawirkung")
    assert own.template is None and own.order == 9

    duplicate = client.post(create, dict(data, name="kosten"))
    assert "gibt es bereits" in field_errors(duplicate.content.decode(), "name")

    dropped = criteria["Fördermöglichkeit"]
    url = reverse("prioritisation:criterion_delete", kwargs={"slug": "beckum", "pk": dropped.pk})
    assert "festgeschriebene Kataloge bleiben unverändert" in text(client.get(url))
    client.post(url)
    assert not Criterion.objects.filter(pk=dropped.pk).exists()
    assert AuditEntry.objects.filter(object_repr="Fördermöglichkeit", action="delete").exists()
    # Adopting the template again brings a dropped template criterion back.
    services.criteria_adopt_template(actor=None, municipality=town_a)
    assert Criterion.objects.filter(municipality=town_a, name="Fördermöglichkeit").exists()


def test_criterion_edit_is_versioned(login, town_a, criteria, users):
    client = login("coordinator")
    criterion = criteria["Dringlichkeit"]
    url = reverse("prioritisation:criterion_edit", kwargs={"slug": "beckum", "pk": criterion.pk})
    data = {
        "name": "Dringlichkeit",
        "description": "",
        "source": "bewertung",
        "direction": "nutzen",
        "scale_min": "1",
        "scale_max": "10",
        "weight": "15",
        "order": "3",
        "version": "1",
    }
    services.criterion_update(actor=users["editor"], criterion=criterion, data={"weight": 16}, expected_version=1)
    stale = client.post(url, data)
    assert "inzwischen geändert" in stale.content.decode()
    assert Criterion.objects.get(pk=criterion.pk).scale_max == 5
    assert client.post(url, dict(data, version="2")).status_code == 302
    assert Criterion.objects.get(pk=criterion.pk).scale_max == 10


def _weights_post(criteria_list, **overrides):
    data = {}
    for criterion in criteria_list:
        data[f"weight_{criterion.pk}"] = str(criterion.weight)
        data[f"version_{criterion.pk}"] = str(criterion.version)
    data.update(overrides)
    return data


def test_weights_are_saved_and_shown_as_percentages(login, town_a, criteria):
    client = login("coordinator")
    ordered = list(Criterion.objects.filter(municipality=town_a).order_by("order"))
    overrides = {f"weight_{c.pk}": "0" for c in ordered}
    overrides[f"weight_{criteria['Kosten'].pk}"] = "30"
    overrides[f"weight_{criteria['Dringlichkeit'].pk}"] = "10"
    response = client.post(_criteria_url(), _weights_post(ordered, **overrides), follow=True)
    assert "Gewichte gespeichert" in text(response)
    assert Criterion.objects.get(pk=criteria["Kosten"].pk).weight == 30
    assert Criterion.objects.get(pk=criteria["Wirkung / Mehrwert für Nutzer*innengruppen"].pk).weight == 0
    page = text(response)
    assert "75,0 %" in page and "25,0 %" in page
    assert AuditEntry.objects.filter(object_repr="Kosten", action="update").exists()


@pytest.mark.parametrize("value", ["-5", "101", "1000000", "zehn", "12,5", ""])
def test_bad_weights_are_explained_and_nothing_is_saved(login, town_a, criteria, value):
    client = login("coordinator")
    ordered = list(Criterion.objects.filter(municipality=town_a).order_by("order"))
    kosten = criteria["Kosten"]
    response = client.post(_criteria_url(), _weights_post(ordered, **{f"weight_{kosten.pk}": value}))
    assert response.status_code == 200
    assert "von 0 bis 100 Punkten" in field_errors(response.content.decode(), f"weight_{kosten.pk}")
    assert "Es wurde nichts gespeichert" in response.content.decode()
    assert Criterion.objects.get(pk=kosten.pk).weight == 10


def test_all_weights_zero_is_refused(login, town_a, criteria):
    client = login("coordinator")
    ordered = list(Criterion.objects.filter(municipality=town_a).order_by("order"))
    response = client.post(_criteria_url(), _weights_post(ordered, **{f"weight_{c.pk}": "0" for c in ordered}))
    assert response.status_code == 200
    assert "Mindestens ein Kriterium braucht ein Gewicht über 0" in response.content.decode()
    assert set(Criterion.objects.filter(municipality=town_a).values_list("weight", flat=True)) != {0}


def test_stale_weights_keep_the_input(login, town_a, criteria, users):
    client = login("coordinator")
    ordered = list(Criterion.objects.filter(municipality=town_a).order_by("order"))
    kosten = criteria["Kosten"]
    services.criterion_update(actor=users["network_admin"], criterion=kosten, data={"weight": 40}, expected_version=1)
    response = client.post(_criteria_url(), _weights_post(ordered, **{f"weight_{kosten.pk}": "55"}))
    assert "inzwischen geändert" in response.content.decode()
    assert 'value="55"' in response.content.decode()
    assert Criterion.objects.get(pk=kosten.pk).weight == 40


def test_service_refuses_bad_weights_too(town_a, criteria, users):
    from django.core.exceptions import ValidationError

    kosten = criteria["Kosten"]
    with pytest.raises(ValidationError) as error:
        services.criteria_weights_save(
            actor=users["coordinator"], municipality=town_a, weights={kosten.pk: -1}, versions={}
        )
    assert f"weight_{kosten.pk}" in error.value.message_dict
    with pytest.raises(ValidationError):
        services.criteria_weights_save(
            actor=users["coordinator"],
            municipality=town_a,
            weights={c.pk: 0 for c in criteria.values()},
            versions={},
        )
