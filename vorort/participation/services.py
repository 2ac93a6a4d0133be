"""Writes for participations: the municipality's side (set up, open, close, moderate, convert, anonymise) and the
citizens' side (register, confirm, take part, ideas, comments, votes, their own data).

Audit and personal data: the audit trail is immutable, so it must not keep a citizen's name. A citizen's own
writes are audited under their account id with the neutral label "Bürger*in" (`_citizen`), with change lists that
leave out the author; the link to the account is cleared when the account is deleted. Anonymising and deleting an
account are audited as one summary entry that names no person.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from vorort.accounts.models import Membership, Role, User
from vorort.accounts.selectors import forget_role_map, role_map
from vorort.core.audit import audit_changes, audit_record, snapshot
from vorort.core.concurrency import lock_current
from vorort.core.models import AuditAction
from vorort.core.services import create_audited, update_audited
from vorort.measures.models import Measure, Origin
from vorort.measures.services import measure_create
from vorort.strategy.models import NeedSource
from vorort.strategy.services import need_create

from .models import (
    AuthorRemoved,
    CitizenProfile,
    Comment,
    Consent,
    Idea,
    Moderation,
    Participation,
    ParticipationState,
    Vote,
)
from .text import clean_rich_text

CONFIRM_SALT = "vorort.participation.confirm"
RICH_TEXT_FIELDS = ("description", "privacy_text")


class ParticipationRefused(Exception):
    """The citizen may not post or vote here (now); the message says why, in German."""


class ConfirmationError(Exception):
    """A confirmation link that cannot be used; the message says why, in German."""


def _citizen(user: User) -> User:
    """The audit actor for a citizen's own write: their account id under a neutral label, never their name."""
    return User(pk=user.pk, name=_("Bürger*in"))


def _audit_citizen(*, user: User, instance, action: str, fields: Iterable[str]) -> None:
    """Audit a citizen's write with the named fields only (never the author)."""
    changes = []
    for name in fields:
        model_field = instance._meta.get_field(name)
        value = getattr(instance, name)
        shown = None if value is None else str(value)
        if action == AuditAction.DELETE:
            changes.append({"field": name, "label": str(model_field.verbose_name), "before": shown, "after": None})
        else:
            changes.append({"field": name, "label": str(model_field.verbose_name), "before": None, "after": shown})
    audit_changes(
        actor=_citizen(user),
        instance=instance,
        action=action,
        changes=changes,
        municipality=instance.participation.municipality,
    )


# The municipality's side --------------------------------------------------------------------------------------


def _clean_texts(data: dict[str, Any]) -> dict[str, Any]:
    return {name: clean_rich_text(value) if name in RICH_TEXT_FIELDS else value for name, value in data.items()}


def _check_measures(participation: Participation, measures: list[Measure]) -> None:
    foreign = [m for m in measures if m.municipality_id != participation.municipality_id]
    if foreign:
        raise ValidationError({"measures": _("Es können nur Maßnahmen der eigenen Kommune gewählt werden.")})


def _set_measures(*, actor, participation: Participation, measures: list[Measure]) -> None:
    _check_measures(participation, measures)
    before_ids = set(participation.measures.values_list("pk", flat=True))
    after_ids = {m.pk for m in measures}
    removed_with_votes = list(
        Measure.objects.filter(
            pk__in=before_ids - after_ids, participation_votes__participation=participation
        ).distinct()
    )
    if removed_with_votes:
        raise ValidationError(
            {
                "measures": _("Für „%(title)s“ wurde schon abgestimmt; die Maßnahme bleibt in der Beteiligung.")
                % {"title": removed_with_votes[0].title}
            }
        )
    if before_ids == after_ids:
        return
    before = ", ".join(sorted(str(m) for m in participation.measures.all()))
    participation.measures.set(measures)
    after = ", ".join(sorted(str(m) for m in measures))
    audit_changes(
        actor=actor,
        instance=participation,
        changes=[
            {
                "field": "measures",
                "label": str(Participation._meta.get_field("measures").verbose_name),
                "before": before,
                "after": after,
            }
        ],
    )


