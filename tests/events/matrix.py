"""The events app's URLs in the role × URL matrix (see tests/test_url_matrix.py).

Public URLs (calendar, event page, feeds, file download) are listed in PUBLIC there; their visibility rules are
tested in tests/events/test_visibility.py.
"""

from tests.matrix_support import ADMIN, EDIT, MANAGE, READ, Entry, town, town_and
from vorort.events import services
from vorort.events.models import EventDocument, EventResult

from .support import make_event

EVERYONE = frozenset(
    {"network_admin", "coach", "coordinator", "editor", "viewer", "participant", "coordinator_b", "other_admin"}
)


def _pk(key: str):
    return lambda objects: {"pk": objects[key]}


ENTRIES = {
    # A municipality's events in its workspace
    "events:m_list": Entry("municipality", READ, town),
    "events:m_create": Entry("municipality", EDIT, town),
    "events:m_detail": Entry("municipality", READ, town_and("event")),
    "events:m_edit": Entry("municipality", EDIT, town_and("event")),
    "events:m_delete": Entry("municipality", MANAGE, town_and("event")),
    "events:m_program": Entry("municipality", EDIT, town_and("event")),
    "events:m_registrations": Entry("municipality", EDIT, town_and("event")),
    "events:m_documentation": Entry("municipality", EDIT, town_and("event")),
    "events:m_dots": Entry("municipality", EDIT, town_and("event")),
    "events:m_kit": Entry("municipality", READ, town_and("event")),
    "events:m_agenda_delete": Entry("municipality", EDIT, town_and("event_agenda_item")),
    "events:m_topic_delete": Entry("municipality", EDIT, town_and("event_topic")),
    "events:m_result_delete": Entry("municipality", EDIT, town_and("event_result")),
    "events:m_document_delete": Entry("municipality", EDIT, town_and("event_document")),
    # The network's own events
    "events:n_list": Entry("network", ADMIN),
    "events:n_create": Entry("network", ADMIN),
    "events:n_detail": Entry("network", ADMIN, _pk("network_event"), names_object=True),
    "events:n_edit": Entry("network", ADMIN, _pk("network_event"), names_object=True),
    "events:n_delete": Entry("network", ADMIN, _pk("network_event"), names_object=True),
    "events:n_program": Entry("network", ADMIN, _pk("network_event"), names_object=True),
    "events:n_registrations": Entry("network", ADMIN, _pk("network_event"), names_object=True),
    "events:n_documentation": Entry("network", ADMIN, _pk("network_event"), names_object=True),
    "events:n_dots": Entry("network", ADMIN, _pk("network_event"), names_object=True),
    "events:n_kit": Entry("network", ADMIN, _pk("network_event"), names_object=True),
    "events:n_agenda_delete": Entry("network", ADMIN, _pk("network_event_agenda_item"), names_object=True),
    "events:n_topic_delete": Entry("network", ADMIN, _pk("network_event_topic"), names_object=True),
    "events:n_result_delete": Entry("network", ADMIN, _pk("network_event_result"), names_object=True),
    "events:n_document_delete": Entry("network", ADMIN, _pk("network_event_document"), names_object=True),
    # Signed-in people
    "events:register": Entry("user", EVERYONE, _pk("event_public"), method="post"),
    "events:cancel": Entry("user", EVERYONE, _pk("event_public"), method="post"),
    "events:my_calendar": Entry("user", EVERYONE),
    "events:calendar_token_create": Entry("user", EVERYONE, method="post"),
    "events:calendar_token_revoke": Entry("user", EVERYONE, method="post"),
    "events:network_calendar": Entry("user", {"network_admin", "coach", "other_admin"}),
}


def _parts(event, coordinator) -> dict:
    """An agenda item, a topic, a result and a file of `event`."""
    agenda_item = services.agenda_item_create(actor=coordinator, event=event, title="Begrüßung")
    topic = services.workshop_topic_create(actor=coordinator, event=event, question="Wo fehlen Sitzbänke?")
    result = EventResult.objects.create(event=event, text="Mehr Bänke am Markt", created_by=coordinator)
    # A document row without a stored file: the matrix only opens the confirmation page.
    document = EventDocument.objects.create(
        event=event,
        file=f"events/{event.pk}/matrix.pdf",
        original_name="protokoll.pdf",
        kind="pdf",
        content_type="application/pdf",
        size=1000,
    )
    return {"agenda_item": agenda_item.pk, "topic": topic.pk, "result": result.pk, "document": document.pk}


def objects(municipality, coordinator) -> dict:
    """An internal and a public event of the town, and an internal event of the network, each with parts. All keys
    start with "event" or "network_event", so they cannot clash with other apps' objects."""
    event = make_event(municipality=municipality, title=f"Werkstatt {municipality.name}", actor=coordinator)
    public = make_event(municipality=municipality, title=f"Bürgerforum {municipality.name}", is_public=True)
    network_event = make_event(network=municipality.network, title=f"Netzwerktreffen ({municipality.name})")
    parts = _parts(event, coordinator)
    network_parts = _parts(network_event, None)
    return {
        "event": event.pk,
        "event_public": public.pk,
        "network_event": network_event.pk,
        "event_agenda_item": parts["agenda_item"],
        "event_topic": parts["topic"],
        "event_result": parts["result"],
        "event_document": parts["document"],
        **{f"network_event_{key}": value for key, value in network_parts.items()},
    }
