from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vorort.core.forms import DateInput, VersionedForm, check_date_order

from .models import Milestone, Phase, PhaseDefinition, PhaseStatus


class PhaseForm(VersionedForm):
    class Meta:
        model = Phase
        fields = ["status", "planned_start", "planned_end", "actual_start", "actual_end", "notes"]
        widgets = {
            "planned_start": DateInput(),
            "planned_end": DateInput(),
            "actual_start": DateInput(),
            "actual_end": DateInput(),
            "notes": forms.Textarea(attrs={"rows": 5}),
        }

    def clean(self):
        cleaned = super().clean()
        check_date_order(self, "planned_start", "planned_end")
        check_date_order(self, "actual_start", "actual_end")
        # Closing a phase fills the actual end with today; that must not lie before its start.
        start = cleaned.get("actual_start") or self.instance.actual_start
        if (
            cleaned.get("status") == PhaseStatus.DONE
            and start
            and not cleaned.get("actual_end")
            and start > timezone.localdate()
        ):
            self.add_error(
                "actual_end",
                _("Bitte das tatsächliche Ende angeben: Es darf nicht vor dem Beginn (%(date)s) liegen.")
                % {"date": start.strftime("%d.%m.%Y")},
            )
        return cleaned


class MilestoneForm(VersionedForm):
    class Meta:
        model = Milestone
        fields = ["phase", "title", "due_date", "owner", "done"]
        widgets = {"due_date": DateInput()}

    def __init__(self, *args, phases, owners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phase"].queryset = phases
        self.fields["owner"].queryset = owners
        self.fields["owner"].empty_label = _("– niemand –")


class PhaseDefinitionForm(forms.ModelForm):
    class Meta:
        model = PhaseDefinition
        fields = ["name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
