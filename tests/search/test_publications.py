"""Published documents of vorort.publishing are searchable and listed on the municipality page; others are not."""

import pytest
from django.urls import reverse

from vorort.publishing.models import Audience, Publication
from vorort.search.selectors import search
from vorort.search.services import search_index_rebuild, search_index_update

pytestmark = pytest.mark.django_db


def publication(town, title: str, *, public: bool, number: int = 1) -> Publication:
    """A frozen version as vorort.publishing stores it (the file itself plays no part here)."""
    return Publication.objects.create(
        network=town.network,
        municipality=town,
        kind="strategy",
        format="pdf",
        audience=Audience.PUBLIC if public else Audience.INTERNAL,
        series=f"{town.slug}-strategy-pdf",
        number=number,
        title=title,
        file=f"{town.slug}/x{number}.pdf",
        filename=f"strategie-{number}.pdf",
        size=1000,
        sha256="0" * 64,
        is_public=public,
    )


def test_published_documents_are_found(client, town_a):
    published = publication(town_a, "Smart-City-Strategie Beckum 2030", public=True)
    internal = publication(town_a, "Smart-City-Strategie Beckum (intern)", public=False, number=2)
    search_index_update(published)
    search_index_update(internal)
    results = search("Strategie Beckum")
    assert [(hit.kind, hit.title) for hit in results.hits] == [("publikation", "Smart-City-Strategie Beckum 2030")]
    assert results.hits[0].url == reverse("publishing:public_file", kwargs={"pk": published.pk})
    page = client.get(reverse("portal:municipality", kwargs={"slug": town_a.slug})).content.decode()
    assert "Smart-City-Strategie Beckum 2030" in page and "(intern)" not in page


def test_withdrawn_documents_disappear(town_a):
    published = publication(town_a, "Smart-City-Strategie Beckum 2030", public=True)
    search_index_rebuild()
    assert search("Strategie").total == 1
    Publication.objects.filter(pk=published.pk).update(is_public=False)
    assert search("Strategie").hits == []  # checked against the live object even before the index follows
    published.refresh_from_db()
    search_index_update(published)
    assert search("Strategie").total == 0


def test_publishing_and_withdrawing_through_the_service_keeps_the_index_current(town_a):
    from vorort.publishing.services import publication_publish

    version = publication(town_a, "Smart-City-Strategie Beckum 2030", public=False)
    version.audience = Audience.PUBLIC
    version.save()
    assert search("Strategie Beckum").total == 0
    publication_publish(actor=None, publication=version, public=True)
    assert [hit.title for hit in search("Strategie Beckum").hits] == ["Smart-City-Strategie Beckum 2030"]
    publication_publish(actor=None, publication=version, public=False)
    assert search("Strategie Beckum").total == 0
