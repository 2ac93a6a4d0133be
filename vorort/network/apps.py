from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "vorort.network"
    label = "network"
    verbose_name = _("Netzwerk und Kommunen")

    def ready(self) -> None:
        from django.http import Http404

        from vorort.core.history import register_history

        def municipality_itself(municipality, pk):
            if municipality.pk != pk:
                raise Http404
            return municipality

        register_history("network.municipality", municipality_itself)
