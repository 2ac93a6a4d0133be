"""Forms of the measure import: the upload (file type judged by content) and its options."""

from django import forms
from django.utils.translation import gettext_lazy as _

from vorort.network.selectors import action_fields_of

from .importing import MAX_FILE_BYTES, ImportFileError, detect_kind


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Datei"),
        help_text=_(
            "Excel-Arbeitsmappe (.xlsx) oder CSV-Datei (Semikolon oder Komma, UTF-8 oder Windows-1252), "
            "höchstens 10 MB."
        ),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
        ),
    )
    default_action_field = forms.ModelChoiceField(
        label=_("Handlungsfeld für Zeilen ohne Angabe"),
        queryset=None,
        required=False,
        empty_label=_("– keines: solche Zeilen als Fehler melden –"),
        help_text=_("Wird nur für neue Maßnahmen verwendet, in deren Zeile kein Handlungsfeld steht."),
    )
    keep_existing_when_empty = forms.BooleanField(
        label=_("Leere Zellen lassen vorhandene Werte unverändert"),
        required=False,
        help_text=_(
            "Ohne Haken leert eine leere Zelle das Feld einer bestehenden Maßnahme (Kennung, Titel, Handlungsfeld, "
            "Status und „öffentlich“ werden nie geleert)."
        ),
    )

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["default_action_field"].queryset = action_fields_of(network)
        self.content = b""
        self.kind = ""

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("Die Datei ist zu groß (%(size)s MB). Erlaubt sind höchstens 10 MB."),
                params={"size": f"{upload.size / 1024 / 1024:.1f}".replace(".", ",")},
            )
        content = upload.read(MAX_FILE_BYTES + 1)
        if len(content) > MAX_FILE_BYTES:
            raise forms.ValidationError(_("Die Datei ist zu groß. Erlaubt sind höchstens 10 MB."))
        try:
            self.kind = detect_kind(content)
        except ImportFileError as error:
            raise forms.ValidationError(str(error)) from None
        self.content = content
        return upload