@transaction.atomic
def participation_create(
    *, actor, municipality, data: dict[str, Any], measures: Iterable[Measure] = ()
) -> Participation:
    """A new participation in draft: nobody outside the workspace sees it until it is opened."""
    participation = create_audited(actor=actor, instance=Participation(municipality=municipality, **_clean_texts(data)))
    _set_measures(actor=actor, participation=participation, measures=list(measures))
    return participation


def _ensure_not_closed(participation: Participation) -> None:
    if participation.state == ParticipationState.CLOSED:
        raise ValidationError(_("Diese Beteiligung ist abgeschlossen und kann nicht mehr geändert werden."))


@transaction.atomic
def participation_update(
    *,
    actor,
    participation: Participation,
    data: dict[str, Any],
    expected_version: int | None,
    measures: Iterable[Measure] | None = None,
) -> Participation:
    current = lock_current(participation, expected_version)
    _ensure_not_closed(current)
    current = update_audited(actor=actor, instance=current, data=_clean_texts(data), expected_version=expected_version)
    if measures is not None:
        _set_measures(actor=actor, participation=current, measures=list(measures))
    return current


def _move_state(*, actor, participation: Participation, source: str, target: str, stamp: str) -> Participation:
    """Move from state `source` to `target` under a row lock, noting the time in field `stamp`."""
    current = lock_current(participation, None)
    if current.state != source:
        if target == ParticipationState.OPEN:
            raise ValidationError(_("Nur ein Entwurf kann geöffnet werden."))
        raise ValidationError(_("Nur eine geöffnete Beteiligung kann abgeschlossen werden."))
    if target == ParticipationState.OPEN and current.ends_on < timezone.localdate():
        raise ValidationError(_("Der Zeitraum ist schon vorbei. Bitte zuerst ein späteres Ende eintragen."))
    return update_audited(
        actor=actor,
        instance=current,
        data={"state": target, stamp: timezone.now()},
        expected_version=current.version,
    )


@transaction.atomic
def participation_open(*, actor, participation: Participation) -> Participation:
    """Publish a draft: the public page appears and, within the period, citizens may take part."""
    return _move_state(
        actor=actor,
        participation=participation,
        source=ParticipationState.DRAFT,
        target=ParticipationState.OPEN,
        stamp="opened_at",
    )


@transaction.atomic
def participation_close(*, actor, participation: Participation) -> Participation:
    """Close for good: no more posts or votes; the results are final and the retention period starts."""
    return _move_state(
        actor=actor,
        participation=participation,
        source=ParticipationState.OPEN,
        target=ParticipationState.CLOSED,
        stamp="closed_at",
    )


@transaction.atomic
def contribution_moderate(*, actor, contribution: Idea | Comment, action: str, reason: str = "") -> Idea | Comment:
    """`hide` (a reason is required), `approve` or `restore` an idea or comment. Hidden posts stay listed as
    "moderiert" with the reason; their text is no longer shown."""
    current = type(contribution).objects.select_for_update().get(pk=contribution.pk)
    reason = (reason or "").strip()
    if action == "hide":
        if not reason:
            raise ValidationError({"reason": _("Bitte geben Sie einen Grund an; er wird öffentlich angezeigt.")})
        state = Moderation.HIDDEN
    elif action in ("approve", "restore"):
        state, reason = Moderation.APPROVED, ""
    else:
        raise ValidationError(_("Unbekannte Aktion."))
    before = snapshot(current)
    current.moderation = state
    current.moderation_reason = reason
    current.moderated_at = timezone.now()
    current.moderated_by = actor
    current.full_clean()
    current.save()
    audit_record(
        actor=actor,
        instance=current,
        action=AuditAction.UPDATE,
        before=before,
        municipality=current.participation.municipality,
    )
    return current


def _origin_text(idea: Idea, limit: int) -> str:
    text = _("Idee Nr. %(number)s „%(title)s“ aus der Beteiligung „%(participation)s“") % {
        "number": idea.pk,
        "title": idea.title,
        "participation": idea.participation.title,
    }
    return text if len(text) <= limit else text[: limit - 1] + "…"


