from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "vorort.events"
    label = "events"
    verbose_name = _("Formate und Veranstaltungen")

    def ready(self) -> None:
        from vorort.core.history import register_history

        from . import selectors

        register_history("events.event", selectors.event_in)
        register_history("events.eventresult", selectors.result_in)
        register_history("events.workshopresult", selectors.workshop_result_in)
