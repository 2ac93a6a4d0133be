from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "vorort.participation"
    label = "participation"
    verbose_name = _("Beteiligung")

    def ready(self) -> None:
        from vorort.core.history import register_history

        from . import selectors

        register_history("participation.participation", selectors.participation_in)
        register_history("participation.idea", selectors.idea_in)
        register_history("participation.comment", selectors.comment_in)
