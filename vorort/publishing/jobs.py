"""Background generation of long documents (a strategy PDF with many measures takes longer than two seconds).

A `PublicationJob` row records the request; `start` runs it, after the transaction commits, in a daemon thread of
the same process, which updates the row's progress as the sections are read and the pages are laid out. The job
page polls that row.

Limitation, on purpose: this is an in-process thread, not a task queue. It needs no extra service, but a job
dies with its process (a restart or a worker recycled by the WSGI server); such a job stops moving and is shown
as aborted after `models.STALE_AFTER`, and the user simply starts it again. Within one process the jobs run one
after the other (`_SLOT`), so two long documents never compete for the CPU of a small server; documents made
right in a request are not held up by them. Several server processes each run their own jobs.
"""

from __future__ import annotations

import logging
import threading
import time

from django.core.exceptions import ValidationError
from django.db import close_old_connections, connection, transaction
from django.utils.translation import gettext as _

from . import documents, services
from .models import JobMode, PublicationJob
from .storage import store_bytes

logger = logging.getLogger(__name__)

# At most one progress update per this many seconds (and always at 100 %).
PROGRESS_INTERVAL = 0.4
# A waiting job tells the database it is alive this often, so it is not taken for lost.
WAIT_SIGNAL = 30
_SLOT = threading.Semaphore(1)


class JobProgress:
    """A `documents.Progress` callback that writes the job's progress, throttled."""

    def __init__(self, job_id: int, interval: float = PROGRESS_INTERVAL):
        self.job_id = job_id
        self.interval = interval
        self.last = 0.0
        self.percent = -1

    def __call__(self, fraction: float, step: str) -> None:
        percent = max(0, min(99, int(fraction * 100)))
        now = time.monotonic()
        # Never backwards: WeasyPrint may lay out pages again (counters, table of contents) and report them anew.
        if percent <= self.percent or (now - self.last < self.interval and percent < 99):
            return
        self.last, self.percent = now, percent
        services.publication_job_progress(job_id=self.job_id, progress=percent, step=step)


def spec_of(job: PublicationJob) -> documents.Spec:
    return documents.Spec(
        kind=job.kind,
        format=job.format,
        network=job.network,
        municipality=job.municipality,
        event=job.event,
        audience=job.audience,
    )


def run(job_id: int, *, own_connection: bool = True) -> None:
    """Generate the job's document; store a preview file or freeze a version; record the outcome. In its own
    thread (`own_connection`) the job opens and closes its own database connection."""
    if own_connection:
        close_old_connections()
    job = None
    try:
        job = PublicationJob.objects.select_related("network", "municipality", "event", "requested_by").get(pk=job_id)
        spec = spec_of(job)
        while not _SLOT.acquire(timeout=WAIT_SIGNAL):
            services.publication_job_wait(job_id=job.pk, step=_("wartet, bis ein anderes Dokument fertig ist"))
        try:
            services.publication_job_progress(job_id=job.pk, progress=1, step=_("gestartet"))
            rendered = documents.render(spec, progress=JobProgress(job.pk))
        finally:
            _SLOT.release()
        if job.mode == JobMode.FREEZE:
            publication = services.publication_freeze(actor=job.requested_by, spec=spec, rendered=rendered)
            services.publication_job_finish(job=job, publication=publication)
        else:
            name = store_bytes(rendered.content, extension=spec.format, folder="vorschau")
            services.publication_job_finish(job=job, result_file=name, result_name=rendered.filename)
    except Exception as error:  # noqa: BLE001 - whatever went wrong, the job must end as failed
        if isinstance(error, ValidationError):
            logger.warning("Publication job %s refused: %s", job_id, error)
        else:
            logger.exception("Publication job %s failed", job_id)
        if job is not None:
            message = "; ".join(getattr(error, "messages", [])) or _("Das Dokument konnte nicht erzeugt werden.")
            services.publication_job_fail(job=job, error=message)
    finally:
        if own_connection:
            connection.close()


def spawn(job_id: int) -> threading.Thread:
    thread = threading.Thread(target=run, args=(job_id,), name=f"vorort-publication-{job_id}", daemon=True)
    thread.start()
    return thread


def start(job: PublicationJob) -> None:
    """Run the job once the current transaction has committed (so the thread sees the row)."""
    job_id = job.pk
    transaction.on_commit(lambda: spawn(job_id))
