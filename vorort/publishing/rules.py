import rules

from vorort.core.predicates import can_edit_content, can_manage_municipality, can_read_internal

# On a municipality (workspace pages under /arbeitsbereich/<slug>/publikationen/). The network's own documents
# (network report, documentation of network events) belong to the network admin (`network.manage_network`).
rules.add_perm("publishing.view_publications", can_read_internal)
rules.add_perm("publishing.freeze_publication", can_edit_content)
rules.add_perm("publishing.publish_publication", can_manage_municipality)
rules.add_perm("publishing.edit_foreword", can_manage_municipality)