@transaction.atomic
def idea_to_need(
    *,
    actor,
    idea: Idea,
    title: str,
    description: str,
    action_field,
    user_group=None,
    weight: int = 3,
):
    """Take an idea over as a need (Bedarf) with source "idee"; the idea keeps the link to it."""
    current = Idea.objects.select_for_update().select_related("participation__municipality").get(pk=idea.pk)
    if current.need_id is not None:
        raise ValidationError(_("Diese Idee wurde bereits als Bedarf übernommen."))
    need = need_create(
        actor=actor,
        municipality=current.participation.municipality,
        title=title,
        description=description,
        action_field=action_field,
        user_group=user_group,
        source=NeedSource.IDEA,
        source_detail=_origin_text(current, 200),
        weight=weight,
        recorded_on=timezone.localtime(current.created_at).date(),
    )
    before = snapshot(current)
    current.need = need
    current.save(update_fields=["need", "updated_at"])
    audit_record(actor=actor, instance=current, action=AuditAction.UPDATE, before=before)
    return need


@transaction.atomic
def idea_to_measure(*, actor, idea: Idea, title: str, summary: str, action_field, source_url: str = "") -> Measure:
    """Take an idea over as a measure (status Idee, internal) with origin "idee"; the idea keeps the link."""
    current = Idea.objects.select_for_update().select_related("participation__municipality").get(pk=idea.pk)
    if current.measure_id is not None:
        raise ValidationError(_("Diese Idee wurde bereits als Maßnahme übernommen."))
    try:
        URLValidator()(source_url)
    except ValidationError:
        source_url = ""  # e.g. an internal host name; the origin note still names the idea
    measure = measure_create(
        actor=actor,
        municipality=current.participation.municipality,
        data={
            "title": title,
            "summary": summary,
            "description": current.text,
            "action_field": action_field,
            "origin": Origin.IDEA,
            "origin_note": _origin_text(current, 300),
            "source_url": source_url,
        },
        status_note=_("aus der Bürgerbeteiligung übernommen"),
    )
    before = snapshot(current)
    current.measure = measure
    current.save(update_fields=["measure", "updated_at"])
    audit_record(actor=actor, instance=current, action=AuditAction.UPDATE, before=before)
    return measure


@transaction.atomic
def participation_anonymise(*, actor, participation: Participation, now: datetime.datetime | None = None) -> dict:
    """Cut every contribution of a closed participation off from its author, once the retention period is over.

    Ideas, comments and votes stay (shown as "anonym"); consents are deleted. Returns the numbers changed.
    """
    current = lock_current(participation, None)
    now = now or timezone.now()
    if current.state != ParticipationState.CLOSED:
        raise ValidationError(_("Nur eine abgeschlossene Beteiligung kann anonymisiert werden."))
    if current.anonymised_at is not None:
        raise ValidationError(_("Diese Beteiligung ist bereits anonymisiert."))
    allowed_from = current.anonymisable_from()
    if allowed_from > now:
        raise ValidationError(
            _("Die Aufbewahrungsfrist von %(days)s Tagen läuft noch. Anonymisieren ist ab dem %(date)s möglich.")
            % {
                "days": settings.PARTICIPATION_RETENTION_DAYS,
                "date": timezone.localtime(allowed_from).strftime("%d.%m.%Y"),
            }
        )
    anonymous = {"author": None, "author_removed": AuthorRemoved.ANONYMISED}
    counts = {
        "ideas": Idea.objects.filter(participation=current, author__isnull=False).update(**anonymous),
        "comments": Comment.objects.filter(participation=current, author__isnull=False).update(**anonymous),
        "votes": Vote.objects.filter(participation=current, participant__isnull=False).update(participant=None),
        "consents": Consent.objects.filter(participation=current).delete()[0],
    }
    before = snapshot(current)
    current.anonymised_at = now
    current.save(update_fields=["anonymised_at", "updated_at"])
    audit_record(actor=actor, instance=current, action=AuditAction.UPDATE, before=before)
    audit_changes(
        actor=actor,
        instance=current,
        changes=[
            {
                "field": "anonymised",
                "label": _("anonymisiert"),
                "before": None,
                "after": _(
                    "von den Verfasser*innen gelöst: Ideen %(ideas)s, Kommentare %(comments)s, Stimmen %(votes)s; "
                    "gelöschte Einwilligungen: %(consents)s"
                )
                % counts,
            }
        ],
    )
    return counts


