"""Writes for users, roles and invitations."""

from __future__ import annotations

import datetime
import hashlib
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from vorort.core.audit import audit_record, snapshot
from vorort.core.models import AuditAction
from vorort.core.services import create_audited, delete_audited

from .models import Invitation, Membership, Role, User
from .selectors import forget_role_map


class InvitationError(Exception):
    """An invitation link that cannot be used; the message says why, in German."""


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@transaction.atomic
def invitation_create(*, actor, municipality, email: str, role: str, site_url: str) -> Invitation:
    """Store a hashed one-time token and e-mail the link; returns the invitation."""
    token = secrets.token_urlsafe(32)
    invitation = create_audited(
        actor=actor,
        instance=Invitation(
            municipality=municipality,
            email=email.strip().lower(),
            role=role,
            token_hash=_token_hash(token),
            invited_by=actor,
            expires_at=timezone.now() + datetime.timedelta(days=settings.INVITATION_VALID_DAYS),
        ),
    )
    link = site_url.rstrip("/") + reverse("accounts:invitation_accept", kwargs={"token": token})
    context = {"invitation": invitation, "link": link, "inviter": actor, "municipality": municipality}
    transaction.on_commit(
        lambda: send_mail(
            subject=_("Einladung zu vorort: %(municipality)s") % {"municipality": municipality.name},
            message=render_to_string("accounts/email/invitation.txt", context),
            from_email=None,
            recipient_list=[invitation.email],
        )
    )
    return invitation


def invitation_by_token(token: str) -> Invitation:
    """The open invitation for `token`, or InvitationError with the reason."""
    invitation = (
        Invitation.objects.select_related("municipality__network").filter(token_hash=_token_hash(token)).first()
    )
    if invitation is None:
        raise InvitationError(_("Dieser Einladungslink ist ungültig. Bitte prüfen Sie, ob er vollständig ist."))
    if invitation.accepted_at is not None:
        raise InvitationError(_("Dieser Einladungslink wurde bereits verwendet."))
    if invitation.revoked_at is not None:
        raise InvitationError(_("Diese Einladung wurde zurückgezogen."))
    if invitation.expires_at <= timezone.now():
        raise InvitationError(
            _("Dieser Einladungslink ist abgelaufen. Bitten Sie die Koordination um eine neue Einladung.")
        )
    return invitation


@transaction.atomic
def invitation_accept(
    *, token: str, user: User | None = None, name: str = "", password: str = ""
) -> tuple[User, Membership]:
    """Redeem an invitation: for the signed-in user with that address, or as a new account."""
    invitation = invitation_by_token(token)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:  # redeemed by a concurrent request
        raise InvitationError(_("Dieser Einladungslink wurde bereits verwendet."))
    existing = User.objects.filter(email__iexact=invitation.email).first()
    if existing is not None:
        if user is None or user.pk != existing.pk:
            raise InvitationError(
                _(
                    "Für %(email)s gibt es schon ein Konto. "
                    "Bitte melden Sie sich damit an und öffnen Sie den Link erneut."
                )
                % {"email": invitation.email}
            )
        account = existing
    else:
        if user is not None and user.is_authenticated:
            raise InvitationError(
                _("Diese Einladung gilt für %(email)s. Bitte melden Sie sich zuerst ab.") % {"email": invitation.email}
            )
        account = User(email=invitation.email, name=name)
        account.set_password(password)
        account = create_audited(actor=None, instance=account, municipality=invitation.municipality)
    membership = Membership.objects.filter(user=account, municipality=invitation.municipality).first()
    if membership is None:
        membership = create_audited(
            actor=account,
            instance=Membership(
                user=account,
                network=invitation.municipality.network,
                municipality=invitation.municipality,
                role=invitation.role,
            ),
        )
    else:
        try:
            membership = membership_change_role(actor=account, membership=membership, role=invitation.role)
        except ValidationError as error:  # e.g. it would take away the last coordinator
            raise InvitationError(" ".join(error.messages)) from error
    before = snapshot(invitation)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = account
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    audit_record(actor=account, instance=invitation, action=AuditAction.UPDATE, before=before)
    forget_role_map(account)
    return account, membership


@transaction.atomic
def invitation_revoke(*, actor, invitation: Invitation) -> None:
    if invitation.accepted_at or invitation.revoked_at:
        return
    before = snapshot(invitation)
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    audit_record(actor=actor, instance=invitation, action=AuditAction.UPDATE, before=before)


def _ensure_another_coordinator(membership: Membership) -> None:
    """Refuse to take away the municipality's last coordinator (row-locked against races)."""
    if membership.role != Role.COORDINATOR:
        return
    coordinators = list(
        Membership.objects.select_for_update()
        .filter(municipality_id=membership.municipality_id, role=Role.COORDINATOR)
        .values_list("pk", flat=True)
    )
    if [pk for pk in coordinators if pk != membership.pk]:
        return
    raise ValidationError(
        _(
            "Die Kommune braucht mindestens eine Smart-City-Koordination. "
            "Laden Sie zuerst eine weitere Person in diese Rolle ein."
        ),
        code="last_coordinator",
    )


@transaction.atomic
def membership_change_role(*, actor, membership: Membership, role: str) -> Membership:
    if membership.role == role:
        return membership
    if role != Role.COORDINATOR:
        _ensure_another_coordinator(membership)
    before = snapshot(membership)
    membership.role = role
    membership.full_clean()
    membership.save(update_fields=["role"])
    audit_record(actor=actor, instance=membership, action=AuditAction.UPDATE, before=before)
    forget_role_map(membership.user)
    return membership


@transaction.atomic
def membership_remove(*, actor, membership: Membership) -> None:
    _ensure_another_coordinator(membership)
    delete_audited(actor=actor, instance=membership)
    forget_role_map(membership.user)


@transaction.atomic
def membership_grant(*, actor, user: User, network, municipality=None, role: str) -> Membership:
    """Give a role directly (network admin, seed data); one role per user and municipality."""
    existing = Membership.objects.filter(user=user, network=network, municipality=municipality).first()
    if existing is not None:
        return membership_change_role(actor=actor, membership=existing, role=role)
    membership = create_audited(
        actor=actor,
        instance=Membership(user=user, network=network, municipality=municipality, role=role),
        municipality=municipality,
    )
    forget_role_map(user)
    return membership
