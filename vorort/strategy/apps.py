from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StrategyConfig(AppConfig):
    name = "vorort.strategy"
    label = "strategy"
    verbose_name = _("Strategie")

    def ready(self) -> None:
        from vorort.core.history import register_history

        from . import selectors

        register_history("strategy.assessmentround", selectors.round_in)
        register_history("strategy.need", selectors.need_in)
        register_history("strategy.visionversion", selectors.vision_in)
        register_history("strategy.focus", selectors.focus_in)
        register_history("strategy.goal", selectors.goal_in)
        register_history("strategy.indicator", selectors.indicator_in)
