from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProcessConfig(AppConfig):
    name = "vorort.process"
    label = "process"
    verbose_name = _("Prozesssteuerung")

    def ready(self) -> None:
        from vorort.core.history import register_history

        from . import selectors

        register_history("process.milestone", selectors.milestone_in)
        register_history("process.phase", selectors.phase_in)
