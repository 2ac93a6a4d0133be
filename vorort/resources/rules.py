import rules

from vorort.core.predicates import can_edit_content, can_manage_municipality, can_read_internal

# On a municipality: the pages under /arbeitsbereich/<slug>/gremien/, /partner/ and /personal/.
rules.add_perm("resources.view_resources", can_read_internal)
rules.add_perm("resources.change_resources", can_edit_content)
rules.add_perm("resources.delete_resources", can_manage_municipality)
# A partner's contact person is personal data: only the municipality's internal roles see it.
rules.add_perm("resources.view_partner_contact", can_read_internal)
