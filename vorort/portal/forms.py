from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from vorort.core.forms import VersionedForm
from vorort.measures.models import MeasureStatus
from vorort.network.models import SizeClass
from vorort.search.models import DocumentKind
from vorort.search.selectors import Filters

from . import selectors
from .models import Lesson

RURAL_CHOICES = [("", _("alle")), ("ja", _("ländlich")), ("nein", _("nicht ländlich"))]


class LessonForm(VersionedForm):
    class Meta:
        model = Lesson
        fields = ["title", "text", "measure", "event", "is_public"]
        widgets = {"text": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, municipality, can_publish: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measure"].queryset = selectors.lesson_measure_choices(municipality)
        self.fields["measure"].empty_label = _("keine")
        self.fields["measure"].help_text = _("Die Maßnahme, aus der Sie gelernt haben (optional).")
        self.fields["event"].queryset = selectors.lesson_event_choices(municipality)
        self.fields["event"].empty_label = _("keines")
        self.fields["event"].help_text = _("Das Format, bei dem es entstanden ist (optional).")
        if not can_publish:
            del self.fields["is_public"]


def _clean_filters(form: forms.Form) -> dict:
    """The valid filters of a bound form; a broken value (unknown choice, not a number) is simply ignored."""
    form.is_valid()
    return {name: value for name, value in form.cleaned_data.items() if value not in (None, "")}


class PublicMeasureFilterForm(forms.Form):
    handlungsfeld = forms.TypedChoiceField(label=_("Handlungsfeld"), required=False, coerce=int)
    groesse = forms.ChoiceField(label=_("Größenklasse"), required=False)
    laendlich = forms.ChoiceField(label=_("Ländlich geprägt"), required=False, choices=RURAL_CHOICES)
    status = forms.ChoiceField(label=_("Status"), required=False)
    gruppe = forms.TypedChoiceField(label=_("Mehrwert für"), required=False, coerce=int)
    kommune = forms.ChoiceField(label=_("Kommune"), required=False)

    def __init__(self, *args, choices: dict, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("alle"))]
        self.fields["handlungsfeld"].choices = everything + choices["action_fields"]
        self.fields["groesse"].choices = everything + list(choices["size_classes"])
        self.fields["status"].choices = everything + list(choices["statuses"])
        self.fields["gruppe"].choices = [("", _("alle Gruppen"))] + choices["user_groups"]
        self.fields["kommune"].choices = everything + choices["municipalities"]

    def filters(self) -> dict:
        return _clean_filters(self)


class PublicLessonFilterForm(forms.Form):
    kommune = forms.ChoiceField(label=_("Kommune"), required=False)
    handlungsfeld = forms.TypedChoiceField(label=_("Handlungsfeld"), required=False, coerce=int)

    def __init__(self, *args, choices: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kommune"].choices = [("", _("alle"))] + choices["municipalities"]
        self.fields["handlungsfeld"].choices = [("", _("alle"))] + choices["action_fields"]

    def filters(self) -> dict:
        return _clean_filters(self)


# Largest id a database integer holds: a bigger number in the address would overflow the bound parameter.
MAX_ID = 2**63 - 1


class SearchForm(forms.Form):
    """The search box and the facet filters from the address. Nothing here can fail the page: the query is any
    text (the search reduces it to words), a broken filter value is ignored."""

    q = forms.CharField(label=_("Suchbegriffe"), required=False, strip=True)
    art = forms.ChoiceField(required=False, choices=DocumentKind.choices)
    handlungsfeld = forms.IntegerField(required=False, min_value=1, max_value=MAX_ID)
    groesse = forms.ChoiceField(required=False, choices=SizeClass.choices)
    laendlich = forms.ChoiceField(required=False, choices=[("ja", "ja"), ("nein", "nein")])
    status = forms.ChoiceField(required=False, choices=MeasureStatus.choices)
    gruppe = forms.IntegerField(required=False, min_value=1, max_value=MAX_ID)
    kommune = forms.SlugField(required=False)
    seite = forms.IntegerField(required=False, min_value=1)

    FILTER_NAMES = ("art", "handlungsfeld", "groesse", "laendlich", "status", "gruppe", "kommune")

    def values(self) -> dict:
        return _clean_filters(self)

    def search_filters(self, municipality_id: int | None) -> Filters:
        values = self.values()
        rural = values.get("laendlich")
        return Filters(
            kind=values.get("art", ""),
            action_field=values.get("handlungsfeld"),
            size_class=values.get("groesse", ""),
            rural=None if rural is None else rural == "ja",
            status=values.get("status", ""),
            user_group=values.get("gruppe"),
            municipality=municipality_id,
        )


class AdoptForm(forms.Form):
    kommune = forms.ChoiceField(label=_("In den Maßnahmenkatalog von"))

    def __init__(self, *args, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kommune"].choices = [(municipality.slug, municipality.name) for municipality in targets]
