import rules

from vorort.core.predicates import (
    can_edit_content,
    can_manage_municipality,
    can_read_internal,
    is_any_coach,
    is_network_admin,
)

from .predicates import can_view_documentation, can_view_event, is_event_manager, is_event_publisher

# On a municipality (workspace pages under /arbeitsbereich/<slug>/formate/).
rules.add_perm("events.view_events", can_read_internal)
rules.add_perm("events.change_event", can_edit_content)
rules.add_perm("events.delete_event", can_manage_municipality)
rules.add_perm("events.publish_event_in", can_manage_municipality)
# Without an object: the network calendar of admins and coaches.
rules.add_perm("events.view_network_calendar", is_network_admin | is_any_coach)
# On an event.
rules.add_perm("events.view_event", can_view_event)
rules.add_perm("events.view_documentation", can_view_documentation)
rules.add_perm("events.manage_event", is_event_manager)
rules.add_perm("events.publish_event", is_event_publisher)
