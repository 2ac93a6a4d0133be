from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeasuresConfig(AppConfig):
    name = "vorort.measures"
    label = "measures"
    verbose_name = _("Maßnahmen")

    def ready(self) -> None:
        from vorort.core.history import register_history

        from . import selectors

        register_history("measures.measure", selectors.measure_in)
        register_history("measures.measuremilestone", selectors.milestone_in)
