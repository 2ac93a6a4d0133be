import rules

from vorort.core.predicates import can_manage_municipality, can_read_internal, is_network_admin

from .predicates import is_invited_rater

rules.add_perm("prioritisation.view_prioritisation", can_read_internal)
rules.add_perm("prioritisation.manage_criteria", can_manage_municipality)
rules.add_perm("prioritisation.manage_rounds", can_manage_municipality)
rules.add_perm("prioritisation.adopt_catalogue", can_manage_municipality)
# Object permission on a RatingRound: an invited person who still sees the municipality's internal workspace.
rules.add_perm("prioritisation.rate_round", can_read_internal & is_invited_rater)
rules.add_perm("prioritisation.manage_criterion_templates", is_network_admin)
