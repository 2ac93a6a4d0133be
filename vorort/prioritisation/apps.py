from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrioritisationConfig(AppConfig):
    name = "vorort.prioritisation"
    label = "prioritisation"
    verbose_name = _("Priorisierung")

    def ready(self) -> None:
        from vorort.core.history import register_history

        from . import selectors

        register_history("prioritisation.criterion", selectors.criterion_in)
        register_history("prioritisation.ratinground", selectors.round_in)
        register_history("prioritisation.catalogue", selectors.catalogue_in)
