from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "vorort.portal"
    label = "portal"
    verbose_name = _("Wissenstransfer-Portal")

    def ready(self) -> None:
        from vorort.core.history import register_history

        from . import selectors

        register_history("portal.lesson", selectors.lesson_in)
