from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vorort.core.forms import DateInput, VersionedForm, check_date_order

from .models import (
    LEVELS,
    AssessmentQuestion,
    AssessmentRound,
    Focus,
    Goal,
    Indicator,
    Measurement,
    Need,
    NeedSource,
    VisionVersion,
)

WEIGHT_CHOICES = [
    (1, _("1 – Einzelstimme")),
    (2, _("2 – mehrere Stimmen")),
    (3, _("3 – häufig genannt")),
    (4, _("4 – viele Stimmen / dringlich")),
    (5, _("5 – sehr viele / sehr dringlich")),
]


def _decimal_field(field: forms.Field) -> None:
    """Accept German decimal commas ("12,5") and show a numeric keyboard on phones."""
    field.localize = True
    field.widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})
    field.widget.is_localized = True


class KeepOrderMixin:
    """An empty "Reihenfolge" keeps the current position (new objects go to the end, see the services)."""

    def clean_order(self):
        order = self.cleaned_data.get("order")
        if order is None and self.instance.pk:
            return self.instance.order
        return order


# Questionnaire (network office) -------------------------------------------------------------------------------


class QuestionForm(KeepOrderMixin, forms.ModelForm):
    class Meta:
        model = AssessmentQuestion
        fields = ["action_field", "guideline", "text", *[f"level_{level}" for level in LEVELS], "order", "active"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 2}),
            **{f"level_{level}": forms.Textarea(attrs={"rows": 2}) for level in LEVELS},
        }
        help_texts = {
            "level_0": _("Noch nichts vorhanden."),
            "level_4": _("Etabliert, ausgewertet und mit anderen geteilt."),
            "active": _(
                "Inaktive Fragen werden in offenen und neuen Runden nicht mehr gestellt; abgeschlossene Runden "
                "behalten ihre Antworten."
            ),
            "order": _("Reihenfolge innerhalb des Handlungsfelds."),
        }

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.network = network
        self.fields["action_field"].queryset = network.action_fields.order_by("order", "name")
        self.fields["order"].required = False


# Assessment rounds --------------------------------------------------------------------------------------------


class RoundForm(VersionedForm):
    class Meta:
        model = AssessmentRound
        fields = ["title", "conducted_on", "notes"]
        widgets = {"conducted_on": DateInput(), "notes": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"title": _("z. B. „Bestandsaufnahme Frühjahr 2026“")}


