from django import forms
from django.utils.translation import gettext_lazy as _

from vorort.core.forms import VersionedForm
from vorort.core.uploads import ALL_KINDS, CheckedFileField

from .models import AgendaItem, Event, EventMode, EventResult


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%H:%M")


DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%d.%m.%Y %H:%M", "%Y-%m-%d %H:%M"]


class EventForm(VersionedForm):
    online_url = forms.URLField(
        label=Event._meta.get_field("online_url").verbose_name,
        help_text=Event._meta.get_field("online_url").help_text,
        max_length=500,
        required=False,
        assume_scheme="https",
    )
    participating_municipalities = forms.ModelMultipleChoiceField(
        label=_("beteiligte Kommunen"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Event
        fields = [
            "title",
            "kind",
            "mode",
            "starts_at",
            "ends_at",
            "location",
            "online_url",
            "description",
            "capacity",
            "registration_open",
            "is_public",
        ]
        widgets = {
            "starts_at": DateTimeLocalInput(),
            "ends_at": DateTimeLocalInput(),
            "description": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, municipalities, can_publish: bool, network_host: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participating_municipalities"].help_text = (
            _("Ihre Mitglieder sehen auch ein internes Format des Netzwerks und es steht in ihrem Kalender.")
            if network_host
            else _("Ein öffentliches Format steht auch im öffentlichen Kalender der beteiligten Kommunen.")
        )
        self.fields["starts_at"].input_formats = DATETIME_FORMATS
        self.fields["ends_at"].input_formats = DATETIME_FORMATS
        self.fields["participating_municipalities"].queryset = municipalities
        if not municipalities.exists():
            del self.fields["participating_municipalities"]
        elif self.instance.pk and not self.is_bound:
            self.initial["participating_municipalities"] = list(
                self.instance.participating_municipalities.values_list("pk", flat=True)
            )
        self.fields["capacity"].widget.attrs["min"] = 1
        if not can_publish:
            field = self.fields["is_public"]
            field.disabled = True
            field.help_text = _("Veröffentlichen darf die Smart-City-Koordination.")

    def clean_title(self):
        return " ".join(self.cleaned_data["title"].split())

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends < starts:
            self.add_error("ends_at", _("Das Ende darf nicht vor dem Beginn liegen."))
        mode = cleaned.get("mode")
        if (
            mode in (EventMode.ANALOG, EventMode.HYBRID)
            and not cleaned.get("location")
            and "location" not in self.errors
        ):
            self.add_error("location", _("Bitte den Ort angeben: Das Format findet vor Ort statt."))
        if (
            mode in (EventMode.DIGITAL, EventMode.HYBRID)
            and not cleaned.get("online_url")
            and "online_url" not in self.errors
        ):
            self.add_error("online_url", _("Bitte den Link für die Online-Teilnahme angeben."))
        return cleaned

    def event_values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields if name in self.cleaned_data}


class DocumentationForm(VersionedForm):
    class Meta:
        model = Event
        fields = ["protocol", "documentation_public"]
        widgets = {"protocol": forms.Textarea(attrs={"rows": 10})}

    def __init__(self, *args, can_publish: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_publish or not self.instance.is_public:
            field = self.fields["documentation_public"]
            field.disabled = True
            field.help_text = (
                _("Nur bei öffentlichen Formaten möglich.")
                if not self.instance.is_public
                else _("Veröffentlichen darf die Smart-City-Koordination.")
            )


class AgendaItemForm(forms.ModelForm):
    prefix = "ablauf"

    class Meta:
        model = AgendaItem
        fields = ["time", "title", "note"]
        widgets = {"time": TimeInput()}


class TopicForm(forms.Form):
    prefix = "thema"

    measure = forms.ModelChoiceField(label=_("Maßnahme"), queryset=None, required=False, empty_label=_("– keine –"))
    question = forms.CharField(
        label=_("oder eine Frage"),
        max_length=200,
        required=False,
        help_text=_("z. B. „Wo fehlen Fahrradbügel in der Innenstadt?“"),
    )
    description = forms.CharField(label=_("Erläuterung"), max_length=600, required=False)

    def __init__(self, *args, measures, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measure"].queryset = measures
        self.fields["measure"].label_from_instance = _measure_label

    def clean(self):
        cleaned = super().clean()
        measure, question = cleaned.get("measure"), (cleaned.get("question") or "").strip()
        if measure is None and not question and not self.errors:
            self.add_error("question", _("Bitte eine Maßnahme wählen oder eine Frage eingeben."))
        if measure is not None and question:
            self.add_error("question", _("Bitte entweder eine Maßnahme oder eine Frage – nicht beides."))
        return cleaned


def _measure_label(measure) -> str:
    return f"{measure.title} ({measure.municipality.name})"


def _need_label(need) -> str:
    return f"{need.title} ({need.municipality.name})"


def _idea_label(idea) -> str:
    return f"{idea.title} ({idea.participation.municipality.name}, {idea.participation.title})"


class ResultForm(forms.ModelForm):
    prefix = "ergebnis"

    class Meta:
        model = EventResult
        fields = ["text", "need", "measure", "idea"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        labels = {
            "need": _("verknüpfter Bedarf"),
            "measure": _("verknüpfte Maßnahme"),
            "idea": _("verknüpfte Idee aus der Beteiligung"),
        }

    def __init__(self, *args, needs, measures, ideas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["need"].queryset = needs
        self.fields["need"].label_from_instance = _need_label
        self.fields["need"].empty_label = _("– kein Bedarf –")
        self.fields["measure"].queryset = measures
        self.fields["measure"].label_from_instance = _measure_label
        self.fields["measure"].empty_label = _("– keine Maßnahme –")
        self.fields["idea"].queryset = ideas
        self.fields["idea"].label_from_instance = _idea_label
        self.fields["idea"].empty_label = _("– keine Idee –")


class DocumentUploadForm(forms.Form):
    prefix = "datei"

    file = CheckedFileField(label=_("Foto oder Datei"), kinds=ALL_KINDS)
    caption = forms.CharField(label=_("Beschreibung"), max_length=200, required=False)


class DotCountForm(forms.Form):
    """One number per topic: the dots counted on the poster."""

    def __init__(self, *args, topics, **kwargs):
        super().__init__(*args, **kwargs)
        self.topics = list(topics)
        for topic in self.topics:
            current = getattr(topic, "result", None)  # a topic without dots has no result (AttributeError)
            self.fields[f"topic_{topic.pk}"] = forms.IntegerField(
                label=topic.display_title,
                min_value=0,
                max_value=100_000,
                required=False,
                initial=current.dots if current is not None else None,
                error_messages={
                    "min_value": _("Bitte eine Zahl ab 0 eingeben."),
                    "max_value": _("Das sind zu viele Punkte – bitte die Zahl prüfen."),
                    "invalid": _("Bitte eine ganze Zahl eingeben."),
                },
            )

    def counts(self) -> dict[int, int]:
        return {
            topic.pk: self.cleaned_data[f"topic_{topic.pk}"]
            for topic in self.topics
            if self.cleaned_data.get(f"topic_{topic.pk}") is not None
        }
