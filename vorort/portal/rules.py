import rules

from vorort.core.predicates import can_edit_content, can_manage_municipality, can_read_internal

# On a municipality: its lessons learned (Wissen) in the workspace.
rules.add_perm("portal.view_lessons", can_read_internal)
rules.add_perm("portal.change_lesson", can_edit_content)
rules.add_perm("portal.delete_lesson", can_edit_content)  # a published lesson only with publish_lesson too
rules.add_perm("portal.publish_lesson", can_manage_municipality)
# On the municipality that takes a published measure of another one into its catalogue.
rules.add_perm("portal.adopt_measure", can_edit_content)
