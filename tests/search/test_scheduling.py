"""Scheduled go-live and expiry reach search: the beat task publishes, the outbox carries it."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Page, Revision

from pages.models import ProjectPage
from search import pipeline
from search.query import SearchQuery
from tests.factories import MEASURE, PROJECT, PROVIDER
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
