from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vorort.accounts.models import Role
from vorort.core.forms import DateInput, VersionedForm

from .models import MAX_SCALE, MAX_WEIGHT, SOURCE_DIRECTIONS, Criterion, CriterionTemplate, Direction, RatingRound

WEIGHT_MESSAGE = _("Bitte ein Gewicht von 0 bis 100 Punkten als ganze Zahl angeben.")
SCALE_MESSAGE = _("Bitte eine ganze Zahl von 0 bis 10 angeben.")
NUMBER_ERRORS = ("invalid", "min_value", "max_value", "required", "max_whole_digits")
ZERO_WEIGHTS = _("Mindestens ein Kriterium braucht ein Gewicht über 0.")


def _number_messages(field: forms.Field, message) -> None:
    field.error_messages.update(dict.fromkeys(NUMBER_ERRORS, message))


def _weight_field(**kwargs) -> forms.IntegerField:
    field = forms.IntegerField(min_value=0, max_value=MAX_WEIGHT, **kwargs)
    _number_messages(field, WEIGHT_MESSAGE)
    return field


class RangeInput(forms.NumberInput):
    input_type = "range"


class _CriterionChecks:
    """Scale and direction checks shared by the network's template and a municipality's criteria."""

    def _prepare(self) -> None:
        for name in ("scale_min", "scale_max"):
            self.fields[name].min_value = 0
            self.fields[name].widget.attrs.update(min=0, max=MAX_SCALE)
            _number_messages(self.fields[name], SCALE_MESSAGE)
        for name in ("weight", "default_weight"):
            if name in self.fields:
                self.fields[name].widget.attrs.update(min=0, max=MAX_WEIGHT)
                _number_messages(self.fields[name], WEIGHT_MESSAGE)
        self.fields["order"].required = False
        self.fields["order"].help_text = _("leer lassen: ans Ende")
        if not self.instance.pk and not self.is_bound:
            self.initial["order"] = None

    def _check(self, cleaned: dict) -> None:
        low, high = cleaned.get("scale_min"), cleaned.get("scale_max")
        if low is not None and high is not None and low >= high:
            self.add_error("scale_max", _("Das Ende der Skala muss größer sein als ihr Anfang."))
        expected = SOURCE_DIRECTIONS.get(cleaned.get("source"))
        if expected is not None and cleaned.get("direction") and cleaned["direction"] != expected:
            self.add_error(
                "direction",
                _("Werte aus dieser Quelle haben die Richtung „%(direction)s“.") % {"direction": expected.label},
            )

    def values(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self._meta.fields if name in self.cleaned_data}
        if data.get("order") is None:
            data.pop("order", None)
        return data


CRITERION_FIELDS = ["name", "description", "source", "direction", "scale_min", "scale_max"]


class CriterionTemplateForm(_CriterionChecks, forms.ModelForm):
    class Meta:
        model = CriterionTemplate
        fields = [*CRITERION_FIELDS, "default_weight", "order"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._prepare()

    def clean(self):
        cleaned = super().clean()
        self._check(cleaned)
        return cleaned


class CriterionForm(_CriterionChecks, VersionedForm):
    class Meta:
        model = Criterion
        fields = [*CRITERION_FIELDS, "weight", "order"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._prepare()

    def clean(self):
        cleaned = super().clean()
        self._check(cleaned)
        return cleaned


class WeightsForm(forms.Form):
    """Weight points of all criteria of a municipality at once, each with the version it was opened at."""

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"weight_{criterion.pk}"] = _weight_field(
                label=criterion.name, initial=criterion.weight, widget=forms.NumberInput(attrs={"min": 0, "max": 100})
            )
            self.fields[f"version_{criterion.pk}"] = forms.IntegerField(
                widget=forms.HiddenInput, initial=criterion.version
            )
            self.fields[f"version_{criterion.pk}"].error_messages["required"] = _(
                "Das Formular ist unvollständig. Bitte laden Sie die Seite neu und speichern Sie erneut."
            )

    def clean(self):
        cleaned = super().clean()
        weights = [cleaned.get(f"weight_{c.pk}") for c in self.criteria]
        if self.criteria and all(w is not None for w in weights) and not any(weights):
            raise forms.ValidationError(ZERO_WEIGHTS)
        return cleaned

    def weights(self) -> dict[int, int]:
        return {c.pk: self.cleaned_data[f"weight_{c.pk}"] for c in self.criteria}

    def versions(self) -> dict[int, int]:
        return {c.pk: self.cleaned_data.get(f"version_{c.pk}") for c in self.criteria}

    def rows(self):
        return [(criterion, self[f"weight_{criterion.pk}"]) for criterion in self.criteria]

    def show_stale(self, error) -> None:
        """Keep the input; the next save builds on the current versions."""
        self.add_error(None, str(error))
        self.data = self.data.copy()
        for criterion in Criterion.objects.filter(pk__in=[c.pk for c in self.criteria]):
            self.data[f"version_{criterion.pk}"] = criterion.version


class WhatIfForm(forms.Form):
    """Weights to try out on the ranking page; never stored."""

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"w_{criterion.pk}"] = _weight_field(
                label=criterion.name,
                required=False,
                initial=criterion.weight,
                widget=RangeInput(attrs={"min": 0, "max": MAX_WEIGHT, "step": 1}),
            )

    def clean(self):
        cleaned = super().clean()
        weights = self.weights_or_stored(cleaned)
        if self.criteria and not self.errors and not any(weights.values()):
            raise forms.ValidationError(ZERO_WEIGHTS)
        return cleaned

    def weights_or_stored(self, cleaned: dict | None = None) -> dict[int, int]:
        cleaned = self.cleaned_data if cleaned is None else cleaned
        weights = {}
        for criterion in self.criteria:
            value = cleaned.get(f"w_{criterion.pk}")
            weights[criterion.pk] = criterion.weight if value is None else value
        return weights

    def rows(self):
        return [(criterion, self[f"w_{criterion.pk}"]) for criterion in self.criteria]


