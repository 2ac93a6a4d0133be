"""Citizens register with consent, confirm their address by a signed, expiring link, and only then take part."""

import datetime
import re

import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone

from vorort.accounts.models import Membership, Role, User
from vorort.participation import services
from vorort.participation.models import CitizenProfile, Consent, ParticipationState

from ..factories import MunicipalityFactory
from .conftest import LOGIN_BACKEND
from .support import make_participation

pytestmark = pytest.mark.django_db

PASSWORD = "Rathausplatz-2026!"


def register_url(participation) -> str:
    return reverse("participation:register", kwargs={"slug": participation.municipality.slug, "pk": participation.pk})


def form_data(**overrides) -> dict:
    data = {
        "name": "Mia Muster",
        "email": "Mia@Example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return data


def confirmation_link() -> str:
    assert mail.outbox, "no e-mail was sent"
    match = re.search(r"https?://\S+/konto/bestaetigen/\S+/", mail.outbox[-1].body)
    assert match, mail.outbox[-1].body
    return match.group(0)


def test_registration_page_shows_the_municipalitys_privacy_text(safe_client, participation):
    participation.privacy_text = "<p>Verantwortlich ist die <strong>Stadt Beckum</strong>.</p><script>alert(1)</script>"
    participation.save()
    response = safe_client.get(register_url(participation))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Verantwortlich ist die <strong>Stadt Beckum</strong>." in html
    assert "<script>alert(1)" not in html
    assert 'name="website"' in html and 'aria-hidden="true"' in html


def test_register_confirm_login_and_take_part(safe_client, participation, measures, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = safe_client.post(register_url(participation), form_data())
    assert response.status_code == 302
    assert response["Location"].endswith("/registriert/")
    user = User.objects.get(email="mia@example.org")
    assert user.name == "Mia Muster"
    assert user.check_password(PASSWORD)
    membership = Membership.objects.get(user=user)
    assert (membership.municipality, membership.role) == (participation.municipality, Role.PARTICIPANT)
    consent = Consent.objects.get(user=user, participation=participation)
    assert consent.text == participation.privacy_text
    assert CitizenProfile.objects.get(user=user).email_confirmed_at is None
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["mia@example.org"]
    assert "Beckum" in mail.outbox[0].subject

    # Not confirmed yet: signed in, but no idea and no vote.
    safe_client.force_login(user, backend=LOGIN_BACKEND)
    page = safe_client.get(reverse("participation:participation", kwargs={"slug": "beckum", "pk": participation.pk}))
    assert "Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse" in page.content.decode()
    with pytest.raises(services.ParticipationRefused):
        services.vote_cast(participant=user, participation=participation, measure=measures[0])
    safe_client.logout()

    link = confirmation_link()
    path = link.split("testserver", 1)[-1]
    assert safe_client.get(path).status_code == 200  # a page with a button: link scanners confirm nothing
    assert CitizenProfile.objects.get(user=user).email_confirmed_at is None
    response = safe_client.post(path)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert CitizenProfile.objects.get(user=user).email_confirmed_at is not None

    login = safe_client.post(response["Location"], {"username": "mia@example.org", "password": PASSWORD}, follow=False)
    assert login.status_code == 302
    assert login["Location"] == reverse(
        "participation:participation", kwargs={"slug": "beckum", "pk": participation.pk}
    )
    vote, created = services.vote_cast(participant=user, participation=participation, measure=measures[0])
    assert created


def test_consent_is_required(safe_client, participation):
    response = safe_client.post(register_url(participation), form_data(consent=""))
    assert response.status_code == 200
    assert "Ohne Ihre Einwilligung können Sie nicht teilnehmen." in response.content.decode()
    assert not User.objects.filter(email="mia@example.org").exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"password2": "anders-2026!"}, "password2", "stimmen nicht überein"),
        ({"password1": "kurz", "password2": "kurz"}, "password1", "zu kurz"),
        ({"email": "keine-adresse"}, "email", "gültige E-Mail-Adresse"),
        ({"name": ""}, "name", "Pflichtfeld"),
    ],
)
def test_bad_registration_input_is_explained_at_the_field(safe_client, participation, overrides, field, message):
    before = User.objects.count()
    response = safe_client.post(register_url(participation), form_data(**overrides))
    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="id_{field}_error"' in html
    assert message in html
    assert User.objects.count() == before
    assert mail.outbox == []


