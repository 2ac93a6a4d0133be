"""Forms for measures: the measure itself, its benefit matrix, status, dependencies, milestones, reports,
partners and the list's filters and inline edits."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vorort.core.forms import DateInput, VersionedForm, check_date_order
from vorort.core.templatetags.vorort_format import format_number
from vorort.network.models import Municipality
from vorort.resources.models import PartnerType
from vorort.strategy.models import Goal

from . import selectors
from .models import Measure, MeasureMilestone, MeasureStatus, StatusReport
from .services import M2M_FIELDS

# German numbers: "1.234,50", "1234,5", "1.234", "12.5", "-3" (spaces, € and % are ignored).
_GROUPED = re.compile(r"^-?\d{1,3}(\.\d{3})+$")
_PLAIN = re.compile(r"^-?\d+(\.\d+)?$")
_NOISE = re.compile(r"[\s\u00a0\u202f€%]|EUR", re.IGNORECASE)


def parse_german_decimal(text: str) -> Decimal:
    """Read a number as people in Germany write it. Raises ValueError if it is none."""
    cleaned = _NOISE.sub("", text)
    if "," in cleaned:
        whole, _comma, fraction = cleaned.partition(",")
        if "," in fraction or "." in fraction or not fraction.isdigit():
            raise ValueError(text)
        if "." in whole and not _GROUPED.match(whole):
            raise ValueError(text)
        cleaned = f"{whole.replace('.', '') or '0'}.{fraction}"
    elif _GROUPED.match(cleaned):
        cleaned = cleaned.replace(".", "")
    if not _PLAIN.match(cleaned):
        raise ValueError(text)
    try:
        return Decimal(cleaned)
    except InvalidOperation as error:
        raise ValueError(text) from error


class GermanDecimalField(forms.Field):
    """A decimal number typed the German way ("1.234,50"); shown the same way."""

    default_error_messages = {
        "invalid": _("Bitte geben Sie eine Zahl ein, z. B. 1.234,50."),
        "min_value": _("Der Wert darf nicht negativ sein."),
        "max_value": _("Der Wert darf höchstens %(limit)s betragen."),
        "max_digits": _("Die Zahl ist zu groß."),
    }

    def __init__(self, *, max_digits: int, decimal_places: int, min_value=None, max_value=None, **kwargs):
        self.max_digits, self.decimal_places = max_digits, decimal_places
        self.min_value, self.max_value = min_value, max_value
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}))
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal | int):
            return Decimal(value)
        try:
            number = parse_german_decimal(str(value))
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        number = number.quantize(Decimal(1).scaleb(-self.decimal_places), rounding=ROUND_HALF_UP)
        whole_digits = len(str(abs(number).to_integral_value(rounding="ROUND_DOWN")))
        if whole_digits > self.max_digits - self.decimal_places:
            raise forms.ValidationError(self.error_messages["max_digits"], code="max_digits")
        return number

    def validate(self, value):
        super().validate(value)
        if value is None:
            return
        if self.min_value is not None and value < self.min_value:
            raise forms.ValidationError(self.error_messages["min_value"], code="min_value")
        if self.max_value is not None and value > self.max_value:
            raise forms.ValidationError(
                self.error_messages["max_value"],
                code="max_value",
                params={"limit": format_number(self.max_value)},
            )

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return format_number(value, 0 if value == value.to_integral_value() else self.decimal_places)
        return value


def _german_decimal(name: str, **kwargs) -> GermanDecimalField:
    field = Measure._meta.get_field(name)
    return GermanDecimalField(
        max_digits=field.max_digits,
        decimal_places=field.decimal_places,
        min_value=Decimal(0),
        required=False,
        label=field.verbose_name,
        **kwargs,
    )


def _not_in_future(form: forms.Form, name: str, message) -> None:
    value = form.cleaned_data.get(name)
    if value and value > timezone.localdate():
        form.add_error(name, message)


class MeasureForm(VersionedForm):
    """Every field a measure carries, grouped as on the page."""

    investment_cost = _german_decimal("investment_cost", help_text=_("in Euro, z. B. 25.000 oder 1.234,50"))
    running_cost = _german_decimal("running_cost", help_text=_("in Euro pro Jahr"))
    funding_share = _german_decimal(
        "funding_share",
        max_value=Decimal(100),
        help_text=_("Anteil der Förderung an den Kosten in Prozent, 0 bis 100"),
        error_messages={"max_value": _("Die Förderquote liegt zwischen 0 und 100 %%.")},
    )
    personnel_effort = _german_decimal("personnel_effort", help_text=_("z. B. 12,5"))
    source_url = forms.URLField(
        label=Measure._meta.get_field("source_url").verbose_name,
        required=False,
        max_length=Measure._meta.get_field("source_url").max_length,
        assume_scheme="https",
        help_text=Measure._meta.get_field("source_url").help_text,
    )
    status_changed_on = forms.DateField(
        label=_("Statuswechsel am"),
        required=False,
        widget=DateInput(),
        help_text=_("Nur wenn Sie den Status ändern; leer bedeutet heute."),
    )
    status_note = forms.CharField(
        label=_("Anmerkung zum Statuswechsel"),
        required=False,
        max_length=500,
        help_text=_("z. B. „Ratsbeschluss vom 12.03.“ – erscheint im Statusverlauf."),
    )

    FIELDSETS = [
        (_("Grunddaten"), ["reference", "title", "summary", "description", "risks"]),
        (_("Einordnung"), ["action_field", "further_action_fields", "focus", "goals"]),
        (_("Zeitraum und Status"), ["start_date", "end_date", "status", "status_changed_on", "status_note"]),
        (_("Kosten und Förderung"), ["investment_cost", "running_cost", "funding_programme", "funding_share"]),
        (_("Personal und Verantwortung"), ["personnel_effort", "responsible_unit"]),
        (_("Interkommunal"), ["partner_municipalities"]),
        (
            _("Herkunft und Übertragbarkeit"),
            ["origin", "origin_note", "source_measure", "source_url", "transferability", "transfer_note"],
        ),
        (_("Sichtbarkeit"), ["is_public"]),
    ]

    class Meta:
        model = Measure
        fields = [
            "reference",
            "title",
            "summary",
            "description",
            "risks",
            "action_field",
            "further_action_fields",
            "focus",
            "goals",
            "start_date",
            "end_date",
            "status",
            "investment_cost",
            "running_cost",
            "funding_programme",
            "funding_share",
            "personnel_effort",
            "responsible_unit",
            "partner_municipalities",
            "origin",
            "origin_note",
            "source_measure",
            "source_url",
            "transferability",
            "transfer_note",
            "is_public",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2}),
            "description": forms.Textarea(attrs={"rows": 8}),
            "risks": forms.Textarea(attrs={"rows": 3}),
            "transfer_note": forms.Textarea(attrs={"rows": 3}),
            "further_action_fields": forms.CheckboxSelectMultiple,
            "goals": forms.CheckboxSelectMultiple,
            "partner_municipalities": forms.CheckboxSelectMultiple,
            "start_date": DateInput(),
            "end_date": DateInput(),
        }

    def __init__(self, *args, municipality, can_publish: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        self.can_publish = can_publish
        fields = self.fields
        fields["action_field"].queryset = selectors.action_fields_for(municipality)
        fields["action_field"].empty_label = _("– bitte wählen –")
        fields["further_action_fields"].queryset = selectors.action_fields_for(municipality)
        fields["focus"].queryset = selectors.foci_of(municipality).order_by("action_field__order", "order", "title")
        fields["focus"].empty_label = _("– keiner –")
        fields["goals"].queryset = Goal.objects.filter(municipality=municipality).select_related("focus")
        fields["goals"].label_from_instance = lambda goal: f"{goal.title} ({goal.focus.title})"
        fields["partner_municipalities"].queryset = (
            Municipality.objects.filter(network_id=municipality.network_id).exclude(pk=municipality.pk).order_by("name")
        )
        source_choices = Q(municipality__network_id=municipality.network_id, is_public=True) & ~Q(
            municipality=municipality
        )
        if self.instance.source_measure_id:
            source_choices |= Q(pk=self.instance.source_measure_id)
        fields["source_measure"].queryset = (
            Measure.objects.filter(source_choices)
            .select_related("municipality")
            .order_by("municipality__name", "title")
        )
        fields["source_measure"].label_from_instance = lambda m: f"{m.title} ({m.municipality.name})"
        fields["source_measure"].empty_label = _("– keine –")
        fields["source_measure"].help_text = _("Veröffentlichte Maßnahmen anderer Kommunen des Netzwerks.")
        if not fields["focus"].queryset.exists():
            fields["focus"].help_text = _("Handlungsschwerpunkte und Ziele legen Sie in der Strategie an.")
        if not fields["goals"].queryset.exists():
            fields["goals"].help_text = _("Noch keine Ziele angelegt; Ziele legen Sie in der Strategie an.")
        if not fields["partner_municipalities"].queryset.exists():
            fields["partner_municipalities"].help_text = _("Das Netzwerk hat noch keine weiteren Kommunen.")
        if not can_publish:
            fields["is_public"].disabled = True
            fields["is_public"].help_text = _("Veröffentlichen darf nur die Smart-City-Koordination.")
        else:
            fields["is_public"].help_text = _("Öffentliche Maßnahmen sieht jede*r, auch ohne Anmeldung.")
        if not self.instance.pk:
            del fields["status_changed_on"]
            fields["status_note"].label = _("Anmerkung zum Status")
            fields["status_note"].help_text = ""

    def fieldsets(self):
        """(legend, [bound fields]) in page order."""
        return [(legend, [self[name] for name in names if name in self.fields]) for legend, names in self.FIELDSETS]

    def clean_reference(self):
        reference = self.cleaned_data.get("reference", "").strip()
        if reference and (
            Measure.objects.filter(municipality=self.municipality, reference=reference)
            .exclude(pk=self.instance.pk)
            .exists()
        ):
            raise forms.ValidationError(_("Diese Kennung trägt schon eine andere Maßnahme Ihrer Kommune."))
        return reference

    def clean(self):
        cleaned = super().clean()
        check_date_order(self, "start_date", "end_date")
        _not_in_future(self, "status_changed_on", _("Ein Statuswechsel kann nicht in der Zukunft liegen."))
        primary = cleaned.get("action_field")
        further = cleaned.get("further_action_fields")
        if primary is not None and further is not None:
            cleaned["further_action_fields"] = [field for field in further if field.pk != primary.pk]
        return cleaned

    def service_values(self) -> tuple[dict, dict]:
        """(field values, many-to-many values) as the measure services take them."""
        values = self.changed_values()
        m2m = {name: values.pop(name) for name in M2M_FIELDS if name in values}
        if not self.can_publish:
            values.pop("is_public", None)
        return values, m2m


class MeasureVersionMixin:
    """A plain form that edits part of a measure carries the measure's version, like VersionedForm."""

    def _init_version(self, measure: Measure) -> None:
        self.fields["version"] = forms.IntegerField(
            widget=forms.HiddenInput,
            error_messages={
                "required": _("Das Formular ist unvollständig. Bitte laden Sie die Seite neu und speichern Sie erneut.")
            },
        )
        if not self.is_bound:
            self.initial["version"] = measure.version

    def show_stale(self, error) -> None:
        """Keep the user's input and explain the conflict; the next save then builds on the current version."""
        self.add_error(None, str(error))
        self.data = self.data.copy()
        self.data[self.add_prefix("version")] = error.current.version


