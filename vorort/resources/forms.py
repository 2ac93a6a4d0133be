from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from vorort.core.forms import DateInput, VersionedForm, check_date_order
from vorort.measures.forms import GermanDecimalField

from . import selectors
from .capacity import DEFAULT_QUARTERS
from .models import (
    HOURS_LIMIT,
    Assignment,
    Body,
    Capacity,
    MemberRole,
    Partner,
    PartnerType,
    Person,
)

CONTACT_FIELDS = ("contact_name", "contact_email", "contact_phone")
CONFIRM_FIELD = "trotzdem"  # the "Trotzdem anlegen" button of the similar-name warning


def _one_line(value: str) -> str:
    return " ".join(value.split())


def _hours(model, *, minimum: Decimal, help_text=None) -> GermanDecimalField:
    field = model._meta.get_field("hours_per_week")
    return GermanDecimalField(
        max_digits=field.max_digits,
        decimal_places=field.decimal_places,
        min_value=minimum,
        max_value=Decimal(HOURS_LIMIT),
        label=field.verbose_name,
        help_text=help_text if help_text is not None else field.help_text,
    )


# Bodies ----------------------------------------------------------------------------------------------------------


class BodyForm(VersionedForm):
    class Meta:
        model = Body
        fields = ["kind", "name", "purpose", "rhythm", "rhythm_note"]
        widgets = {"purpose": forms.Textarea(attrs={"rows": 4})}

    def clean_name(self):
        return _one_line(self.cleaned_data["name"])

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields if name in self.cleaned_data}


class BodyMemberForm(forms.Form):
    person = forms.ModelChoiceField(
        label=_("Person des Personals"), queryset=None, required=False, empty_label=_("– keine –")
    )
    partner = forms.ModelChoiceField(
        label=_("oder Partner"), queryset=None, required=False, empty_label=_("– keiner –")
    )
    contact_name = forms.CharField(
        label=_("vertreten durch"),
        max_length=150,
        required=False,
        help_text=_("Nur bei Partnern: wer ihn im Gremium vertritt; leer: die Ansprechperson des Partners."),
    )
    role = forms.ChoiceField(label=_("Funktion im Gremium"), choices=MemberRole.choices, initial=MemberRole.MEMBER)

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        people, partners = selectors.member_choices(municipality)
        self.fields["person"].queryset = people
        self.fields["partner"].queryset = partners

    def clean(self):
        cleaned = super().clean()
        person, partner = cleaned.get("person"), cleaned.get("partner")
        if person is None and partner is None and not self.has_error("person") and not self.has_error("partner"):
            self.add_error("person", _("Bitte wählen Sie eine Person des Personals oder einen Partner."))
        elif person is not None and partner is not None:
            self.add_error("partner", _("Bitte wählen Sie entweder eine Person oder einen Partner, nicht beides."))
        if person is not None and cleaned.get("contact_name"):
            self.add_error("contact_name", _("„vertreten durch“ gilt nur für Partner."))
        return cleaned


# Partners --------------------------------------------------------------------------------------------------------


class PartnerForm(VersionedForm):
    website = forms.URLField(
        label=Partner._meta.get_field("website").verbose_name, required=False, max_length=200, assume_scheme="https"
    )

    class Meta:
        model = Partner
        fields = [
            "name",
            "kind",
            "website",
            "contact_name",
            "contact_email",
            "contact_phone",
            "contact_legal_basis",
            "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "contact_name": _("Personenbezogene Daten: nur mit Rechtsgrundlage eintragen."),
        }

    def clean_name(self):
        return _one_line(self.cleaned_data["name"])

    def clean(self):
        cleaned = super().clean()
        has_contact = any(cleaned.get(name) for name in CONTACT_FIELDS)
        if has_contact and not (cleaned.get("contact_legal_basis") or "").strip():
            self.add_error(
                "contact_legal_basis",
                _(
                    "Bitte nennen Sie die Rechtsgrundlage, auf der die Kontaktdaten gespeichert werden, "
                    "z. B. „Einwilligung vom 12.03.2025“."
                ),
            )
        return cleaned

    @property
    def confirmed(self) -> bool:
        """The user pressed "Trotzdem anlegen" for this very name (the button carries the name the similar
        partners were shown for; a name changed since is checked again)."""
        name = self.cleaned_data.get("name") or ""
        return bool(name) and _one_line(str(self.data.get(CONFIRM_FIELD, ""))[:200]) == name

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields if name in self.cleaned_data}


class PartnerFilterForm(forms.Form):
    q = forms.CharField(label=_("Name oder Notiz enthält"), required=False, max_length=200)
    art = forms.ChoiceField(label=_("Art"), required=False, choices=[("", _("alle")), *PartnerType.choices])

    def filters(self) -> dict:
        """The valid filters; a broken value is ignored."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}

    @property
    def active(self) -> bool:
        return bool(self.filters())


# People, capacities, assignments ---------------------------------------------------------------------------------


class PersonForm(VersionedForm):
    class Meta:
        model = Person
        fields = ["name", "unit", "position"]

    def clean_name(self):
        return _one_line(self.cleaned_data["name"])

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields if name in self.cleaned_data}


class CapacityForm(VersionedForm):
    hours_per_week = _hours(Capacity, minimum=Decimal(0), help_text=_("z. B. 19,5 – für die Smart-City-Arbeit"))

    class Meta:
        model = Capacity
        fields = ["valid_from", "valid_to", "hours_per_week", "note"]
        widgets = {"valid_from": DateInput(), "valid_to": DateInput()}

    def clean(self):
        cleaned = super().clean()
        check_date_order(form=self, start="valid_from", end="valid_to")
        return cleaned

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields if name in self.cleaned_data}


class AssignmentForm(VersionedForm):
    hours_per_week = _hours(Assignment, minimum=Decimal("0.1"), help_text=_("z. B. 4 oder 2,5"))

    class Meta:
        model = Assignment
        fields = ["person", "measure", "hours_per_week", "start", "end", "note"]
        widgets = {"start": DateInput(), "end": DateInput()}

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = selectors.people_of(municipality).order_by("name", "id")
        self.fields["measure"].queryset = selectors.assignable_measures(municipality)
        self.fields["hours_per_week"].error_messages["min_value"] = _("Bitte mindestens 0,1 Stunden pro Woche.")

    def clean(self):
        cleaned = super().clean()
        check_date_order(form=self, start="start", end="end")
        return cleaned

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields if name in self.cleaned_data}


class QuarterForm(forms.Form):
    quartale = forms.TypedChoiceField(
        label=_("Zeitraum"),
        coerce=int,
        required=False,
        choices=[(4, _("4 Quartale")), (6, _("6 Quartale")), (8, _("8 Quartale"))],
        initial=DEFAULT_QUARTERS,
    )

    def count(self) -> int:
        if self.is_bound and self.is_valid() and self.cleaned_data.get("quartale"):
            return self.cleaned_data["quartale"]
        return DEFAULT_QUARTERS
