"""Scheduled go-live and expiry reach search: the beat task publishes, the outbox carries it."""

from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.utils import timezone
from wagtail.models import Page, Revision

from pages.models import ProjectPage
from search import pipeline
from search.models import OutboxEntry
from search.query import SearchQuery
from tests.conftest import create_demo_sites
from tests.factories import MEASURE, PROJECT, PROVIDER
from tests.search.worker_processes import own_queue, poll, running_worker
from workers.tasks import publish_scheduled_pages


@pytest.fixture
def project(sites, run_import, engine) -> ProjectPage:
    result = run_import([PROVIDER, MEASURE, PROJECT])
    assert not result.failed, result.stderr
    return ProjectPage.objects.get(title=PROJECT["title"])


def indexed(engine, page: Page) -> bool:
    pipeline.drain()
    engine.refresh()
    return page.pk in {hit.id for hit in engine.search(SearchQuery(page_size=50)).hits}


def time_has_come(revision: Revision) -> None:
    """Move the scheduled go-live into the past, as the clock would."""
    past = timezone.now() - timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])


def test_expired_page_leaves_the_index(engine, project):
    assert indexed(engine, project)
    Page.objects.filter(pk=project.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    publish_scheduled_pages()
    project.refresh_from_db()
    assert not project.live and project.expired
    assert not indexed(engine, project)


def test_page_not_yet_expired_stays(engine, project):
    Page.objects.filter(pk=project.pk).update(expire_at=timezone.now() + timedelta(days=1))
    publish_scheduled_pages()
    assert indexed(engine, project)


def test_scheduled_page_enters_the_index_when_its_time_comes(engine, project):
    project.unpublish()
    project.go_live_at = timezone.now() + timedelta(hours=1)
    revision = project.save_revision()
    revision.publish()
    project.refresh_from_db()
    assert not project.live
    publish_scheduled_pages()  # not yet due
    assert not indexed(engine, project)
    time_has_come(revision)
    publish_scheduled_pages()
    project.refresh_from_db()
    assert project.live
    assert indexed(engine, project)


@pytest.fixture
def beat_worker(settings, engine):
    """A real worker running the beat schedule of config/settings, on a queue of its own."""
    with own_queue() as queue, running_worker(queue, settings, beat=True) as process:
        yield process


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("engine", ["opensearch"], indirect=True)
def test_beat_takes_scheduled_pages_live_and_expired_ones_down(run_import, engine, request):
    """No test code calls the job: the beat of a real worker runs it on its schedule, and the
    changes reach the index through the outbox and that worker's drain."""
    create_demo_sites()
    result = run_import([PROVIDER, MEASURE, PROJECT, {
        **PROJECT, "id": "p2", "title": "Dienos centro plėtra Alytuje", "project_code": "",
        "partners": []}])
    assert not result.failed, result.stderr
    expiring = ProjectPage.objects.get(title=PROJECT["title"], locale__language_code="lt")
    scheduled = ProjectPage.objects.get(title="Dienos centro plėtra Alytuje",
                                        locale__language_code="lt")
    later = timezone.now() + timedelta(hours=1)
    expiring.expire_at = later
    expiring.save_revision().publish()
    scheduled.unpublish()
    scheduled.go_live_at = later
    revision = scheduled.save_revision()
    revision.publish()
    pipeline.drain()
    Page.objects.filter(pk=expiring.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    time_has_come(revision)
    expiring.refresh_from_db()
    scheduled.refresh_from_db()
    assert expiring.live and not scheduled.live  # nobody has run the job yet
    schedule = django_settings.CELERY_BEAT_SCHEDULE["publish-scheduled-pages"]
    assert schedule["task"] == publish_scheduled_pages.name
    request.getfixturevalue("beat_worker")

    def done() -> bool:
        expiring.refresh_from_db()
        scheduled.refresh_from_db()
        return scheduled.live and not expiring.live

    poll(done, seconds=schedule["schedule"] + 60, what="the beat's job going live and expiring")
    assert expiring.expired
    poll(lambda: not OutboxEntry.objects.filter(pending=True).exists(), seconds=30,
         what="the worker writing the changes")
    engine.refresh()
    ids = {hit.id for hit in engine.search(SearchQuery(page_size=50)).hits}
    assert scheduled.pk in ids and expiring.pk not in ids
