"""Real Celery workers on real Redis; services stopped and started under the pipeline."""

import os
import subprocess
import time

import pytest
import redis
from django.contrib.auth import get_user_model
from django.urls import reverse
from elastic_transport import ConnectionError as ElasticConnectionError

from pages.models import ProjectPage
from search import pipeline
from search.documents import searchable_page_ids
from search.models import OutboxEntry
from search.query import SearchQuery
from search.rebuild import DONE, QUEUED, RebuildProgress
from search.reconcile import reconcile
from tests.conftest import create_demo_sites
from tests.factories import MEASURE, PROJECT, PROVIDER
from tests.search.worker_processes import ROOT, own_queue, poll, running_worker

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def services(action: str, name: str) -> None:
    subprocess.run([str(ROOT / "scripts" / "services.sh"), action], cwd=ROOT, check=True,
                   env={**os.environ, "SERVICES": name}, stdout=subprocess.DEVNULL)


@pytest.fixture
def queue():
    with own_queue() as name:
        yield name


@pytest.fixture
def worker(queue, settings, engine):
    """A real worker process with beat on Redis, sharing this test's database and engine."""
    with running_worker(queue, settings, beat=True) as process:
        yield process


@pytest.fixture
def worker_without_beat(queue, settings, engine):
    """A real worker process on Redis and no beat: only a queued task makes it drain."""
    with running_worker(queue, settings, beat=False) as process:
        yield process


def indexed_titles(engine, text: str) -> set[str]:
    engine.refresh()
    return {hit.title for hit in engine.search(SearchQuery(text=text)).hits}


def indexed_ids(engine) -> set[int]:
    engine.refresh()
    return {hit.id for hit in engine.search(SearchQuery(page_size=50)).hits}


def publish_seed(run_import, title: str = PROJECT["title"]) -> None:
    result = run_import([PROVIDER, MEASURE, {**PROJECT, "title": title}])
    assert not result.failed, result.stderr


def redis_ping() -> bool:
    return redis.Redis.from_url(os.environ["REDIS_URL"], socket_connect_timeout=2).ping()


def test_publish_is_found_through_a_real_worker(run_import, worker, engine):
    create_demo_sites()
    publish_seed(run_import)
    poll(lambda: PROJECT["title"] in indexed_titles(engine, "Alytaus"))
    publish_seed(run_import, "Socialinių paslaugų plėtra Alytuje, antras etapas")
    poll(lambda: "etapas" in " ".join(indexed_titles(engine, "etapas")))
    poll(lambda: not OutboxEntry.objects.filter(pending=True).exists())


@pytest.mark.disruptive
@pytest.mark.parametrize("engine", ["opensearch"], indirect=True)
def test_redis_down_publishing_succeeds_and_nothing_is_lost(run_import, queue, engine,
                                                            request):
    create_demo_sites()
    services("down", "redis")
    try:
        with pytest.raises(redis.exceptions.ConnectionError):
            redis_ping()  # the broker really is down
        started = time.monotonic()
        publish_seed(run_import)
        assert time.monotonic() - started < 60
        assert ProjectPage.objects.get(locale__language_code="lt").live
        assert OutboxEntry.objects.filter(pending=True).count() >= 3
        assert not indexed_ids(engine)  # nothing could be written: the rows wait
    finally:
        services("up", "redis")
    assert redis_ping()
    request.getfixturevalue("worker")  # the worker's beat drains what waited
    poll(lambda: indexed_ids(engine) == set(searchable_page_ids()), what="every page indexed")
    assert PROJECT["title"] in indexed_titles(engine, "Alytaus")
    poll(lambda: not OutboxEntry.objects.filter(pending=True).exists(), what="outbox empty")


@pytest.mark.parametrize("engine", ["opensearch"], indirect=True)
def test_a_commit_wakes_a_worker_that_runs_no_beat(run_import, worker_without_beat, engine):
    """The drain is asked for after the commit: with no beat running, nothing else could
    have asked for it."""
    assert "--beat" not in worker_without_beat.args
    create_demo_sites()
    publish_seed(run_import)
    poll(lambda: PROJECT["title"] in indexed_titles(engine, "Alytaus"),
         what="the published project searchable")
    poll(lambda: not OutboxEntry.objects.filter(pending=True).exists(), what="outbox empty")


def shown_progress(client) -> RebuildProgress:
    response = client.get(reverse("cms_search_health"))
    assert response.status_code == 200
    return response.context["progress"]


@pytest.mark.parametrize("engine", ["opensearch"], indirect=True)
def test_rebuild_runs_on_a_real_worker_and_the_panel_shows_its_progress(
        run_import, queue, engine, client, request):
    create_demo_sites()
    publish_seed(run_import)
    pipeline.drain()
    old_indices = set(engine.client.indices.get_alias(name=engine.alias))
    client.force_login(get_user_model().objects.create_superuser(
        "rebuilder", "rebuilder@example.com", "rebuilder-password"))
    response = client.post(reverse("cms_search_health_rebuild"))
    assert response.status_code == 302
    assert shown_progress(client).state == QUEUED  # no worker yet: the task waits for one
    assert set(engine.client.indices.get_alias(name=engine.alias)) == old_indices
    request.getfixturevalue("worker_without_beat")
    poll(lambda: shown_progress(client).state == DONE, what="the panel showing the rebuild done")
    progress = shown_progress(client)
    pages = len(searchable_page_ids())
    assert (progress.done, progress.total, progress.percent) == (pages, pages, 100)
    assert pages >= 3
    new_indices = set(engine.client.indices.get_alias(name=engine.alias))
    assert new_indices == {progress.message} and not new_indices & old_indices
    html = client.get(reverse("cms_search_health")).content.decode()
    assert 'data-rebuild-state="done"' in html
    assert '<progress max="100" value="100"' in html
    assert indexed_ids(engine) == set(searchable_page_ids())


@pytest.mark.disruptive
@pytest.mark.parametrize("engine", ["elasticsearch"], indirect=True)
def test_engine_stopped_during_200_publishes(run_import, engine):
    create_demo_sites()
    publish_seed(run_import)
    pipeline.drain()
    services("down", "elasticsearch")
    try:
        lines = [PROVIDER, MEASURE] + [
            {**PROJECT, "id": f"p{number}", "title": f"Projektas numeris {number}",
             "project_code": "", "partners": []} for number in range(200)]
        result = run_import(lines)
        assert not result.failed, result.stderr
        with pytest.raises(ElasticConnectionError):
            pipeline.drain()
        assert OutboxEntry.objects.filter(pending=True).count() >= 200
    finally:
        services("up", "elasticsearch")
    pipeline.drain()
    result = reconcile()
    assert (len(result.missing), len(result.stale), len(result.orphans)) == (0, 0, 0)
    assert engine.count() == 3 + 200  # provider, measure, S0 and the 200 projects
