import rules

from vorort.core.predicates import can_manage_municipality

rules.add_perm("accounts.manage_members", can_manage_municipality)
