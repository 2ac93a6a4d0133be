"""Frozen versions: stored file with SHA-256, numbering, author and date; publishing to the portal; the pages."""

import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.events.support import make_event
from vorort.core.models import AuditEntry
from vorort.publishing import documents, services
from vorort.publishing.models import Audience, Publication
from vorort.publishing.storage import publication_storage

pytestmark = [pytest.mark.django_db]


def freeze(town, actor, kind="annex", fmt="docx", audience=Audience.INTERNAL, **extra):
    spec = documents.Spec(kind=kind, format=fmt, network=town.network, municipality=town, audience=audience, **extra)
    return services.publication_freeze(actor=actor, spec=spec, rendered=documents.render(spec))


def stored_bytes(publication) -> bytes:
    with publication_storage().open(publication.file.name, "rb") as handle:
        return handle.read()


def test_freezing_stores_the_file_with_its_hash_number_author_and_date(town_a, strategy, users, publications_dir):
    coordinator = users["coordinator"]
    first = freeze(town_a, coordinator)
    second = freeze(town_a, coordinator)
    pdf = freeze(town_a, coordinator, fmt="pdf")
    assert (first.number, second.number, pdf.number) == (1, 2, 1)  # counted per document and format
    content = stored_bytes(first)
    assert first.sha256 == hashlib.sha256(content).hexdigest() and first.size == len(content)
    assert first.author == coordinator and first.author_label == coordinator.display_name
    assert first.created_at is not None and first.filename.endswith("-fassung-1.docx")
    assert first.file.name.startswith("beckum/") and first.file.name != second.file.name
    assert (publications_dir / first.file.name).is_file()
    assert "anlage" not in first.file.name  # a random name; the readable one is only used for downloads
    assert AuditEntry.objects.filter(object_id=str(first.pk), content_type__model="publication").exists()


def test_annex_without_catalogue_cannot_be_frozen(town_b, users):
    spec = documents.Spec(kind="annex", format="pdf", network=town_b.network, municipality=town_b)
    with pytest.raises(ValidationError, match="festgeschriebener Maßnahmenkatalog"):
        services.publication_freeze(actor=users["coordinator_b"], spec=spec, rendered=documents.render(spec))
    assert not Publication.objects.exists()


def test_only_public_versions_can_be_published_and_withdrawn(town_a, strategy, users, client):
    coordinator = users["coordinator"]
    internal = freeze(town_a, coordinator)
    with pytest.raises(ValidationError, match="intern"):
        services.publication_publish(actor=coordinator, publication=internal, public=True)
    public = freeze(town_a, coordinator, audience=Audience.PUBLIC)
    url = reverse("publishing:public_file", kwargs={"pk": public.pk})
    assert client.get(url).status_code == 404  # frozen, not yet published
    public = services.publication_publish(actor=coordinator, publication=public, public=True)
    assert public.is_public and public.published_by == coordinator and public.published_at
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == stored_bytes(public)
    listing = client.get(reverse("publishing:public_municipality", kwargs={"slug": town_a.slug}))
    assert public.sha256 in listing.content.decode() and internal.sha256 not in listing.content.decode()
    services.publication_publish(actor=coordinator, publication=public, public=False)
    assert client.get(url).status_code == 404
    assert client.get(reverse("publishing:public_file", kwargs={"pk": internal.pk})).status_code == 404


def test_older_versions_stay_listed(town_a, strategy, users, login):
    coordinator = users["coordinator"]
    versions = [freeze(town_a, coordinator) for _ in range(3)]
    page = login("viewer").get(reverse("publishing:m_list", kwargs={"slug": town_a.slug})).content.decode()
    for publication in versions:
        assert publication.sha256 in page
        assert reverse("publishing:m_download", kwargs={"slug": town_a.slug, "pk": publication.pk}) in page
    response = login("viewer").get(reverse("publishing:m_download", kwargs={"slug": town_a.slug, "pk": versions[0].pk}))
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"


def test_freeze_and_publish_through_the_pages(town_a, strategy, users, login):
    client = login("coordinator")
    url = reverse("publishing:m_freeze", kwargs={"slug": town_a.slug})
    response = client.post(url, {"kind": "annex", "format": "pdf", "audience": "oeffentlich"})
    assert response.status_code == 302
    publication = Publication.objects.get()
    assert publication.audience == Audience.PUBLIC and publication.format == "pdf"
    publish = reverse("publishing:m_publish", kwargs={"slug": town_a.slug, "pk": publication.pk})
    assert client.post(publish, {"oeffentlich": "1"}).status_code == 302
    publication.refresh_from_db()
    assert publication.is_public
    # An editor may freeze, but not publish.
    editor = login("editor")
    assert editor.post(publish, {"oeffentlich": "0"}).status_code == 403
    publication.refresh_from_db()
    assert publication.is_public


