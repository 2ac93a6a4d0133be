import rules

from vorort.core.predicates import can_edit_content, can_manage_municipality, can_read_internal

rules.add_perm("measures.view_measure", can_read_internal)
rules.add_perm("measures.change_measure", can_edit_content)
rules.add_perm("measures.import_measures", can_edit_content)
rules.add_perm("measures.export_measures", can_read_internal)
rules.add_perm("measures.publish_measure", can_manage_municipality)
rules.add_perm("measures.delete_measure", can_manage_municipality)
