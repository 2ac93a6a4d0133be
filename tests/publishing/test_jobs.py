"""Long documents are generated in the background: the job, its progress, its page (htmx and without JS)."""

import datetime
import threading

import pytest
from django.urls import reverse
from django.utils import timezone

from vorort.publishing import documents, jobs, selectors, services
from vorort.publishing.models import Audience, JobMode, JobStatus, Publication, PublicationJob

from .support import build_strategy

pytestmark = [pytest.mark.django_db]


@pytest.fixture
def background(monkeypatch):
    """Every strategy PDF counts as long; jobs run right away in the test's thread when the transaction commits."""
    monkeypatch.setitem(selectors.BACKGROUND_FROM_MEASURES, "pdf", 1)
    ran = []

    def inline(job_id):
        ran.append(job_id)
        jobs.run(job_id, own_connection=False)

    monkeypatch.setattr(jobs, "spawn", inline)
    return ran


def test_long_preview_asks_first_then_runs_in_the_background(
    town_a, strategy, login, background, django_capture_on_commit_callbacks
):
    client = login("viewer")
    url = reverse("publishing:m_preview", kwargs={"slug": town_a.slug, "kind": "strategie", "fmt": "pdf"})
    response = client.get(url)
    assert response.status_code == 200 and "Im Hintergrund erzeugen" in response.content.decode()
    assert not PublicationJob.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    job = PublicationJob.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/auftraege/{job.pk}/")
    assert background == [job.pk]
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.progress == 100 and job.result_file
    page = client.get(response["Location"]).content.decode()
    file_url = reverse("publishing:m_job_file", kwargs={"slug": town_a.slug, "pk": job.pk})
    assert file_url in page and 'http-equiv="refresh"' not in page
    pdf = client.get(file_url)
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")


def test_long_freeze_runs_in_the_background_and_freezes_a_version(
    town_a, strategy, login, background, django_capture_on_commit_callbacks
):
    client = login("editor")
    url = reverse("publishing:m_freeze", kwargs={"slug": town_a.slug})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"kind": "strategy", "format": "pdf", "audience": "intern"})
    job = PublicationJob.objects.get()
    assert response.status_code == 302 and job.mode == JobMode.FREEZE
    job.refresh_from_db()
    publication = Publication.objects.get()
    assert job.publication == publication and publication.number == 1
    assert publication.author.email == "redaktion@example.org"
    page = client.get(response["Location"]).content.decode()
    assert reverse("publishing:m_download", kwargs={"slug": town_a.slug, "pk": publication.pk}) in page


def test_progress_is_recorded_while_the_pdf_is_laid_out(town_a, strategy, users, monkeypatch):
    steps = []
    original = services.publication_job_progress

    def recording(*, job_id, progress, step):
        steps.append((progress, step))
        original(job_id=job_id, progress=progress, step=step)

    monkeypatch.setattr(services, "publication_job_progress", recording)
    monkeypatch.setattr(jobs, "PROGRESS_INTERVAL", 0)
    job = PublicationJob.objects.create(
        network=town_a.network, municipality=town_a, kind="strategy", format="pdf", mode=JobMode.PREVIEW
    )
    jobs.run(job.pk, own_connection=False)
    job.refresh_from_db()
    assert job.status == JobStatus.DONE
    values = [progress for progress, _step in steps]
    assert values == sorted(values) and len(values) >= 5
    assert any(step.startswith("Seite ") for _progress, step in steps)  # from WeasyPrint's page layout


def test_job_page_polls_with_htmx_and_refreshes_without_javascript(town_a, login):
    job = PublicationJob.objects.create(
        network=town_a.network,
        municipality=town_a,
        kind="strategy",
        format="pdf",
        mode=JobMode.PREVIEW,
        status=JobStatus.RUNNING,
        progress=40,
        step="Seite 12 wird gesetzt",
    )
    url = reverse("publishing:m_job", kwargs={"slug": town_a.slug, "pk": job.pk})
    client = login("viewer")
    page = client.get(url).content.decode()
    assert '<noscript><meta http-equiv="refresh" content="2"></noscript>' in page
    assert 'hx-trigger="every 2s"' in page and f'hx-get="{url}"' in page
    assert 'value="40"' in page and "Seite 12 wird gesetzt" in page
    assert "<script" not in page.split("</head>")[1]  # no inline script in the body
    part = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert part.lstrip().startswith('<section class="card" id="auftrag-status"') and "<html" not in part


