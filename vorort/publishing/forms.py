from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from vorort.core.forms import VersionedForm

from .models import Audience, Foreword, PublicationFormat, PublicationKind


class ForewordForm(VersionedForm):
    class Meta:
        model = Foreword
        fields = ["title", "text", "signature"]
        widgets = {"text": forms.Textarea(attrs={"rows": 14})}


class FreezeForm(forms.Form):
    """Which document to freeze as a new version: kind (fixed for an event's documentation), format, audience."""

    kind = forms.ChoiceField(label=_("Dokument"), choices=PublicationKind.choices)
    format = forms.ChoiceField(
        label=_("Dateiformat"),
        choices=PublicationFormat.choices,
        initial=PublicationFormat.PDF,
        error_messages={"required": _("Bitte wählen Sie ein Dateiformat."), "invalid_choice": _("Unbekanntes Format.")},
    )
    audience = forms.ChoiceField(
        label=_("Fassung für"),
        choices=Audience.choices,
        initial=Audience.INTERNAL,
        help_text=_("Nur eine Fassung für die Öffentlichkeit lässt sich veröffentlichen; sie lässt Internes weg."),
        error_messages={"required": _("Bitte wählen Sie, für wen die Fassung gedacht ist.")},
    )
    event = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, kinds=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(value, label) for value, label in PublicationKind.choices if value in kinds]
        self.fields["kind"].error_messages = {
            "required": _("Bitte wählen Sie ein Dokument."),
            "invalid_choice": _("Diese Art von Dokument gibt es hier nicht."),
        }
        if len(kinds) == 1:
            self.fields["kind"].initial = kinds[0]
            self.fields["kind"].widget = forms.HiddenInput()
