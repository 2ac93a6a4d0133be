from django import forms
from django.utils.translation import gettext_lazy as _

VALIDITY_CHOICES = [
    ("30", _("30 Tage")),
    ("90", _("90 Tage")),
    ("365", _("1 Jahr")),
    ("", _("unbegrenzt (bis zum Widerruf)")),
]


class ApiTokenCreateForm(forms.Form):
    name = forms.CharField(
        label=_("Bezeichnung"),
        max_length=100,
        help_text=_("Wofür Sie den Zugang nutzen, z. B. „Abgleich mit dem Ratsinformationssystem“."),
    )
    valid_days = forms.ChoiceField(label=_("Gültigkeit"), choices=VALIDITY_CHOICES, initial="90", required=False)

    def cleaned_valid_days(self) -> int | None:
        value = self.cleaned_data.get("valid_days")
        return int(value) if value else None


class ApiTokenRevokeForm(forms.Form):
    token = forms.IntegerField(min_value=1, max_value=2**63 - 1, widget=forms.HiddenInput)
