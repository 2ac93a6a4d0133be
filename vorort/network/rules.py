import rules

from vorort.core.predicates import (
    can_edit_content,
    can_manage_municipality,
    can_read_internal,
    is_any_coach,
    is_network_admin,
)

rules.add_perm("network.view_municipality", can_read_internal)
rules.add_perm("network.edit_content", can_edit_content)
rules.add_perm("network.manage_municipality", can_manage_municipality)
rules.add_perm("network.view_audit", can_read_internal)
rules.add_perm("network.view_cockpit", is_network_admin | is_any_coach)
rules.add_perm("network.manage_network", is_network_admin)
