"""Predicates of the prioritisation app: who was invited to rate a round."""

from __future__ import annotations

import rules


@rules.predicate
def is_invited_rater(user, rating_round=None) -> bool:
    """The user is one of the round's raters. The round names its municipality (see core.predicates)."""
    if rating_round is None or not user.is_authenticated:
        return False
    return rating_round.raters.filter(pk=user.pk).exists()