# Citizens: registration, confirmation, joining ----------------------------------------------------------------


def confirmation_token(user: User, participation: Participation) -> str:
    """A signed, expiring token naming the account, its address (a changed address voids it) and where to go."""
    return signing.dumps({"u": user.pk, "e": user.email, "p": participation.pk}, salt=CONFIRM_SALT, compress=True)


def _send_confirmation(*, user: User, participation: Participation, site_url: str) -> None:
    link = site_url.rstrip("/") + reverse(
        "participation:confirm", kwargs={"token": confirmation_token(user, participation)}
    )
    context = {
        "user": user,
        "participation": participation,
        "municipality": participation.municipality,
        "link": link,
        "days": settings.PARTICIPATION_CONFIRM_DAYS,
    }
    transaction.on_commit(
        lambda: send_mail(
            subject=_("Bitte bestätigen Sie Ihre E-Mail-Adresse – %(municipality)s")
            % {"municipality": participation.municipality.name},
            message=render_to_string("participation/email/confirm.txt", context),
            from_email=None,
            recipient_list=[user.email],
        )
    )


def _staff_role_in(user: User, participation: Participation) -> bool:
    roles = role_map(user)
    role = roles.role_in(participation.municipality_id)
    return (role is not None and role != Role.PARTICIPANT) or (
        participation.municipality.network_id in roles.admin_networks
    )


def _ensure_registrable(participation: Participation) -> None:
    if participation.state != ParticipationState.OPEN:
        raise ParticipationRefused(_("Diese Beteiligung nimmt keine neuen Teilnehmenden mehr an."))


def _consent(*, user: User, participation: Participation) -> Consent:
    consent = Consent.objects.filter(user=user, participation=participation).first()
    if consent is not None:
        return consent
    consent = Consent(user=user, participation=participation, text=participation.privacy_text)
    consent.save()
    _audit_citizen(user=user, instance=consent, action=AuditAction.CREATE, fields=["participation", "given_at"])
    return consent


def _participant_membership(*, user: User, participation: Participation) -> Membership:
    municipality = participation.municipality
    membership = Membership.objects.filter(user=user, municipality=municipality).first()
    if membership is None:
        membership = Membership(
            user=user, network_id=municipality.network_id, municipality=municipality, role=Role.PARTICIPANT
        )
        membership.full_clean()
        membership.save()
        # No audit entry of the membership itself: its text would name the person for good.
        forget_role_map(user)
    return membership


@transaction.atomic
def citizen_register(
    *, participation: Participation, email: str, name: str, password: str, site_url: str
) -> User | None:
    """Create a citizen account (unconfirmed) with consent to this participation's privacy text, and e-mail the
    confirmation link. An address that already has an account gets a hint by e-mail instead and None is
    returned, so the page never tells whether an address is registered."""
    _ensure_registrable(participation)
    email = User.objects.normalize_email(email).strip().lower()
    existing = User.objects.filter(email__iexact=email).first()
    if existing is not None:
        context = {"participation": participation, "municipality": participation.municipality, "site_url": site_url}
        transaction.on_commit(
            lambda: send_mail(
                subject=_("Sie haben bereits ein Konto – %(municipality)s")
                % {"municipality": participation.municipality.name},
                message=render_to_string("participation/email/already_registered.txt", context),
                from_email=None,
                recipient_list=[existing.email],
            )
        )
        return None
    user = User(email=email, name=name.strip())
    user.set_password(password)
    user.full_clean()
    user.save()
    profile = CitizenProfile.objects.create(user=user)
    audit_changes(
        actor=_citizen(user),
        instance=profile,
        action=AuditAction.CREATE,
        changes=[],
        municipality=participation.municipality,
    )
    _participant_membership(user=user, participation=participation)
    _consent(user=user, participation=participation)
    _send_confirmation(user=user, participation=participation, site_url=site_url)
    return user


