import rules

from vorort.accounts.models import Role
from vorort.core.predicates import can_edit_content, can_manage_municipality, can_read_internal, has_role

is_participant = has_role(Role.PARTICIPANT)

# The workspace side: everyone inside reads; editors set up, moderate and take ideas over; the coordination
# publishes (open/close) and anonymises.
rules.add_perm("participation.view_participation", can_read_internal)
rules.add_perm("participation.change_participation", can_edit_content)
rules.add_perm("participation.moderate", can_edit_content)
rules.add_perm("participation.convert_idea", can_edit_content)
rules.add_perm("participation.publish_participation", can_manage_municipality)
rules.add_perm("participation.anonymise", can_manage_municipality)
# The citizens' side: the citizen role in the participation's municipality (further checks in the services).
rules.add_perm("participation.take_part", is_participant)