def test_a_lost_job_is_shown_as_aborted_and_can_be_started_again(town_a, login, monkeypatch):
    job = PublicationJob.objects.create(
        network=town_a.network, municipality=town_a, kind="strategy", format="pdf", mode=JobMode.PREVIEW
    )
    PublicationJob.objects.filter(pk=job.pk).update(
        status=JobStatus.RUNNING, updated_at=timezone.now() - datetime.timedelta(hours=1)
    )
    page = login("viewer").get(reverse("publishing:m_job", kwargs={"slug": town_a.slug, "pk": job.pk}))
    text = page.content.decode()
    assert "unterbrochen" in text and "hx-trigger" not in text and "refresh" not in text
    scope = selectors.Scope.of_municipality(town_a)
    assert selectors.running_job(scope, kind="strategy", format="pdf", audience="intern", mode="vorschau") is None


def test_failed_job_records_a_german_message(town_b, users):
    job = PublicationJob.objects.create(
        network=town_b.network, municipality=town_b, kind="annex", format="pdf", mode=JobMode.FREEZE
    )
    jobs.run(job.pk, own_connection=False)
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and "Maßnahmenkatalog" in job.error
    assert not Publication.objects.exists()


def test_old_preview_files_are_pruned(town_a, strategy, users):
    spec = documents.Spec(kind="annex", format="html", network=town_a.network, municipality=town_a)
    job = PublicationJob.objects.create(
        network=town_a.network, municipality=town_a, kind="annex", format="html", mode=JobMode.PREVIEW
    )
    name = services.store_bytes(documents.render(spec).content, extension="html", folder="vorschau")
    services.publication_job_finish(job=job, result_file=name, result_name="anlage.html")
    assert services.publication_jobs_prune() == 0
    assert services.publication_jobs_prune(now=timezone.now() + datetime.timedelta(days=2)) == 1
    job.refresh_from_db()
    assert job.result_file == ""


@pytest.mark.django_db(transaction=True)
def test_a_real_background_thread_finishes_the_job(network, town_a, users, monkeypatch):
    """With a real thread (committed data, its own connection): the job ends, the request does not wait."""
    build_strategy(town_a, users["coordinator"], measures=3)
    monkeypatch.setitem(selectors.BACKGROUND_FROM_MEASURES, "pdf", 1)
    threads = []
    original = jobs.spawn

    def tracked(job_id):
        thread = original(job_id)
        threads.append(thread)
        return thread

    monkeypatch.setattr(jobs, "spawn", tracked)
    spec = documents.Spec(
        kind="strategy", format="pdf", network=town_a.network, municipality=town_a, audience=Audience.INTERNAL
    )
    job = services.publication_job_create(actor=users["coordinator"], spec=spec, mode=JobMode.PREVIEW)
    assert threads and isinstance(threads[0], threading.Thread)
    threads[0].join(timeout=120)
    job.refresh_from_db()
    assert job.status == JobStatus.DONE, job.error
    assert job.result_file


def test_short_documents_come_right_away_long_ones_in_the_background(town_a, town_b, strategy, login):
    """Default limits: twelve measures make the strategy PDF a background job, a town without measures not."""
    client = login("coordinator")
    url = reverse("publishing:m_preview", kwargs={"slug": town_a.slug, "kind": "strategie", "fmt": "pdf"})
    assert "Im Hintergrund erzeugen" in client.get(url).content.decode()
    other = login("coordinator_b")
    empty = reverse("publishing:m_preview", kwargs={"slug": town_b.slug, "kind": "strategie", "fmt": "pdf"})
    response = other.get(empty)
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")
    assert not PublicationJob.objects.exists()