@transaction.atomic
def citizen_join(*, user: User, participation: Participation, site_url: str) -> Consent:
    """A signed-in person takes part in this participation: citizen role in the town and consent. An address
    not yet confirmed gets the confirmation link."""
    _ensure_registrable(participation)
    if _staff_role_in(user, participation):
        raise PermissionDenied
    profile, created = CitizenProfile.objects.get_or_create(user=user)
    if created:
        audit_changes(
            actor=_citizen(user),
            instance=profile,
            action=AuditAction.CREATE,
            changes=[],
            municipality=participation.municipality,
        )
    _participant_membership(user=user, participation=participation)
    consent = _consent(user=user, participation=participation)
    if not profile.is_confirmed:
        _send_confirmation(user=user, participation=participation, site_url=site_url)
    return consent


@transaction.atomic
def confirmation_resend(*, user: User, participation: Participation, site_url: str) -> bool:
    """Send the link again; False if the address is confirmed already."""
    profile = CitizenProfile.objects.filter(user=user).first()
    if profile is not None and profile.is_confirmed:
        return False
    _send_confirmation(user=user, participation=participation, site_url=site_url)
    return True


def read_confirmation_token(token: str) -> tuple[User, Participation]:
    """The account and participation a confirmation token names, or ConfirmationError with the reason."""
    max_age = datetime.timedelta(days=settings.PARTICIPATION_CONFIRM_DAYS)
    try:
        payload = signing.loads(token, salt=CONFIRM_SALT, max_age=max_age)
    except signing.SignatureExpired as error:
        raise ConfirmationError(
            _("Dieser Bestätigungslink ist abgelaufen. Melden Sie sich an und fordern Sie einen neuen Link an.")
        ) from error
    except signing.BadSignature as error:
        raise ConfirmationError(
            _("Dieser Bestätigungslink ist ungültig. Bitte prüfen Sie, ob er vollständig ist.")
        ) from error
    user = User.objects.filter(pk=payload.get("u"), is_active=True).first()
    participation = Participation.objects.select_related("municipality").filter(pk=payload.get("p")).first()
    if user is None or participation is None or user.email != payload.get("e"):
        raise ConfirmationError(_("Dieser Bestätigungslink ist ungültig. Bitte prüfen Sie, ob er vollständig ist."))
    return user, participation


@transaction.atomic
def citizen_confirm(*, token: str) -> tuple[User, Participation, bool]:
    """Confirm the address a token names; returns (user, participation, newly confirmed)."""
    user, participation = read_confirmation_token(token)
    profile, _created = CitizenProfile.objects.select_for_update().get_or_create(user=user)
    if profile.is_confirmed:
        return user, participation, False
    profile.email_confirmed_at = timezone.now()
    profile.save(update_fields=["email_confirmed_at"])
    audit_changes(
        actor=_citizen(user),
        instance=profile,
        changes=[
            {
                "field": "email_confirmed_at",
                "label": str(CitizenProfile._meta.get_field("email_confirmed_at").verbose_name),
                "before": None,
                "after": profile.email_confirmed_at.isoformat(),
            }
        ],
        municipality=participation.municipality,
    )
    return user, participation, True


# Citizens: contributions and votes ----------------------------------------------------------------------------


def ensure_can_take_part(user: User, participation: Participation) -> None:
    """Refuse (ParticipationRefused, German) unless the person may post and vote here right now."""
    from .selectors import standing

    current = standing(user, participation)
    if current.staff_role:
        raise PermissionDenied
    if not current.can_take_part:
        raise ParticipationRefused(current.reason)


@transaction.atomic
def idea_create(
    *, author: User, participation: Participation, title: str, text: str, action_field=None, place: str = ""
) -> Idea:
    ensure_can_take_part(author, participation)
    if action_field is not None and action_field.network_id != participation.municipality.network_id:
        raise ValidationError({"action_field": _("Bitte ein Handlungsfeld aus der Liste wählen.")})
    idea = Idea(
        participation=participation,
        author=author,
        title=title.strip(),
        text=text.strip(),
        action_field=action_field,
        place=place.strip(),
    )
    idea.full_clean()
    idea.save()
    _audit_citizen(
        user=author, instance=idea, action=AuditAction.CREATE, fields=["title", "text", "action_field", "place"]
    )
    return idea


