from django import forms
from django.utils.translation import gettext_lazy as _

from vorort.core.forms import VersionedForm

from .models import ActionField, Municipality, SizeClass


class MunicipalityForm(VersionedForm):
    class Meta:
        model = Municipality
        fields = ["name", "slug", "county", "county_free", "population", "rural", "structurally_weak"]

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.network = network
        self.instance.network = network

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("county_free") and cleaned.get("county"):
            self.add_error("county", _("Eine kreisfreie Stadt gehört zu keinem Kreis."))
        if not cleaned.get("county_free") and not cleaned.get("county"):
            self.add_error("county", _("Bitte den Kreis angeben oder „kreisfrei“ ankreuzen."))
        return cleaned


class ActionFieldForm(forms.ModelForm):
    class Meta:
        model = ActionField
        fields = ["name", "slug", "colour", "description", "order"]
        widgets = {
            "colour": forms.TextInput(attrs={"type": "color"}),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.network = network
        self.fields["order"].required = False
        self.fields["order"].help_text = _("Leer lassen, um das Feld ans Ende zu stellen.")

    def clean_order(self):
        order = self.cleaned_data.get("order")
        if order is None and self.instance.pk:
            return self.instance.order
        return order


class CockpitFilterForm(forms.Form):
    size_class = forms.ChoiceField(
        label=_("Größenklasse"), required=False, choices=[("", _("alle"))] + list(SizeClass.choices)
    )
    rural = forms.ChoiceField(
        label=_("ländlich geprägt"),
        required=False,
        choices=[("", _("alle")), ("ja", _("nur ländliche")), ("nein", _("nur nicht ländliche"))],
    )