class _LabelledUsers(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        role = Role(obj.member_role).label if getattr(obj, "member_role", None) else ""
        return f"{obj.display_name} – {role}" if role else obj.display_name


class _LabelledMeasures(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.title} ({obj.get_status_display()})"


class RoundForm(VersionedForm):
    measures = _LabelledMeasures(
        label=_("Maßnahmen"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Vorausgewählt sind alle Maßnahmen mit dem Status Idee, Geplant oder Zurückgestellt."),
    )
    raters = _LabelledUsers(
        label=_("Bewertende einladen"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "Koordination, Redaktion, Prozessbegleitung und – auf Wunsch – Ratsmitglieder mit Lesezugriff. "
            "Nur eingeladene Personen können bewerten."
        ),
    )

    class Meta:
        model = RatingRound
        fields = ["title"]

    def __init__(self, *args, measures, raters, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measures"].queryset = measures
        self.fields["raters"].queryset = raters
        self.fields["measures"].error_messages["invalid_choice"] = _("Bitte nur Maßnahmen aus der Liste wählen.")
        self.fields["raters"].error_messages["invalid_choice"] = _("Bitte nur Personen aus der Liste einladen.")
        self.fields["measures"].error_messages["invalid_pk_value"] = _("Bitte nur Maßnahmen aus der Liste wählen.")
        self.fields["raters"].error_messages["invalid_pk_value"] = _("Bitte nur Personen aus der Liste einladen.")

    def clean_measures(self):
        measures = self.cleaned_data["measures"]
        if not measures:
            raise forms.ValidationError(_("Bitte mindestens eine Maßnahme auswählen."))
        return measures

    def clean_raters(self):
        raters = self.cleaned_data["raters"]
        if not raters:
            raise forms.ValidationError(_("Bitte mindestens eine Person zum Bewerten einladen."))
        return raters


class RatingForm(forms.Form):
    """One select per rated criterion with its scale; "keine Angabe" takes a rating back."""

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            choices = [("", _("– keine Angabe –"))] + [(str(v), str(v)) for v in criterion.scale]
            help_text = _("Skala %(low)s (gering) bis %(high)s (hoch)") % {
                "low": criterion.scale_min,
                "high": criterion.scale_max,
            }
            if criterion.direction == Direction.COST:
                help_text = _("Skala %(low)s (gering) bis %(high)s (hoch); hier ist weniger besser.") % {
                    "low": criterion.scale_min,
                    "high": criterion.scale_max,
                }
            if criterion.description:
                help_text = f"{criterion.description} · {help_text}"
            field = forms.TypedChoiceField(
                label=criterion.name,
                choices=choices,
                coerce=int,
                empty_value=None,
                required=False,
                help_text=help_text,
            )
            field.error_messages["invalid_choice"] = _("Bitte einen Wert von %(low)s bis %(high)s wählen.") % {
                "low": criterion.scale_min,
                "high": criterion.scale_max,
            }
            self.fields[f"criterion_{criterion.pk}"] = field

    def values(self) -> dict[int, int | None]:
        return {c.pk: self.cleaned_data.get(f"criterion_{c.pk}") for c in self.criteria}


class CloseRoundForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class AdoptionForm(forms.Form):
    ALL = "alle"
    SELECTION = "auswahl"

    decided_on = forms.DateField(label=_("Beschlussdatum"), widget=DateInput())
    reference = forms.CharField(
        label=_("Drucksache"), max_length=100, help_text=_("Nummer der Beschlussvorlage, z. B. „2026/041“")
    )
    scope = forms.ChoiceField(
        label=_("Beschlossen wurden"),
        choices=[(ALL, _("alle Maßnahmen des Katalogs")), (SELECTION, _("nur die ausgewählten Maßnahmen"))],
        widget=forms.RadioSelect,
        initial=ALL,
    )
    entries = forms.ModelMultipleChoiceField(
        label=_("Auswahl"), queryset=None, widget=forms.CheckboxSelectMultiple, required=False
    )

    def __init__(self, *args, entries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entries"].queryset = entries
        self.fields["entries"].label_from_instance = lambda entry: f"{entry.rank}. {entry.title}"
        self.fields["entries"].error_messages["invalid_choice"] = _("Bitte nur Maßnahmen aus dem Katalog wählen.")
        self.fields["entries"].error_messages["invalid_pk_value"] = _("Bitte nur Maßnahmen aus dem Katalog wählen.")
        self.fields["decided_on"].error_messages["invalid"] = _("Bitte ein gültiges Datum angeben.")

    def clean_decided_on(self):
        decided_on = self.cleaned_data["decided_on"]
        if decided_on > timezone.localdate():
            raise forms.ValidationError(_("Das Beschlussdatum darf nicht in der Zukunft liegen."))
        return decided_on

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("scope") == self.SELECTION and not cleaned.get("entries"):
            self.add_error("entries", _("Bitte mindestens eine beschlossene Maßnahme auswählen."))
        return cleaned

    def chosen_entries(self):
        if self.cleaned_data["scope"] == self.ALL:
            return list(self.fields["entries"].queryset)
        return list(self.cleaned_data["entries"])
