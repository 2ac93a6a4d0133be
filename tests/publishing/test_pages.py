"""The preview responses: PDF and HTML inline, DOCX as a download; the HTML preview keeps to the CSP."""

import re

import pytest
from django.urls import reverse

from tests.events.support import make_event

pytestmark = [pytest.mark.django_db]


def preview(client, town, kind, fmt, public=False):
    url = reverse("publishing:m_preview", kwargs={"slug": town.slug, "kind": kind, "fmt": fmt})
    return client.get(url + ("?fassung=oeffentlich" if public else ""))


def test_previews_in_every_format(town_a, strategy, login):
    client = login("viewer")
    pdf = preview(client, town_a, "anlage", "pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"].startswith("inline;") and pdf["Cache-Control"] == "private, no-store"
    docx = preview(client, town_a, "anlage", "docx")
    assert docx["Content-Disposition"].startswith("attachment;") and docx.content.startswith(b"PK")
    html = preview(client, town_a, "strategie", "html").content.decode()
    assert '<link rel="stylesheet" href="/static/publishing/document.css">' in html
    assert "<style" not in html and not re.search(r"\sstyle=", html) and "<script" not in html
    public = preview(client, town_a, "strategie", "html", public=True).content.decode()
    assert "Fassung für die Öffentlichkeit" in public
    assert preview(client, town_a, "netzwerkbericht", "html").status_code == 404  # not a town's document
    assert preview(client, town_a, "anlage", "exe").status_code == 404


def test_stored_html_is_served_with_a_strict_policy(town_a, strategy, users, login):
    from vorort.publishing import documents, services

    spec = documents.Spec(kind="annex", format="html", network=town_a.network, municipality=town_a)
    publication = services.publication_freeze(actor=users["coordinator"], spec=spec, rendered=documents.render(spec))
    response = login("viewer").get(reverse("publishing:m_download", kwargs={"slug": town_a.slug, "pk": publication.pk}))
    assert response["Content-Security-Policy"].startswith("default-src 'none'")
    assert "sandbox" in response["Content-Security-Policy"]


def test_event_documentation_page_and_previews(town_a, login):
    event = make_event(municipality=town_a, title="Bürgerforum Markt", days=-2, is_public=True)
    client = login("editor")
    page = client.get(reverse("publishing:m_event", kwargs={"slug": town_a.slug, "pk": event.pk})).content.decode()
    assert "Dokumentation: Bürgerforum Markt" in page
    assert "sobald das Format und seine Dokumentation öffentlich sind" in page  # no public version yet
    url = reverse("publishing:m_event_preview", kwargs={"slug": town_a.slug, "pk": event.pk, "fmt": "pdf"})
    assert client.get(url)["Content-Type"] == "application/pdf"
    refused = client.get(url + "?fassung=oeffentlich")
    assert refused.status_code == 302  # the documentation is internal: back to the page with the reason


def test_network_pages(network, town_a, strategy, login):
    admin = login("network_admin")
    page = admin.get(reverse("publishing:n_list")).content.decode()
    assert "Netzwerkbericht" in page
    url = reverse("publishing:n_preview", kwargs={"kind": "netzwerkbericht", "fmt": "docx"})
    assert admin.get(url)["Content-Disposition"].startswith("attachment;")
    assert admin.get(reverse("publishing:n_preview", kwargs={"kind": "strategie", "fmt": "pdf"})).status_code == 404
