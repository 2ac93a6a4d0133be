from django import forms
from django.utils.translation import gettext_lazy as _

from vorort.accounts.forms import InvitationAcceptForm
from vorort.core.forms import DateInput, VersionedForm, check_date_order
from vorort.network.models import ActionField, UserGroup

from .models import Participation

HONEYPOT = "website"


class HoneypotMixin(forms.Form):
    """A field people never see (hidden with CSS and from assistive technology) but bots fill in.

    `visible_fields()` leaves it out, so `includes/form_fields.html` does not show it; templates add it with
    `participation/_honeypot.html`. A filled-in honeypot makes the view refuse silently (`is_spam`).
    """

    website = forms.CharField(
        label=_("Webseite (bitte leer lassen)"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != HONEYPOT]

    @property
    def is_spam(self) -> bool:
        return bool((self.data.get(self.add_prefix(HONEYPOT)) or "").strip())


class ParticipationForm(VersionedForm):
    class Meta:
        model = Participation
        fields = ["title", "question", "description", "starts_on", "ends_on", "privacy_text", "measures"]
        widgets = {
            "question": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 6}),
            "privacy_text": forms.Textarea(attrs={"rows": 8}),
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "measures": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, measures, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measures"].queryset = measures
        self.fields["measures"].help_text = _("Über diese Maßnahmen können Bürger*innen abstimmen.")

    def visible_fields(self):
        """Without the measure checkboxes: the template shows them as a fieldset with a legend."""
        return [field for field in super().visible_fields() if field.name != "measures"]

    def clean(self):
        cleaned = super().clean()
        check_date_order(self, "starts_on", "ends_on")
        return cleaned


class ModerationForm(forms.Form):
    action = forms.ChoiceField(
        choices=[("hide", _("ausblenden")), ("approve", _("freigeben")), ("restore", _("wieder zeigen"))]
    )
    reason = forms.CharField(
        label=_("Grund (öffentlich sichtbar)"),
        required=False,
        max_length=300,
        help_text=_("z. B. „beleidigend“, „enthält persönliche Daten“, „Werbung“"),
    )


class IdeaForm(HoneypotMixin, forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200)
    text = forms.CharField(
        label=_("Ihre Idee"),
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Nur Text, höchstens 5.000 Zeichen."),
    )
    action_field = forms.ModelChoiceField(
        label=_("Handlungsfeld"), queryset=ActionField.objects.none(), required=False, empty_label=_("– weiß nicht –")
    )
    place = forms.CharField(
        label=_("Ort"), max_length=200, required=False, help_text=_("z. B. „Marktplatz“ oder „Bahnhofstraße 12“")
    )

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action_field"].queryset = ActionField.objects.filter(network=network).order_by("order", "name")


class CommentForm(HoneypotMixin, forms.Form):
    text = forms.CharField(
        label=_("Ihr Kommentar"),
        max_length=2_000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Nur Text, höchstens 2.000 Zeichen."),
    )


class ConsentForm(forms.Form):
    consent = forms.BooleanField(
        label=_("Ich habe den Datenschutzhinweis gelesen und willige in die Verarbeitung meiner Angaben ein."),
        error_messages={"required": _("Ohne Ihre Einwilligung können Sie nicht teilnehmen.")},
    )


class RegistrationForm(HoneypotMixin, InvitationAcceptForm):
    """Name, address, password twice, consent to the privacy text; the password rules of invitations apply."""

    email = forms.EmailField(
        label=_("E-Mail-Adresse"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("Wir schicken Ihnen einen Link zur Bestätigung. Die Adresse wird nicht veröffentlicht."),
    )
    consent = ConsentForm.base_fields["consent"]

    field_order = ["name", "email", "password1", "password2", "consent", "website"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, email="", **kwargs)
        self.fields["name"].label = _("Name, der bei Ihren Beiträgen steht")
        self.fields["name"].help_text = _("Ihr Name oder ein Spitzname; er ist öffentlich sichtbar.")
        self.fields["name"].widget.attrs["autocomplete"] = "nickname"

    def clean(self):
        self.email = (self.cleaned_data.get("email") or "").lower()
        return super().clean()


class NeedFromIdeaForm(forms.Form):
    title = forms.CharField(label=_("Bedarf"), max_length=200)
    description = forms.CharField(label=_("Beschreibung"), required=False, max_length=10_000, widget=forms.Textarea)
    action_field = forms.ModelChoiceField(label=_("Handlungsfeld"), queryset=ActionField.objects.none())
    user_group = forms.ModelChoiceField(
        label=_("Nutzer*innengruppe"), queryset=UserGroup.objects.none(), required=False, empty_label=_("– keine –")
    )
    weight = forms.TypedChoiceField(
        label=_("Gewicht"),
        coerce=int,
        choices=[(number, str(number)) for number in range(1, 6)],
        initial=3,
        help_text=_("1 = Einzelstimme … 5 = sehr viele / sehr dringlich"),
    )

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action_field"].queryset = ActionField.objects.filter(network=network).order_by("order", "name")
        self.fields["user_group"].queryset = UserGroup.objects.filter(network=network).order_by("order", "name")


class MeasureFromIdeaForm(forms.Form):
    title = forms.CharField(label=_("Titel der Maßnahme"), max_length=200)
    summary = forms.CharField(label=_("Kurzbeschreibung"), required=False, max_length=600, widget=forms.Textarea)
    action_field = forms.ModelChoiceField(label=_("Handlungsfeld"), queryset=ActionField.objects.none())

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action_field"].queryset = ActionField.objects.filter(network=network).order_by("order", "name")


class AccountDeleteForm(forms.Form):
    password = forms.CharField(
        label=_("Ihr Passwort"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Zur Sicherheit geben Sie Ihr Passwort noch einmal ein."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Das Passwort stimmt nicht. Ihr Konto wurde nicht gelöscht."))
        return password
