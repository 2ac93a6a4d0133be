from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    name = "vorort.publishing"
    label = "publishing"
    verbose_name = _("Publikationen")

    def ready(self) -> None:
        from vorort.core.history import register_history

        from . import selectors

        register_history("publishing.publication", selectors.municipality_publication_in)
        register_history("publishing.foreword", selectors.foreword_in)
