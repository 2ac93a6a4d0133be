"""Building blocks for the participation tests (also used by the URL matrix)."""

import datetime

from django.utils import timezone

from vorort.participation.models import CitizenProfile, Consent, Participation, ParticipationState


def make_participation(municipality, *, state=ParticipationState.OPEN, measures=(), **fields) -> Participation:
    """A participation whose period runs from a week ago to three weeks ahead."""
    today = timezone.localdate()
    values = {
        "title": "Innenstadt 2030",
        "question": "Welche Maßnahmen sollen zuerst umgesetzt werden?",
        "starts_on": today - datetime.timedelta(days=7),
        "ends_on": today + datetime.timedelta(days=21),
        "privacy_text": "Wir verarbeiten Ihre Angaben nur für diese Beteiligung.",
        "state": state,
    }
    values.update(fields)
    if state != ParticipationState.DRAFT:
        values.setdefault("opened_at", timezone.now())
    if state == ParticipationState.CLOSED:
        values.setdefault("closed_at", timezone.now())
    participation = Participation.objects.create(municipality=municipality, **values)
    participation.measures.set(measures)
    return participation


def make_citizen(user, participation, *, confirmed: bool = True, consented: bool = True):
    """Give a user with the participant role a profile (confirmed or not) and consent to `participation`."""
    CitizenProfile.objects.update_or_create(
        user=user, defaults={"email_confirmed_at": timezone.now() if confirmed else None}
    )
    if consented:
        Consent.objects.get_or_create(user=user, participation=participation, defaults={"text": "Datenschutz"})
    return user