STRENGTH_CHOICES = [(0, _("0 – kein Mehrwert")), (1, _("1 – gering")), (2, _("2 – mittel")), (3, _("3 – hoch"))]


class BenefitMatrixForm(MeasureVersionMixin, forms.Form):
    """One row per user group: strength 0–3 and a text."""

    def __init__(self, *args, rows: list[selectors.BenefitRow], measure: Measure, **kwargs):
        super().__init__(*args, **kwargs)
        self._init_version(measure)
        self.groups = [row.group for row in rows]
        for row in rows:
            group = row.group
            self.fields[f"strength_{group.pk}"] = forms.TypedChoiceField(
                label=_("Stärke für %(group)s") % {"group": group.name},
                choices=STRENGTH_CHOICES,
                coerce=int,
                initial=row.strength,
            )
            self.fields[f"text_{group.pk}"] = forms.CharField(
                label=_("Mehrwert für %(group)s") % {"group": group.name},
                required=False,
                max_length=500,
                initial=row.text,
            )

    def rows(self):
        return [(group, self[f"strength_{group.pk}"], self[f"text_{group.pk}"]) for group in self.groups]

    def cleaned_rows(self) -> dict[int, tuple[int, str]]:
        return {
            group.pk: (self.cleaned_data[f"strength_{group.pk}"], self.cleaned_data[f"text_{group.pk}"])
            for group in self.groups
        }


