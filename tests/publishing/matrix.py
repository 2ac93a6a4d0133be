"""The publishing app's URLs in the role × URL matrix (see tests/test_url_matrix.py).

The public URLs (published versions) are listed in PUBLIC there; tests/publishing/test_versions.py checks that
unpublished versions are 404 on them."""

import atexit
import shutil
import tempfile

from django.test import override_settings

from tests.events.support import make_event
from tests.matrix_support import ADMIN, EDIT, MANAGE, READ, Entry, town, town_and
from vorort.publishing import documents, services
from vorort.publishing.models import Audience, JobMode, PublicationJob
from vorort.publishing.storage import store_bytes

_STORAGE: dict[str, str] = {}


def _pk(key: str):
    return lambda objects: {"pk": objects[key]}


def _preview(kind: str, fmt: str):
    return lambda objects: {"slug": objects["municipality"].slug, "kind": kind, "fmt": fmt}


ENTRIES = {
    # A municipality's documents in its workspace
    "publishing:m_list": Entry("municipality", READ, town),
    "publishing:m_foreword": Entry("municipality", MANAGE, town),
    "publishing:m_preview": Entry("municipality", READ, _preview("anlage", "html")),
    "publishing:m_freeze": Entry("municipality", EDIT, town, method="post"),
    "publishing:m_download": Entry("municipality", READ, town_and("publication")),
    "publishing:m_publish": Entry("municipality", MANAGE, town_and("publication"), method="post"),
    "publishing:m_event": Entry("municipality", READ, town_and("publication_event")),
    "publishing:m_event_preview": Entry(
        "municipality",
        READ,
        lambda o: {"slug": o["municipality"].slug, "pk": o["publication_event"], "fmt": "html"},
    ),
    "publishing:m_job": Entry("municipality", READ, town_and("publication_job")),
    "publishing:m_job_file": Entry("municipality", READ, town_and("publication_job")),
    # The network's own documents
    "publishing:n_list": Entry("network", ADMIN),
    "publishing:n_preview": Entry("network", ADMIN, lambda o: {"kind": "netzwerkbericht", "fmt": "html"}),
    "publishing:n_freeze": Entry("network", ADMIN, method="post"),
    "publishing:n_download": Entry("network", ADMIN, _pk("network_publication"), names_object=True),
    "publishing:n_publish": Entry("network", ADMIN, _pk("network_publication"), method="post", names_object=True),
    "publishing:n_event": Entry("network", ADMIN, _pk("publication_network_event"), names_object=True),
    "publishing:n_event_preview": Entry(
        "network", ADMIN, lambda o: {"pk": o["publication_network_event"], "fmt": "html"}, names_object=True
    ),
    "publishing:n_job": Entry("network", ADMIN, _pk("network_publication_job"), names_object=True),
    "publishing:n_job_file": Entry("network", ADMIN, _pk("network_publication_job"), names_object=True),
}


def _storage_dir() -> None:
    """The matrix runs outside this package's fixtures: keep its files in a temporary directory."""
    if "dir" not in _STORAGE:
        _STORAGE["dir"] = tempfile.mkdtemp(prefix="vorort-matrix-publications-")
        atexit.register(shutil.rmtree, _STORAGE["dir"], ignore_errors=True)
        override_settings(VORORT_PUBLICATIONS_DIR=_STORAGE["dir"]).enable()


def _done_preview_job(spec, actor) -> int:
    """A finished preview job with its file (as the background thread leaves it)."""
    rendered = documents.render(spec)
    job = PublicationJob.objects.create(
        network=spec.network,
        municipality=spec.municipality,
        event=spec.event,
        kind=spec.kind,
        format=spec.format,
        audience=spec.audience,
        mode=JobMode.PREVIEW,
        requested_by=actor,
    )
    name = store_bytes(rendered.content, extension=spec.format, folder="vorschau")
    services.publication_job_finish(job=job, result_file=name, result_name=rendered.filename)
    return job.pk


def objects(municipality, coordinator) -> dict:
    """A frozen public version of the town's event documentation, the town's event, a finished preview job; the
    same for the network (report and an event of its own). Keys start with "publication" or "network_publication"."""
    _storage_dir()
    network = municipality.network
    event = make_event(municipality=municipality, title=f"Werkstatt {municipality.name}", days=-3)
    network_event = make_event(network=network, title=f"Netzwerktreffen {municipality.name}", days=-3)
    spec = documents.Spec(
        kind="event", format="html", network=network, municipality=municipality, event=event, audience=Audience.INTERNAL
    )
    publication = services.publication_freeze(actor=coordinator, spec=spec, rendered=documents.render(spec))
    network_spec = documents.Spec(kind="network", format="html", network=network)
    network_publication = services.publication_freeze(
        actor=None, spec=network_spec, rendered=documents.render(network_spec)
    )
    return {
        "publication": publication.pk,
        "publication_event": event.pk,
        "publication_job": _done_preview_job(spec, coordinator),
        "publication_network_event": network_event.pk,
        "network_publication": network_publication.pk,
        "network_publication_job": _done_preview_job(network_spec, None),
    }
