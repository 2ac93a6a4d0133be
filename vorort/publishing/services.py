"""Writes for publications: the foreword, frozen versions, publishing, and the state of background jobs."""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from vorort.core.audit import audit_record, snapshot
from vorort.core.models import AuditAction
from vorort.core.services import create_audited, update_audited
from vorort.network.models import Municipality, Network
from vorort.prioritisation.models import Catalogue
from vorort.search.services import search_index_update

from .documents import Rendered, Spec
from .models import Audience, Foreword, JobMode, JobStatus, Publication, PublicationJob, PublicationKind
from .storage import delete_stored, store_bytes
from .text import clean

# Preview files of finished jobs are removed after this long.
PREVIEW_KEPT = datetime.timedelta(days=1)


# Foreword ----------------------------------------------------------------------------------------------------


@transaction.atomic
def foreword_save(
    *, actor, municipality: Municipality, data: Mapping[str, Any], expected_version: int | None = None
) -> Foreword:
    """Create or update the municipality's foreword (optimistic locking on update)."""
    data = {key: clean(value) for key, value in data.items()}
    existing = Foreword.objects.filter(municipality=municipality).first()
    if existing is None:
        return create_audited(actor=actor, instance=Foreword(municipality=municipality, **data))
    return update_audited(actor=actor, instance=existing, data=data, expected_version=expected_version)


# Versions ----------------------------------------------------------------------------------------------------


def _actor_label(actor) -> str:
    return actor.display_name if actor is not None and actor.is_authenticated else "System"


def check_freezable(spec: Spec) -> None:
    """Raise ValidationError (German) if a version of `spec` cannot be frozen."""
    spec.check()
    if spec.kind == PublicationKind.ANNEX and not Catalogue.objects.filter(municipality=spec.municipality).exists():
        raise ValidationError(
            _(
                "Für die Anlage zur Beschlussvorlage fehlt ein festgeschriebener Maßnahmenkatalog. Schließen Sie "
                "zuerst eine Bewertungsrunde der Priorisierung ab."
            ),
            code="catalogue",
        )


@transaction.atomic
def _publication_create(*, actor, spec: Spec, rendered: Rendered, name: str, sha256: str) -> Publication:
    # Lock the owner of the series so two people freezing at once get consecutive numbers.
    if spec.municipality is not None:
        Municipality.objects.select_for_update().filter(pk=spec.municipality.pk).first()
    else:
        Network.objects.select_for_update().filter(pk=spec.network.pk).first()
    series = spec.series
    number = (Publication.objects.filter(series=series).aggregate(last=Max("number"))["last"] or 0) + 1
    authenticated = actor is not None and actor.is_authenticated
    return create_audited(
        actor=actor,
        instance=Publication(
            network=spec.network,
            municipality=spec.municipality,
            event=spec.event,
            kind=spec.kind,
            format=spec.format,
            audience=spec.audience,
            series=series,
            number=number,
            title=clean(rendered.title)[:300],
            file=name,
            filename=spec.filename(number=number),
            size=len(rendered.content),
            sha256=sha256,
            created_at=timezone.now(),
            author=actor if authenticated else None,
            author_label=_actor_label(actor),
        ),
    )


def publication_freeze(*, actor, spec: Spec, rendered: Rendered) -> Publication:
    """Store a generated document as the next version of its series, with its SHA-256. The file is written first
    and removed again if the version cannot be recorded, so no file is left without its row."""
    check_freezable(spec)
    sha256 = hashlib.sha256(rendered.content).hexdigest()
    name = store_bytes(rendered.content, extension=spec.format, folder=spec.scope_slug)
    try:
        return _publication_create(actor=actor, spec=spec, rendered=rendered, name=name, sha256=sha256)
    except Exception:
        delete_stored(name)
        raise