@transaction.atomic
def comment_create(
    *, author: User, participation: Participation, text: str, idea: Idea | None = None, measure: Measure | None = None
) -> Comment:
    """A comment on an idea of this participation or on one of its measures."""
    ensure_can_take_part(author, participation)
    if (idea is None) == (measure is None):
        raise ValueError("A comment needs exactly one of idea and measure.")
    if idea is not None and (idea.participation_id != participation.pk or idea.is_hidden):
        raise ParticipationRefused(_("Diese Idee kann nicht kommentiert werden."))
    if measure is not None and not participation.measures.filter(pk=measure.pk).exists():
        raise ParticipationRefused(_("Diese Maßnahme gehört nicht zu dieser Beteiligung."))
    comment = Comment(participation=participation, author=author, idea=idea, measure=measure, text=text.strip())
    comment.full_clean()
    comment.save()
    _audit_citizen(user=author, instance=comment, action=AuditAction.CREATE, fields=["idea", "measure", "text"])
    return comment


def _ensure_votable(participation: Participation, measure: Measure) -> None:
    if not participation.measures.filter(pk=measure.pk).exists():
        raise ParticipationRefused(_("Über diese Maßnahme wird in dieser Beteiligung nicht abgestimmt."))


@transaction.atomic
def vote_cast(*, participant: User, participation: Participation, measure: Measure) -> tuple[Vote, bool]:
    """Support a measure; returns (vote, created). Idempotent: a repeated or concurrent second request finds the
    first vote. The database's unique constraint is the guarantee; IntegrityError of a concurrent insert is
    caught inside a savepoint and answered with the row that won."""
    ensure_can_take_part(participant, participation)
    _ensure_votable(participation, measure)
    lookup = {"participation": participation, "measure": measure, "participant": participant}
    vote = Vote.objects.filter(**lookup).first()
    if vote is not None:
        return vote, False
    try:
        with transaction.atomic():
            vote = Vote.objects.create(**lookup)
    except IntegrityError:
        return Vote.objects.get(**lookup), False
    _audit_citizen(user=participant, instance=vote, action=AuditAction.CREATE, fields=["measure"])
    return vote, True


@transaction.atomic
def vote_withdraw(*, participant: User, participation: Participation, measure: Measure) -> bool:
    """Take a support back while the participation is open; False if there was none."""
    ensure_can_take_part(participant, participation)
    vote = Vote.objects.filter(participation=participation, measure=measure, participant=participant).first()
    if vote is None:
        return False
    _audit_citizen(user=participant, instance=vote, action=AuditAction.DELETE, fields=["measure"])
    vote.delete()
    return True


# Citizens: their own account ----------------------------------------------------------------------------------


def account_deletable(user: User) -> bool:
    """Only citizen accounts delete themselves; staff roles are removed by the coordination or the network."""
    if user.is_staff or user.is_superuser:
        return False
    return not Membership.objects.filter(user=user).exclude(role=Role.PARTICIPANT).exists()


@transaction.atomic
def account_delete(*, user: User) -> dict:
    """Delete a citizen's account. Ideas and comments stay and show "gelöschte*r Nutzer*in"; votes stay and
    keep counting without a link to the person; consents, roles and the profile go with the account."""
    if not account_deletable(user):
        raise PermissionDenied
    deleted = {"author": None, "author_removed": AuthorRemoved.DELETED}
    counts = {
        "ideas": Idea.objects.filter(author=user).update(**deleted),
        "comments": Comment.objects.filter(author=user).update(**deleted),
        "votes": Vote.objects.filter(participant=user).update(participant=None),
    }
    profile, _created = CitizenProfile.objects.get_or_create(user=user)
    audit_changes(
        actor=_citizen(user),
        instance=profile,
        action=AuditAction.DELETE,
        changes=[
            {
                "field": "account",
                "label": _("Konto"),
                "before": None,
                "after": _(
                    "gelöscht; ohne Namen bleiben: Ideen %(ideas)s, Kommentare %(comments)s; weiter zählende "
                    "Stimmen: %(votes)s"
                )
                % counts,
            }
        ],
    )
    user.delete()
    return counts
