"""Form helpers shared by all apps."""

from django import forms
from django.utils.translation import gettext_lazy as _


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class VersionedForm(forms.ModelForm):
    """A ModelForm that carries the version it was opened at (optimistic locking)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # An edit must say which version it is based on, else it could overwrite unseen changes.
            self.fields["version"].required = True
            self.fields["version"].error_messages["required"] = _(
                "Das Formular ist unvollständig. Bitte laden Sie die Seite neu und speichern Sie erneut."
            )
            if not self.is_bound:
                self.initial["version"] = self.instance.version

    def show_stale(self, error) -> None:
        """Keep the user's input and explain the conflict; the next save then builds on the current version."""
        self.add_error(None, str(error))
        self.data = self.data.copy()
        self.data[self.add_prefix("version")] = error.current.version

    def changed_values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields if name in self.cleaned_data}


def check_date_order(form: forms.Form, start: str, end: str, message=None) -> None:
    first, last = form.cleaned_data.get(start), form.cleaned_data.get(end)
    if first and last and last < first:
        form.add_error(end, message or _("Das Ende darf nicht vor dem Beginn liegen."))


def add_service_error(form: forms.Form, error) -> None:
    """Show a ValidationError raised by a service at the matching fields (else above the form)."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            target = name if name in form.fields else None
            for item in errors:
                form.add_error(target, item)
    else:
        form.add_error(None, error)
