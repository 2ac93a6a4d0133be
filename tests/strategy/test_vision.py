"""Vision: versions, Entwurf → Beschlossen, frozen adopted versions, new versions, side-by-side comparison."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from vorort.core.models import AuditEntry
from vorort.strategy import services
from vorort.strategy.diff import word_diff
from vorort.strategy.models import GuidingPrinciple, VisionState, VisionVersion

from .conftest import HUGE, assert_refused
from .support import field

pytestmark = pytest.mark.django_db


def _url(name, **kwargs):
    return reverse(f"strategy:{name}", kwargs={"slug": "beckum", **kwargs})


def _form(town, **overrides):
    data = {"title": "Smarte Stadt 2030", "text": "Beckum verbindet Stadt und Land."}
    data |= {f"principle_{field(town, slug).pk}": "" for slug in ["mobilitaet", "wohnen"]}
    data[f"principle_{field(town, 'mobilitaet').pk}"] = "Mobil ohne eigenes Auto."
    data.update(overrides)
    return data


def _draft(town, text="Beckum verbindet Stadt und Land.", principles=None):
    return services.vision_create(
        actor=None, municipality=town, title="Smarte Stadt 2030", text=text, principles=principles or {}
    )


def _adopt(version):
    return services.vision_adopt(
        actor=None,
        vision=version,
        adopted_on=datetime.date(2026, 5, 12),
        resolution_number="DS 2026/041",
        expected_version=None,
    )


def test_first_version_with_principles(login, users, town_a):
    client = login(users["editor"])
    response = client.post(_url("vision_create"), _form(town_a))
    assert response.status_code == 302
    version = VisionVersion.objects.get()
    assert (version.number, version.state, version.author) == (1, VisionState.DRAFT, users["editor"])
    assert GuidingPrinciple.objects.get(vision=version).text == "Mobil ohne eigenes Auto."
    # A second "first version" is not possible: the page points to the draft instead.
    assert client.get(_url("vision_create")).status_code == 302


@pytest.mark.parametrize(
    ("field_name", "value", "message"),
    [("title", "", "zwingend erforderlich"), ("text", "", "zwingend erforderlich"), ("text", HUGE, "höchstens 20000")],
)
def test_vision_bad_input(login, users, town_a, field_name, value, message):
    assert_refused(
        login(users["editor"]).post(_url("vision_create"), _form(town_a, **{field_name: value})), field_name, message
    )
    assert not VisionVersion.objects.exists()


def test_principle_too_long_is_refused(login, users, town_a):
    name = f"principle_{field(town_a, 'wohnen').pk}"
    assert_refused(
        login(users["editor"]).post(_url("vision_create"), _form(town_a, **{name: HUGE})), name, "höchstens 2000"
    )
    assert not VisionVersion.objects.exists()


def test_draft_is_edited_and_audited(login, users, town_a):
    version = _draft(town_a)
    wohnen = f"principle_{field(town_a, 'wohnen').pk}"
    response = login(users["editor"]).post(
        _url("vision_edit", pk=version.pk),
        _form(
            town_a,
            text="Beckum verbindet Stadt, Land und Menschen.",
            version=version.version,
            **{wohnen: "Gut wohnen."},
        ),
    )
    assert response.status_code == 302
    version.refresh_from_db()
    assert version.text == "Beckum verbindet Stadt, Land und Menschen." and version.version == 2
    assert {p.action_field.slug: p.text for p in version.principles.select_related("action_field")} == {
        "mobilitaet": "Mobil ohne eigenes Auto.",
        "wohnen": "Gut wohnen.",
    }
    labels = {c["label"] for e in AuditEntry.objects.filter(object_id=str(version.pk)) for c in e.changes}
    assert {"Visionstext", "Leitsatz Mobilität", "Leitsatz Wohnen"} <= labels


def test_stale_edit_on_a_draft_keeps_the_users_input(login, users, town_a):
    version = _draft(town_a)
    opened_at = version.version
    services.vision_update(actor=None, vision=version, data={"title": "Zukunft Beckum"}, expected_version=opened_at)
    response = login(users["editor"]).post(
        _url("vision_edit", pk=version.pk), _form(town_a, text="Mein neuer Visionstext.", version=opened_at)
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Jemand anderes hat diesen Eintrag inzwischen geändert" in html
    assert "Mein neuer Visionstext." in html
    version.refresh_from_db()
    assert (version.title, version.text) == ("Zukunft Beckum", "Beckum verbindet Stadt und Land.")


def test_only_managers_adopt_and_adoption_records_date_and_resolution(login, users, town_a):
    version = _draft(town_a)
    data = {"adopted_on": "2026-05-12", "resolution_number": "DS 2026/041", "version": version.version}
    assert login(users["editor"]).post(_url("vision_adopt", pk=version.pk), data).status_code == 403
    assert login(users["coordinator"]).post(_url("vision_adopt", pk=version.pk), data).status_code == 302
    version.refresh_from_db()
    assert (version.state, version.adopted_on, version.resolution_number) == (
        VisionState.ADOPTED,
        datetime.date(2026, 5, 12),
        "DS 2026/041",
    )


@pytest.mark.parametrize(
    ("field_name", "value", "message"),
    [
        ("adopted_on", "", "zwingend erforderlich"),
        ("adopted_on", "2026-13-01", "gültiges Datum"),
        ("adopted_on", "2999-01-01", "nicht in der Zukunft"),
        ("resolution_number", "", "zwingend erforderlich"),
        ("resolution_number", HUGE, "höchstens 60 Zeichen"),
    ],
)
def test_adoption_bad_input(login, users, town_a, field_name, value, message):
    version = _draft(town_a)
    data = {"adopted_on": "2026-05-12", "resolution_number": "DS 2026/041", "version": version.version}
    data[field_name] = value
    assert_refused(login(users["coordinator"]).post(_url("vision_adopt", pk=version.pk), data), field_name, message)
    version.refresh_from_db()
    assert version.state == VisionState.DRAFT


def test_service_refuses_adoption_in_the_future(town_a):
    version = _draft(town_a)
    with pytest.raises(ValidationError) as error:
        services.vision_adopt(
            actor=None,
            vision=version,
            adopted_on=timezone.localdate() + datetime.timedelta(days=1),
            resolution_number="DS 1",
            expected_version=None,
        )
    assert "adopted_on" in error.value.error_dict


def test_adopted_version_is_frozen(login, users, town_a):
    version = _adopt(_draft(town_a))
    client = login(users["coordinator"])
    for name in ("vision_edit", "vision_adopt", "vision_delete"):
        response = client.post(_url(name, pk=version.pk), _form(town_a, version=version.version))
        assert response.status_code == 403, name
        assert "Diese Fassung ist beschlossen" in response.content.decode()
    assert client.get(_url("vision_edit", pk=version.pk)).status_code == 403
    with pytest.raises(ValidationError, match="beschlossen"):
        services.vision_update(actor=None, vision=version, data={"text": "neu"}, expected_version=None)
    with pytest.raises(ValidationError):
        services.vision_delete(actor=None, vision=version)
    with pytest.raises(ValidationError):
        _adopt(version)
    version.refresh_from_db()
    assert version.text == "Beckum verbindet Stadt und Land."


def test_new_version_copies_the_latest_into_a_draft(login, users, town_a):
    mobility = field(town_a, "mobilitaet")
    first = _adopt(_draft(town_a, principles={mobility: "Mobil ohne eigenes Auto."}))
    client = login(users["editor"])
    response = client.post(_url("vision_new_version"))
    second = VisionVersion.objects.get(number=2)
    assert response.status_code == 302 and response["Location"] == _url("vision_edit", pk=second.pk)
    assert (second.state, second.title, second.text) == (VisionState.DRAFT, first.title, first.text)
    assert second.principles.get().text == "Mobil ohne eigenes Auto."
    # While a draft exists, no further version is started.
    response = client.post(_url("vision_new_version"), follow=True)
    assert "Fassung 2 ist noch ein Entwurf" in response.content.decode()
    assert VisionVersion.objects.count() == 2
    # The vision page shows the adopted version as current, and the draft.
    html = client.get(_url("vision")).content.decode()
    assert "Fassung 1, beschlossen am 12.05.2026 (Drucksache DS 2026/041)" in html
    assert "Entwurf: Fassung 2" in html


def test_comparison_marks_changes_in_text_and_principles(login, users, town_a):
    mobility, housing = field(town_a, "mobilitaet"), field(town_a, "wohnen")
    first = _adopt(_draft(town_a, principles={mobility: "Mobil ohne eigenes Auto.", housing: "Gut wohnen."}))
    second = services.vision_new_version(actor=None, municipality=town_a)
    services.vision_update(
        actor=None,
        vision=second,
        data={"text": "Beckum verbindet Stadt, Land und <Menschen>."},
        principles={mobility: "Mobil mit Bus und Rad.", housing: "Gut wohnen."},
        expected_version=None,
    )
    response = login(users["viewer"]).get(_url("vision_compare"), {"a": second.pk, "b": first.pk})
    html = response.content.decode()
    assert response.status_code == 200
    comparison = response.context["comparison"]
    assert (comparison["left"].number, comparison["right"].number) == (1, 2)  # older on the left
    assert '<ins class="diff-after"><span class="visually-hidden">[eingefügt: </span>&lt;Menschen&gt;' in html
    assert '<del class="diff-before"><span class="visually-hidden">[gelöscht: </span>ohne eigenes Auto' in html
    assert '<ins class="diff-after"><span class="visually-hidden">[eingefügt: </span>mit Bus und Rad' in html
    assert "<Menschen>" not in html
    principles = {f.slug: diff for f, diff in comparison["principles"]}
    assert principles["mobilitaet"].changed and not principles["wohnen"].changed
    assert not comparison["title"].changed
    # Without a choice the page offers the form, preset to the two latest versions.
    page = login(users["viewer"]).get(_url("vision_compare"))
    assert page.status_code == 200 and page.context["comparison"] is None


def test_comparison_with_bad_choice_is_a_field_error(login, users, town_a, town_b):
    own = _draft(town_a)
    foreign = _draft(town_b)
    response = login(users["viewer"]).get(_url("vision_compare"), {"a": own.pk, "b": foreign.pk})
    assert response.status_code == 200
    assert "gültige Auswahl" in response.content.decode()
    assert response.context["comparison"] is None


def test_word_diff():
    same = word_diff("Stadt und Land.", "Stadt  und\nLand.")
    assert not same.changed and "<ins" not in same.new and "<del" not in same.old
    diff = word_diff("Wir verbinden Stadt und Land.", "Wir verbinden Stadt, Land und Menschen.")
    assert diff.changed and diff.inserted == 2 and diff.deleted == 1
    assert "[gelöscht: </span>Land" in diff.old
    assert "[eingefügt: </span>Menschen" in diff.new
    assert word_diff("", "Neu").new.count("<ins") == 1
    hostile = word_diff("<script>", "<script>alert(1)</script>")
    assert "<script" not in hostile.old + hostile.new