def test_bad_freeze_input_shows_a_german_message_at_the_field(town_a, strategy, login, town_b):
    client = login("coordinator")
    url = reverse("publishing:m_freeze", kwargs={"slug": town_a.slug})
    response = client.post(url, {"kind": "network", "format": "exe", "audience": "alle"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Diese Art von Dokument gibt es hier nicht." in page
    assert "Unbekanntes Format." in page
    assert not Publication.objects.exists()
    # Town B has no catalogue: the annex is refused with the reason, nothing is stored.
    other = login("coordinator_b")
    empty = reverse("publishing:m_freeze", kwargs={"slug": town_b.slug})
    response = other.post(empty, {"kind": "annex", "format": "pdf", "audience": "intern"})
    assert response.status_code == 200
    assert "fehlt ein festgeschriebener Maßnahmenkatalog" in response.content.decode()
    assert not Publication.objects.exists()


def test_freeze_of_another_towns_event_is_404(town_a, town_b, strategy, login):
    other = make_event(municipality=town_b, title="Fremd", days=-2)
    client = login("coordinator")
    url = reverse("publishing:m_freeze", kwargs={"slug": town_a.slug})
    response = client.post(url, {"kind": "event", "format": "pdf", "audience": "intern", "event": other.pk})
    assert response.status_code == 404
    assert not Publication.objects.exists()


def test_event_documentation_public_version_needs_a_public_documentation(town_a, strategy, login):
    event = make_event(municipality=town_a, title="Interne Runde", days=-2)
    client = login("coordinator")
    url = reverse("publishing:m_freeze", kwargs={"slug": town_a.slug})
    response = client.post(url, {"kind": "event", "format": "pdf", "audience": "oeffentlich", "event": event.pk})
    assert response.status_code == 200
    assert "Dokumentation dieses Formats ist nicht öffentlich" in response.content.decode()
    response = client.post(url, {"kind": "event", "format": "docx", "audience": "intern", "event": event.pk})
    assert response.status_code == 302
    assert Publication.objects.get().event == event


def test_publication_list_queries_do_not_grow(town_a, users, login):
    client = login("coordinator")
    url = reverse("publishing:m_list", kwargs={"slug": town_a.slug})

    def count() -> int:
        client.get(url)  # warm caches (role map, content types)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    make_event(municipality=town_a, title="Werkstatt 1", days=-3)
    freeze(town_a, users["coordinator"], kind="strategy", fmt="html")
    small = count()
    for number in range(6):
        make_event(municipality=town_a, title=f"Werkstatt {number + 2}", days=-3)
        freeze(town_a, users["coordinator"], kind="strategy", fmt="html", audience=Audience.PUBLIC)
    assert count() == small


def test_foreword_editing(town_a, users, login):
    client = login("coordinator")
    url = reverse("publishing:m_foreword", kwargs={"slug": town_a.slug})
    assert client.post(url, {"title": "Vorwort", "text": "", "signature": ""}).status_code == 200  # text missing
    response = client.post(url, {"title": "Grußwort", "text": "Liebe Leserinnen und Leser,\r\n\r\nwillkommen."})
    assert response.status_code == 302
    foreword = town_a.foreword
    assert foreword.title == "Grußwort" and "\r" not in foreword.text
    # A stale edit keeps the input and explains the conflict.
    client.post(url, {"title": "Neu", "text": "Erste Änderung", "version": foreword.version})
    response = client.post(url, {"title": "Alt", "text": "Zweite Änderung", "version": foreword.version})
    assert response.status_code == 200 and "Zweite Änderung" in response.content.decode()
    foreword.refresh_from_db()
    assert foreword.text == "Erste Änderung"
    assert login("editor").get(url).status_code == 403


def test_navigation_and_event_page_link_to_publications(town_a, login):
    event = make_event(municipality=town_a, title="Werkstatt", days=-2)
    client = login("editor")
    page = client.get(reverse("events:m_detail", kwargs={"slug": town_a.slug, "pk": event.pk})).content.decode()
    assert reverse("publishing:m_event", kwargs={"slug": town_a.slug, "pk": event.pk}) in page
    assert reverse("publishing:m_list", kwargs={"slug": town_a.slug}) in page
    admin = login("network_admin")
    page = admin.get(reverse("publishing:n_list")).content.decode()
    assert 'href="/netzwerk/publikationen/" aria-current="page"' in page