def test_a_known_address_gets_a_hint_and_the_page_says_the_same(
    safe_client, participation, users, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = safe_client.post(register_url(participation), form_data(email="KOORDINATION@example.org"))
    assert response.status_code == 302 and response["Location"].endswith("/registriert/")
    assert User.objects.filter(email__iexact="koordination@example.org").count() == 1
    assert len(mail.outbox) == 1
    assert "bereits ein Konto" in mail.outbox[0].body
    assert "bestaetigen" not in mail.outbox[0].body


def test_filled_honeypot_is_refused_silently(safe_client, participation, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = safe_client.post(register_url(participation), form_data(website="https://spam.example"))
    assert response.status_code == 302 and response["Location"].endswith("/registriert/")
    assert not User.objects.filter(email="mia@example.org").exists()
    assert mail.outbox == []


def test_closed_or_draft_participation_takes_no_registrations(safe_client, town_a):
    closed = make_participation(town_a, state=ParticipationState.CLOSED)
    response = safe_client.post(register_url(closed), form_data())
    assert response.status_code == 200
    assert "keine neuen Teilnehmenden" in response.content.decode()
    assert not User.objects.filter(email="mia@example.org").exists()
    draft = make_participation(town_a, state=ParticipationState.DRAFT)
    assert safe_client.get(register_url(draft)).status_code == 404


def test_signed_in_people_are_sent_to_join(safe_client, participation, users):
    safe_client.force_login(users["coordinator_b"], backend=LOGIN_BACKEND)
    response = safe_client.get(register_url(participation))
    assert response.status_code == 302 and response["Location"].endswith("/teilnehmen/")


def _token(user, participation, **changes) -> str:
    payload = {"u": user.pk, "e": user.email, "p": participation.pk, **changes}
    return signing.dumps(payload, salt=services.CONFIRM_SALT, compress=True)


def test_forged_token_is_refused(safe_client, participation, users):
    user = users["participant"]
    token = _token(user, participation)
    forged = token[:-3] + ("abc" if not token.endswith("abc") else "xyz")
    for bad in (forged, "kein-token", signing.dumps({"u": user.pk}, salt="wrong-salt")):
        response = safe_client.post(reverse("participation:confirm", kwargs={"token": bad}))
        assert response.status_code == 410
        assert "ungültig" in response.content.decode()
    assert not CitizenProfile.objects.filter(user=user, email_confirmed_at__isnull=False).exists()


def test_token_for_a_changed_address_is_refused(safe_client, participation, users):
    user = users["participant"]
    token = _token(user, participation, e="alte-adresse@example.org")
    assert safe_client.post(reverse("participation:confirm", kwargs={"token": token})).status_code == 410


def test_expired_token_is_refused(safe_client, participation, users, settings, monkeypatch):
    user = users["participant"]
    token = _token(user, participation)
    later = timezone.now() + datetime.timedelta(days=settings.PARTICIPATION_CONFIRM_DAYS, minutes=1)
    monkeypatch.setattr(signing.time, "time", lambda: later.timestamp())
    response = safe_client.get(reverse("participation:confirm", kwargs={"token": token}))
    assert response.status_code == 410
    assert "abgelaufen" in response.content.decode()


def test_confirming_twice_is_harmless(safe_client, participation, users):
    user = users["participant"]
    token = _token(user, participation)
    url = reverse("participation:confirm", kwargs={"token": token})
    safe_client.post(url)
    first = CitizenProfile.objects.get(user=user).email_confirmed_at
    response = safe_client.post(url, follow=True)
    assert "bereits bestätigt" in response.content.decode()
    assert CitizenProfile.objects.get(user=user).email_confirmed_at == first


def test_citizen_of_another_town_joins_with_consent(safe_client, participation, network):
    elsewhere = MunicipalityFactory(network=network, name="Unna", slug="unna")
    person = User.objects.create_user("pat@example.org", "Pat-Passwort-2026", name="Pat")
    Membership.objects.create(user=person, network=network, municipality=elsewhere, role=Role.PARTICIPANT)
    CitizenProfile.objects.create(user=person, email_confirmed_at=timezone.now())
    safe_client.force_login(person, backend=LOGIN_BACKEND)
    url = reverse("participation:join", kwargs={"slug": "beckum", "pk": participation.pk})
    response = safe_client.post(url, {})
    assert response.status_code == 200 and "Ohne Ihre Einwilligung" in response.content.decode()
    response = safe_client.post(url, {"consent": "on"})
    assert response.status_code == 302
    assert Membership.objects.get(user=person, municipality=participation.municipality).role == Role.PARTICIPANT
    assert Membership.objects.get(user=person, municipality=elsewhere).role == Role.PARTICIPANT
    assert Consent.objects.filter(user=person, participation=participation).exists()
    assert mail.outbox == []  # the address is confirmed already


def test_staff_of_the_town_cannot_join_as_citizens(safe_client, participation, users):
    for role in ("coordinator", "editor", "viewer", "coach", "network_admin"):
        safe_client.force_login(users[role], backend=LOGIN_BACKEND)
        url = reverse("participation:join", kwargs={"slug": "beckum", "pk": participation.pk})
        assert safe_client.post(url, {"consent": "on"}).status_code == 403
    assert not Consent.objects.exists()


def test_resending_the_link(safe_client, participation, users, django_capture_on_commit_callbacks):
    user = users["participant"]
    Consent.objects.create(user=user, participation=participation, text="x")
    CitizenProfile.objects.create(user=user)
    safe_client.force_login(user, backend=LOGIN_BACKEND)
    url = reverse("participation:confirmation_resend", kwargs={"slug": "beckum", "pk": participation.pk})
    with django_capture_on_commit_callbacks(execute=True):
        assert safe_client.post(url).status_code == 302
    assert len(mail.outbox) == 1
    safe_client.post(confirmation_link().split("testserver", 1)[-1])
    safe_client.force_login(user, backend=LOGIN_BACKEND)
    response = safe_client.post(url, follow=True)
    assert "bereits bestätigt" in response.content.decode()
    assert len(mail.outbox) == 1
