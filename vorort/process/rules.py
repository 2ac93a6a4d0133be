import rules

from vorort.core.predicates import can_edit_content, can_read_internal, is_network_admin

rules.add_perm("process.view_process", can_read_internal)
rules.add_perm("process.change_phase", can_edit_content)
rules.add_perm("process.change_milestone", can_edit_content)
rules.add_perm("process.manage_phase_definitions", is_network_admin)
