import rules

from vorort.core.predicates import can_edit_content, can_manage_municipality, can_read_internal, is_network_admin

rules.add_perm("strategy.view_strategy", can_read_internal)
rules.add_perm("strategy.change_strategy", can_edit_content)
rules.add_perm("strategy.adopt_vision", can_manage_municipality)
rules.add_perm("strategy.manage_questionnaire", is_network_admin)