@transaction.atomic
def publication_publish(*, actor, publication: Publication, public: bool) -> Publication:
    """Publish a frozen version on the public portal (or withdraw it). Only versions made for the public can be
    published; the file itself never changes."""
    if public and publication.audience != Audience.PUBLIC:
        raise ValidationError(
            _(
                "Diese Fassung ist intern und kann nicht veröffentlicht werden. Schreiben Sie eine Fassung „für die "
                "Öffentlichkeit“ fest – sie lässt interne Maßnahmen und Angaben weg."
            ),
            code="audience",
        )
    if public and publication.kind == PublicationKind.EVENT:
        event = publication.event
        if event is None or not (event.is_public and event.documentation_public):
            raise ValidationError(
                _("Die Dokumentation dieses Formats ist nicht (mehr) öffentlich."), code="event_not_public"
            )
    authenticated = actor is not None and actor.is_authenticated
    data = (
        {"is_public": True, "published_at": timezone.now(), "published_by": actor if authenticated else None}
        if public
        else {"is_public": False, "published_at": None, "published_by": None}
    )
    publication = update_audited(actor=actor, instance=publication, data=data)
    search_index_update(publication)
    return publication


# Background jobs ---------------------------------------------------------------------------------------------


@transaction.atomic
def publication_job_create(*, actor, spec: Spec, mode: str) -> PublicationJob:
    """Record a job for `spec` and start it in the background once the transaction has committed."""
    from . import jobs

    if mode == JobMode.FREEZE:
        check_freezable(spec)
    else:
        spec.check()
    authenticated = actor is not None and actor.is_authenticated
    job = create_audited(
        actor=actor,
        instance=PublicationJob(
            network=spec.network,
            municipality=spec.municipality,
            event=spec.event,
            kind=spec.kind,
            format=spec.format,
            audience=spec.audience,
            mode=mode,
            requested_by=actor if authenticated else None,
            step=_("wartet auf den Start"),
        ),
    )
    jobs.start(job)
    return job


def publication_job_progress(*, job_id: int, progress: int, step: str) -> None:
    """Move a running job's progress bar. Technical state only, so it is not audited; one UPDATE."""
    PublicationJob.objects.filter(pk=job_id).update(
        status=JobStatus.RUNNING, progress=max(0, min(100, progress)), step=step[:200], updated_at=timezone.now()
    )


def publication_job_wait(*, job_id: int, step: str) -> None:
    """A queued job is still waiting for its turn (keeps it from being taken for lost). Not audited; one UPDATE."""
    PublicationJob.objects.filter(pk=job_id, status=JobStatus.QUEUED).update(step=step[:200], updated_at=timezone.now())


@transaction.atomic
def publication_job_finish(
    *, job: PublicationJob, result_file: str = "", result_name: str = "", publication: Publication | None = None
) -> PublicationJob:
    current = PublicationJob.objects.select_for_update().get(pk=job.pk)
    before = snapshot(current)
    current.status = JobStatus.DONE
    current.progress = 100
    current.step = _("fertig")
    current.finished_at = timezone.now()
    current.result_file = result_file
    current.result_name = result_name[:200]
    current.publication = publication
    current.save()
    audit_record(actor=current.requested_by, instance=current, action=AuditAction.UPDATE, before=before)
    return current


@transaction.atomic
def publication_job_fail(*, job: PublicationJob, error: str) -> PublicationJob:
    current = PublicationJob.objects.select_for_update().get(pk=job.pk)
    before = snapshot(current)
    current.status = JobStatus.FAILED
    current.error = clean(error)[:500]
    current.step = _("abgebrochen")
    current.finished_at = timezone.now()
    current.save()
    audit_record(actor=current.requested_by, instance=current, action=AuditAction.UPDATE, before=before)
    return current


def publication_jobs_prune(*, now: datetime.datetime | None = None) -> int:
    """Remove the preview files of jobs finished more than a day ago (their rows stay as a record)."""
    limit = (now or timezone.now()) - PREVIEW_KEPT
    old = list(
        PublicationJob.objects.filter(finished_at__lt=limit).exclude(result_file="").values_list("pk", "result_file")
    )
    for _pk, name in old:
        delete_stored(name)
    PublicationJob.objects.filter(pk__in=[pk for pk, _name in old]).update(result_file="")
    return len(old)
