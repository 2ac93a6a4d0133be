"""A citizen's own data: download as ZIP, delete the account; a closed participation anonymised after retention."""

import csv
import datetime
import io
import json
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from vorort.accounts.models import Membership, User
from vorort.core.models import AuditEntry
from vorort.participation import services
from vorort.participation.models import (
    AuthorRemoved,
    CitizenProfile,
    Comment,
    Consent,
    Idea,
    Participation,
    ParticipationState,
    Vote,
)
from vorort.participation.selectors import vote_counts

from ..factories import PASSWORD
from .conftest import LOGIN_BACKEND
from .support import make_citizen

pytestmark = pytest.mark.django_db


@pytest.fixture
def contributions(participation, citizen, measures):
    idea = Idea.objects.create(
        participation=participation, author=citizen, title="=SUMME(A1)", text="Trinkbrunnen", place="Markt"
    )
    comment = Comment.objects.create(participation=participation, author=citizen, idea=idea, text="Noch ein Gedanke")
    vote = Vote.objects.create(participation=participation, measure=measures[0], participant=citizen)
    return {"idea": idea, "comment": comment, "vote": vote}


def test_data_export_zip(citizen_client, citizen, contributions, participation):
    response = citizen_client.get(reverse("participation:account_data"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert 'filename="meine-daten-vorort-' in response["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert set(archive.namelist()) == {
        "LIESMICH.txt",
        "meine-daten.json",
        "profil.csv",
        "rollen.csv",
        "einwilligungen.csv",
        "ideen.csv",
        "kommentare.csv",
        "stimmen.csv",
    }
    document = json.loads(archive.read("meine-daten.json"))
    assert document["profil"]["e_mail"] == citizen.email
    assert document["profil"]["e_mail_bestaetigt_am"]
    assert [idea["titel"] for idea in document["ideen"]] == ["=SUMME(A1)"]
    assert document["kommentare"][0]["text"] == "Noch ein Gedanke"
    assert document["kommentare"][0]["zu"] == "Idee „=SUMME(A1)“"
    assert document["stimmen"][0]["massnahme"] == "Mobilstation am Bahnhof"
    assert document["einwilligungen"][0]["beteiligung"] == participation.title
    assert document["rollen"][0]["rolle"] == "Bürger*in"
    rows = list(csv.DictReader(io.StringIO(archive.read("ideen.csv").decode("utf-8-sig")), delimiter=";"))
    assert rows[0]["titel"] == "'=SUMME(A1)"  # a spreadsheet would not run it
    assert rows[0]["ort"] == "Markt"
    votes = archive.read("stimmen.csv").decode("utf-8-sig")
    assert votes.splitlines()[0] == "beteiligung;kommune;massnahme;abgegeben_am"


def test_export_holds_only_the_own_data(safe_client, users, contributions):
    safe_client.force_login(users["editor"], backend=LOGIN_BACKEND)
    archive = zipfile.ZipFile(io.BytesIO(safe_client.get(reverse("participation:account_data")).content))
    document = json.loads(archive.read("meine-daten.json"))
    assert document["ideen"] == [] and document["kommentare"] == [] and document["stimmen"] == []
    assert archive.read("ideen.csv").decode("utf-8-sig").strip() == (
        "nummer;beteiligung;kommune;titel;text;handlungsfeld;ort;eingereicht_am;moderation;grund_der_moderation"
    )


def test_delete_account_with_wrong_then_right_password(citizen_client, citizen, contributions, participation, measures):
    url = reverse("participation:account_delete")
    assert citizen_client.get(url).status_code == 200
    response = citizen_client.post(url, {"password": "falsch"})
    assert response.status_code == 200
    assert "Das Passwort stimmt nicht" in response.content.decode()
    assert User.objects.filter(pk=citizen.pk).exists()

    response = citizen_client.post(url, {"password": PASSWORD})
    assert response.status_code == 302
    assert not User.objects.filter(pk=citizen.pk).exists()
    assert not Membership.objects.filter(user_id=citizen.pk).exists()
    assert not Consent.objects.filter(user_id=citizen.pk).exists()
    assert not CitizenProfile.objects.filter(user_id=citizen.pk).exists()
    idea = Idea.objects.get(pk=contributions["idea"].pk)
    comment = Comment.objects.get(pk=contributions["comment"].pk)
    assert (idea.author, idea.author_removed) == (None, AuthorRemoved.DELETED)
    assert (comment.author, comment.author_removed) == (None, AuthorRemoved.DELETED)
    assert Vote.objects.get(pk=contributions["vote"].pk).participant is None
    assert vote_counts(participation.municipality, [measures[0].pk]) == {measures[0].pk: 1}
    # Signed out; the idea shows the deleted author; the audit trail keeps no link and no name.
    assert citizen_client.get(reverse("participation:account")).status_code == 302
    page = citizen_client.get(
        reverse("participation:idea", kwargs={"slug": "beckum", "pk": participation.pk, "idea_pk": idea.pk})
    )
    assert "gelöschte*r Nutzer*in" in page.content.decode()
    assert not AuditEntry.objects.filter(actor_id=citizen.pk).exists()
    assert not AuditEntry.objects.filter(actor_label=citizen.name).exists()


def test_staff_accounts_are_not_deleted_here(safe_client, users):
    for role in ("coordinator", "network_admin"):
        user = users[role]
        safe_client.force_login(user, backend=LOGIN_BACKEND)
        url = reverse("participation:account_delete")
        response = safe_client.post(url, {"password": PASSWORD})
        assert response.status_code == 200
        assert "lässt sich hier nicht löschen" in response.content.decode()
        assert User.objects.filter(pk=user.pk).exists()


def test_anonymise_refused_before_the_retention_period(safe_client, users, participation, contributions, settings):
    safe_client.force_login(users["coordinator"], backend=LOGIN_BACKEND)
    url = reverse("participation:anonymise", kwargs={"slug": "beckum", "pk": participation.pk})
    # Still open
    response = safe_client.post(url, follow=True)
    assert "Nur eine abgeschlossene Beteiligung" in response.content.decode()
    # Closed, but only 10 days ago
    settings.PARTICIPATION_RETENTION_DAYS = 180
    Participation.objects.filter(pk=participation.pk).update(
        state=ParticipationState.CLOSED, closed_at=timezone.now() - datetime.timedelta(days=10)
    )
    response = safe_client.post(url, follow=True)
    html = response.content.decode()
    assert "Die Aufbewahrungsfrist von 180 Tagen läuft noch" in html
    assert Idea.objects.get(pk=contributions["idea"].pk).author_id is not None
    assert Participation.objects.get(pk=participation.pk).anonymised_at is None


def test_anonymise_after_the_retention_period(safe_client, users, participation, contributions, measures, settings):
    settings.PARTICIPATION_RETENTION_DAYS = 30
    Participation.objects.filter(pk=participation.pk).update(
        state=ParticipationState.CLOSED, closed_at=timezone.now() - datetime.timedelta(days=31)
    )
    safe_client.force_login(users["coordinator"], backend=LOGIN_BACKEND)
    url = reverse("participation:anonymise", kwargs={"slug": "beckum", "pk": participation.pk})
    assert "Jetzt anonymisieren" in safe_client.get(url).content.decode()
    response = safe_client.post(url, follow=True)
    assert "Ohne Namen sind jetzt: Ideen 1, Kommentare 1, Stimmen 1. Gelöschte Einwilligungen: 1." in (
        response.content.decode()
    )
    idea = Idea.objects.get(pk=contributions["idea"].pk)
    assert (idea.author, idea.author_removed, idea.text) == (None, AuthorRemoved.ANONYMISED, "Trinkbrunnen")
    assert Comment.objects.get(pk=contributions["comment"].pk).author is None
    assert Vote.objects.get(pk=contributions["vote"].pk).participant is None
    assert not Consent.objects.filter(participation=participation).exists()
    assert Participation.objects.get(pk=participation.pk).anonymised_at is not None
    assert vote_counts(participation.municipality, [m.pk for m in measures]) == {measures[0].pk: 1, measures[1].pk: 0}
    page = safe_client.get(reverse("participation:participation", kwargs={"slug": "beckum", "pk": participation.pk}))
    assert "von anonym am" in page.content.decode()
    # Only once
    with pytest.raises(ValidationError, match="bereits anonymisiert"):
        services.participation_anonymise(actor=users["coordinator"], participation=participation)


def test_editor_may_not_anonymise(safe_client, users, participation):
    safe_client.force_login(users["editor"], backend=LOGIN_BACKEND)
    url = reverse("participation:anonymise", kwargs={"slug": "beckum", "pk": participation.pk})
    assert safe_client.post(url).status_code == 403


def test_account_page_lists_participations(citizen_client, participation):
    html = citizen_client.get(reverse("participation:account")).content.decode()
    assert participation.title in html and "Meine Daten herunterladen" in html and "Konto löschen" in html
    dashboard = citizen_client.get(reverse("core:dashboard")).content.decode()
    assert participation.title in dashboard
    assert "Sie haben noch keinen Zugang zu einer Kommune" not in dashboard


def test_another_citizen_keeps_their_data_when_one_is_deleted(safe_client, users, participation, measures, network):
    other = make_citizen(
        Membership.objects.create(
            user=User.objects.create_user("zweite@example.org", PASSWORD, name="Zweite"),
            network=network,
            municipality=participation.municipality,
            role="participant",
        ).user,
        participation,
    )
    Vote.objects.create(participation=participation, measure=measures[0], participant=other)
    deleted = make_citizen(users["participant"], participation)
    Vote.objects.create(participation=participation, measure=measures[0], participant=deleted)
    services.account_delete(user=deleted)
    assert Vote.objects.filter(participant=other).count() == 1
    assert vote_counts(participation.municipality, [measures[0].pk]) == {measures[0].pk: 2}