class AnswerForm(forms.Form):
    """One action field of a round: a level (radio buttons 0–4) and an optional comment per question.

    The fields carry their initial values as hidden inputs, so only what this person changed is saved – two
    people answering different questions at the same time do not overwrite each other."""

    def __init__(self, *args, questions, answers, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            answer = answers.get(question.pk)
            self.fields[f"q{question.pk}"] = forms.TypedChoiceField(
                label=question.text,
                choices=[(level, text) for level, text in question.levels],
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
                initial=answer.level if answer else None,
                show_hidden_initial=True,
            )
            self.fields[f"q{question.pk}_comment"] = forms.CharField(
                label=_("Anmerkung (optional)"),
                required=False,
                max_length=1000,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=answer.comment if answer else "",
                show_hidden_initial=True,
            )

    def rows(self):
        """(question, level field, its hidden initial value, comment field) for the template."""
        rows = []
        for question in self.questions:
            level = self[f"q{question.pk}"]
            rows.append((question, level, level.as_hidden(only_initial=True), self[f"q{question.pk}_comment"]))
        return rows

    def changed_answers(self) -> dict[int, dict]:
        changed = set(self.changed_data)
        answers: dict[int, dict] = {}
        for question in self.questions:
            level_name, comment_name = f"q{question.pk}", f"q{question.pk}_comment"
            values = {}
            if level_name in changed:
                values["level"] = self.cleaned_data.get(level_name)
            if comment_name in changed:
                values["comment"] = self.cleaned_data.get(comment_name, "")
            if values:
                answers[question.pk] = values
        return answers


class CompleteRoundForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


# Needs --------------------------------------------------------------------------------------------------------


class NeedForm(VersionedForm):
    weight = forms.TypedChoiceField(
        label=_("Gewicht"),
        choices=WEIGHT_CHOICES,
        coerce=int,
        initial=3,
        help_text=_("Wie viele Menschen haben den Bedarf genannt, wie dringlich ist er?"),
    )

    class Meta:
        model = Need
        fields = [
            "title",
            "description",
            "action_field",
            "user_group",
            "source",
            "source_detail",
            "weight",
            "recorded_on",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 4}), "recorded_on": DateInput()}

    def __init__(self, *args, action_fields, user_groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action_field"].queryset = action_fields
        self.fields["user_group"].queryset = user_groups
        self.fields["user_group"].empty_label = _("– keine bestimmte Gruppe –")
        self.fields["action_field"].empty_label = _("– bitte wählen –")

    def clean_recorded_on(self):
        recorded_on = self.cleaned_data.get("recorded_on")
        if recorded_on and recorded_on > timezone.localdate():
            raise forms.ValidationError(_("Das Datum darf nicht in der Zukunft liegen."))
        return recorded_on


class NeedFilterForm(forms.Form):
    action_field = forms.ModelChoiceField(
        label=_("Handlungsfeld"), queryset=None, required=False, empty_label=_("alle")
    )
    user_group = forms.ModelChoiceField(
        label=_("Nutzer*innengruppe"), queryset=None, required=False, empty_label=_("alle")
    )
    source = forms.ChoiceField(label=_("Quelle"), required=False, choices=[("", _("alle")), *NeedSource.choices])
    min_weight = forms.TypedChoiceField(
        label=_("Gewicht mindestens"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("beliebig")), *[(w, str(w)) for w in range(1, 6)]],
    )

    def __init__(self, *args, action_fields, user_groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action_field"].queryset = action_fields
        self.fields["user_group"].queryset = user_groups

    def filters(self) -> dict:
        """The valid filters only: a wrong value in one filter does not drop the others."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {name: data.get(name) for name in self.fields if data.get(name) not in (None, "")}


# Vision -------------------------------------------------------------------------------------------------------


class VisionForm(VersionedForm):
    class Meta:
        model = VisionVersion
        fields = ["title", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 10})}

    def __init__(self, *args, action_fields, principles: dict[int, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.action_fields = list(action_fields)
        for action_field in self.action_fields:
            self.fields[f"principle_{action_field.pk}"] = forms.CharField(
                label=_("Leitsatz %(field)s") % {"field": action_field.name},
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 3}),
                initial=principles.get(action_field.pk, ""),
            )

    def main_fields(self):
        return [self[name] for name in ("title", "text")]

    def principle_fields(self):
        return [self[f"principle_{f.pk}"] for f in self.action_fields]

    def principle_values(self) -> dict:
        return {f: self.cleaned_data.get(f"principle_{f.pk}", "") for f in self.action_fields}


class VisionAdoptForm(VersionedForm):
    class Meta:
        model = VisionVersion
        fields = ["adopted_on", "resolution_number"]
        widgets = {"adopted_on": DateInput()}
        help_texts = {"resolution_number": _("Nummer der Beschlussvorlage, z. B. „DS 2026/041“")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["adopted_on"].required = True
        self.fields["resolution_number"].required = True

    def clean_adopted_on(self):
        adopted_on = self.cleaned_data.get("adopted_on")
        if adopted_on and adopted_on > timezone.localdate():
            raise forms.ValidationError(_("Das Beschlussdatum darf nicht in der Zukunft liegen."))
        return adopted_on


class VersionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return _("Fassung %(number)s – %(title)s (%(state)s)") % {
            "number": obj.number,
            "title": obj.title,
            "state": obj.get_state_display(),
        }


class VisionCompareForm(forms.Form):
    a = VersionChoiceField(label=_("Fassung"), queryset=None, empty_label=None)
    b = VersionChoiceField(label=_("vergleichen mit"), queryset=None, empty_label=None)

    def __init__(self, *args, versions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["a"].queryset = versions
        self.fields["b"].queryset = versions


# Foci, goals, indicators --------------------------------------------------------------------------------------


class NeedChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return _("%(title)s (%(field)s, Gewicht %(weight)s)") % {
            "title": obj.title,
            "field": obj.action_field.name,
            "weight": obj.weight,
        }


class FocusForm(KeepOrderMixin, VersionedForm):
    needs = NeedChoiceField(
        label=_("zugehörige Bedarfe"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Focus
        fields = ["title", "action_field", "description", "rationale", "needs", "order"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4}), "rationale": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"rationale": _("Warum dieser Schwerpunkt? Lücken im Reifegrad-Check, Bedarfe, Vision.")}

    def __init__(self, *args, action_fields, needs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action_field"].queryset = action_fields
        self.fields["action_field"].empty_label = _("– bitte wählen –")
        self.fields["needs"].queryset = needs
        self.fields["order"].required = False

    def changed_values(self) -> dict:
        return {name: value for name, value in super().changed_values().items() if name != "needs"}


class SuggestionForm(forms.Form):
    """Edit a suggested focus before confirming it."""

    title = forms.CharField(label=_("Titel"), max_length=200)
    description = forms.CharField(
        label=_("Beschreibung"), required=False, max_length=10_000, widget=forms.Textarea(attrs={"rows": 4})
    )
    rationale = forms.CharField(
        label=_("Begründung"), required=False, max_length=5_000, widget=forms.Textarea(attrs={"rows": 3})
    )
    needs = NeedChoiceField(
        label=_("zugehörige Bedarfe"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, needs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["needs"].queryset = needs


class GoalForm(KeepOrderMixin, VersionedForm):
    class Meta:
        model = Goal
        fields = ["title", "description", "order"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["order"].required = False


class IndicatorForm(VersionedForm):
    class Meta:
        model = Indicator
        fields = ["name", "unit", "baseline_value", "baseline_date", "target_value", "target_date"]
        widgets = {"baseline_date": DateInput(), "target_date": DateInput()}
        help_texts = {
            "target_value": _("Darf auch unter dem Ausgangswert liegen, z. B. wenn CO₂-Emissionen sinken sollen."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _decimal_field(self.fields["baseline_value"])
        _decimal_field(self.fields["target_value"])

    def clean(self):
        cleaned = super().clean()
        check_date_order(
            self, "baseline_date", "target_date", _("Das Zieldatum darf nicht vor dem Datum des Ausgangswerts liegen.")
        )
        return cleaned


class MeasurementForm(forms.ModelForm):
    class Meta:
        model = Measurement
        fields = ["measured_on", "value", "note"]
        widgets = {"measured_on": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _decimal_field(self.fields["value"])

    def validate_unique(self):
        """The service checks "one value per day" and says so at the date field."""