class StatusChangeForm(MeasureVersionMixin, forms.Form):
    status = forms.ChoiceField(label=_("neuer Status"), choices=MeasureStatus.choices)
    changed_on = forms.DateField(label=_("Datum des Wechsels"), widget=DateInput())
    note = forms.CharField(
        label=_("Anmerkung"),
        required=False,
        max_length=500,
        help_text=_("z. B. „Ratsbeschluss Drucksache 2026/041“"),
    )

    def __init__(self, *args, measure: Measure, **kwargs):
        super().__init__(*args, **kwargs)
        self._init_version(measure)
        if not self.is_bound:
            self.initial.update({"status": measure.status, "changed_on": timezone.localdate()})

    def clean(self):
        cleaned = super().clean()
        _not_in_future(self, "changed_on", _("Ein Statuswechsel kann nicht in der Zukunft liegen."))
        return cleaned


class DependencyForm(forms.Form):
    depends_on = forms.ModelChoiceField(
        label=_("hängt ab von"),
        queryset=Measure.objects.none(),
        empty_label=_("– Maßnahme wählen –"),
        help_text=_("Die Maßnahme, die vorher umgesetzt sein muss."),
    )

    def __init__(self, *args, measure: Measure, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["depends_on"].queryset = selectors.dependency_candidates(measure)
        self.fields["depends_on"].label_from_instance = lambda m: f"{m.reference} {m.title}".strip()


class MeasureMilestoneForm(VersionedForm):
    class Meta:
        model = MeasureMilestone
        fields = ["title", "due_date", "done"]
        widgets = {"due_date": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            del self.fields["done"]


class StatusReportForm(forms.ModelForm):
    class Meta:
        model = StatusReport
        fields = ["reported_on", "traffic_light", "text"]
        widgets = {
            "reported_on": DateInput(),
            "traffic_light": forms.RadioSelect,
            "text": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("reported_on", timezone.localdate())

    def clean(self):
        cleaned = super().clean()
        _not_in_future(self, "reported_on", _("Ein Statusbericht kann nicht in der Zukunft datiert sein."))
        return cleaned


class InvolvementForm(forms.Form):
    partner = forms.ModelChoiceField(
        label=_("vorhandener Partner"),
        queryset=None,
        required=False,
        empty_label=_("– neuen Partner eintragen –"),
    )
    new_partner = forms.CharField(
        label=_("oder neuer Partner (Name)"),
        required=False,
        max_length=200,
        help_text=_("Wird als Partner Ihrer Kommune angelegt, falls es ihn noch nicht gibt."),
    )
    new_partner_kind = forms.ChoiceField(
        label=_("Art des neuen Partners"), choices=PartnerType.choices, initial=PartnerType.OTHER, required=False
    )
    role = forms.CharField(
        label=_("Rolle in der Maßnahme"), max_length=200, help_text=_("z. B. „Betreiber“, „Fördermittelgeber“")
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = selectors.partners_of(municipality)

    def clean(self):
        cleaned = super().clean()
        partner, name = cleaned.get("partner"), (cleaned.get("new_partner") or "").strip()
        if partner is None and not name and "new_partner" not in self.errors:
            self.add_error("partner", _("Bitte wählen Sie einen Partner oder geben Sie einen neuen Namen ein."))
        elif partner is not None and name:
            self.add_error(
                "new_partner",
                _("Bitte wählen Sie entweder einen vorhandenen Partner oder geben Sie einen neuen Namen ein."),
            )
        if not cleaned.get("new_partner_kind"):
            cleaned["new_partner_kind"] = PartnerType.OTHER
        return cleaned


# The list: filters and inline edits ---------------------------------------------------------------

PUBLIC_CHOICES = [("", _("alle")), ("ja", _("öffentlich")), ("nein", _("intern"))]


class MeasureFilterForm(forms.Form):
    q = forms.CharField(label=_("Titel enthält"), required=False, max_length=200)
    handlungsfeld = forms.ModelChoiceField(
        label=_("Handlungsfeld"), queryset=None, required=False, empty_label=_("alle")
    )
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("alle")), *MeasureStatus.choices])
    gruppe = forms.ModelChoiceField(
        label=_("Mehrwert für"),
        queryset=None,
        required=False,
        empty_label=_("alle Gruppen"),
        help_text=_("Maßnahmen mit mindestens geringem Mehrwert für diese Gruppe"),
    )
    schwerpunkt = forms.ModelChoiceField(
        label=_("Handlungsschwerpunkt"), queryset=None, required=False, empty_label=_("alle")
    )
    oeffentlich = forms.ChoiceField(label=_("Sichtbarkeit"), required=False, choices=PUBLIC_CHOICES)
    sortierung = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handlungsfeld"].queryset = selectors.action_fields_for(municipality)
        self.fields["gruppe"].queryset = selectors.user_groups_for(municipality)
        self.fields["schwerpunkt"].queryset = selectors.foci_of(municipality).order_by(
            "action_field__order", "order", "title"
        )

    def filters(self) -> dict:
        """The valid filters; a broken value (e.g. an unknown id) is simply ignored."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}

    @property
    def active(self) -> bool:
        return any(name != "sortierung" for name in self.filters())


class RowStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=MeasureStatus.choices)
    version = forms.IntegerField(widget=forms.HiddenInput)


class RowPublicForm(forms.Form):
    is_public = forms.TypedChoiceField(
        label=_("öffentlich"), choices=[("1", _("öffentlich")), ("0", _("intern"))], coerce=lambda v: v == "1"
    )
    version = forms.IntegerField(widget=forms.HiddenInput)
