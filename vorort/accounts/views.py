from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vorort.core.access import municipality_view
from vorort.core.predicates import is_network_admin

from . import selectors, services
from .forms import InvitationAcceptForm, InvitationForm, LoginForm, MembershipRoleForm
from .models import Invitation, Role


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


def invitation_accept(request, token: str):
    """Public: open an invitation link, create the account or add the role to the signed-in one."""
    try:
        invitation = services.invitation_by_token(token)
    except services.InvitationError as error:
        return render(request, "accounts/invitation_invalid.html", {"reason": str(error)}, status=410)
    signed_in = request.user.is_authenticated
    form = None if signed_in else InvitationAcceptForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and (signed_in or form.is_valid()):
        try:
            user, membership = services.invitation_accept(
                token=token,
                user=request.user if signed_in else None,
                name="" if signed_in else form.cleaned_data["name"],
                password="" if signed_in else form.cleaned_data["password1"],
            )
        except services.InvitationError as error:
            return render(request, "accounts/invitation_invalid.html", {"reason": str(error)}, status=410)
        if not signed_in:
            login(request, user, backend="vorort.accounts.backends.EmailBackend")
        messages.success(
            request,
            _("Willkommen! Sie arbeiten jetzt als %(role)s in %(municipality)s.")
            % {"role": membership.get_role_display(), "municipality": membership.municipality.name},
        )
        return redirect("network:workspace", slug=membership.municipality.slug)
    return render(
        request,
        "accounts/invitation_accept.html",
        {"invitation": invitation, "form": form, "signed_in": signed_in},
    )


def _manageable_membership(request, municipality, pk: int):
    """Coaches are assigned by the network: only the network admin may change or remove them."""
    membership = selectors.membership_in(municipality, pk)
    if membership.role == Role.COACH and not is_network_admin(request.user, municipality):
        raise PermissionDenied
    return membership


def _members_url(municipality) -> str:
    return reverse("accounts:members", kwargs={"slug": municipality.slug})


@municipality_view("accounts.manage_members")
def members(request, municipality):
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        invitation = services.invitation_create(
            actor=request.user,
            municipality=municipality,
            email=form.cleaned_data["email"],
            role=form.cleaned_data["role"],
            site_url=request.build_absolute_uri("/"),
        )
        messages.success(
            request,
            _("Einladung an %(email)s verschickt. Der Link ist bis %(date)s gültig.")
            % {"email": invitation.email, "date": invitation.expires_at.strftime("%d.%m.%Y")},
        )
        return redirect(_members_url(municipality))
    return render(
        request,
        "accounts/members.html",
        {
            "municipality": municipality,
            "memberships": selectors.members_of(municipality),
            "invitations": selectors.invitations_of(municipality)[:50],
            "form": form,
            "role_form": MembershipRoleForm(),
        },
    )


@require_POST
@municipality_view("accounts.manage_members")
def member_role(request, municipality, pk: int):
    membership = _manageable_membership(request, municipality, pk)
    form = MembershipRoleForm(request.POST)
    if form.is_valid():
        try:
            services.membership_change_role(actor=request.user, membership=membership, role=form.cleaned_data["role"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Rolle von %(name)s geändert.") % {"name": membership.user.display_name})
    else:
        messages.error(request, _("Bitte eine gültige Rolle wählen."))
    return redirect(_members_url(municipality))


@municipality_view("accounts.manage_members")
def member_remove(request, municipality, pk: int):
    membership = _manageable_membership(request, municipality, pk)
    if request.method == "POST":
        try:
            services.membership_remove(actor=request.user, membership=membership)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("%(name)s hat keinen Zugang mehr.") % {"name": membership.user.display_name})
        return redirect(_members_url(municipality))
    return render(
        request,
        "core/confirm_delete.html",
        {
            "municipality": municipality,
            "object": membership,
            "question": _("Soll %(name)s den Zugang zu %(municipality)s verlieren?")
            % {"name": membership.user.display_name, "municipality": municipality.name},
            "cancel_url": _members_url(municipality),
        },
    )


@require_POST
@municipality_view("accounts.manage_members")
def invitation_revoke(request, municipality, pk: int):
    from django.shortcuts import get_object_or_404

    invitation = get_object_or_404(Invitation, municipality=municipality, pk=pk)
    services.invitation_revoke(actor=request.user, invitation=invitation)
    messages.success(request, _("Einladung an %(email)s zurückgezogen.") % {"email": invitation.email})
    return redirect(_members_url(municipality))
