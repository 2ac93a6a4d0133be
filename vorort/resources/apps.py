from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    name = "vorort.resources"
    label = "resources"
    verbose_name = _("Ressourcen und Partner")

    def ready(self) -> None:
        from vorort.core.history import register_history

        from . import selectors

        register_history("resources.body", selectors.body_in)
        register_history("resources.partner", selectors.partner_in)
        register_history("resources.person", selectors.person_in)
        register_history("resources.capacity", selectors.capacity_in)
        register_history("resources.assignment", selectors.assignment_in)
