"""Real Celery workers on real Redis; services stopped and started under the pipeline."""

import os
import subprocess
import sys
import time
import uuid

import pytest

from config.celery import app
from pages.models import ProjectPage
from search import pipeline
from search.models import OutboxEntry
from search.query import SearchQuery
from search.reconcile import reconcile
from tests.conftest import create_demo_sites
from tests.factories import MEASURE, PROJECT, PROVIDER
from tests.search.worker_processes import ROOT, poll, worker_database_url

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def services(action: str, name: str) -> None:
    subprocess.run([str(ROOT / "scripts" / "services.sh"), action], cwd=ROOT, check=True,
                   env={**os.environ, "SERVICES": name}, stdout=subprocess.DEVNULL)


@pytest.fixture
def queue(settings):
    if not os.environ.get("REDIS_URL"):
        pytest.fail("REDIS_URL is not set: start Redis with `make services`.")
    name = f"test-{uuid.uuid4().hex[:8]}"
    previous = app.conf.task_default_queue
    app.conf.task_default_queue = name
    yield name
    app.conf.task_default_queue = previous


@pytest.fixture
def worker(queue, settings, engine):
    """A real worker process (with beat) on Redis, sharing this test's database and engine."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test",
           "DATABASE_URL": worker_database_url(), "CELERY_QUEUE": queue,
           "SEARCH_INDEX_ALIAS": settings.SEARCH_INDEX_ALIAS,
           "ELASTICSEARCH_URL": settings.ELASTICSEARCH_URL,
           "OPENSEARCH_URL": settings.OPENSEARCH_URL}
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "worker", "--beat", "--pool=solo",
         "-Q", queue, "--loglevel=warning",
         "--schedule", str(ROOT / ".cache" / f"beat-{queue}")],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    yield process
    process.terminate()
    output, _ = process.communicate(timeout=30)
    print(output)  # shown by pytest when the test fails


def indexed_titles(engine, text: str) -> set[str]:
    engine.refresh()
    return {hit.title for hit in engine.search(SearchQuery(text=text)).hits}


def publish_seed(run_import, title: str = PROJECT["title"]) -> None:
    result = run_import([PROVIDER, MEASURE, {**PROJECT, "title": title}])
    assert not result.failed, result.stderr


def test_publish_is_found_through_a_real_worker(run_import, worker, engine):
    create_demo_sites()
    publish_seed(run_import)
    poll(lambda: PROJECT["title"] in indexed_titles(engine, "Alytaus"))
    publish_seed(run_import, "Socialinių paslaugų plėtra Alytuje, antras etapas")
    poll(lambda: "etapas" in " ".join(indexed_titles(engine, "etapas")))
    poll(lambda: not OutboxEntry.objects.filter(pending=True).exists())


@pytest.mark.parametrize("engine", ["opensearch"], indirect=True)
def test_redis_down_publishing_succeeds_and_nothing_is_lost(run_import, queue, engine,
                                                            request):
    create_demo_sites()
    services("down", "redis")
    try:
        started = time.monotonic()
        publish_seed(run_import)
        assert time.monotonic() - started < 60
        assert ProjectPage.objects.get(locale__language_code="lt").live
        assert OutboxEntry.objects.filter(pending=True).count() >= 3
    finally:
        services("up", "redis")
    request.getfixturevalue("worker")  # the worker's beat drains what waited
    poll(lambda: PROJECT["title"] in indexed_titles(engine, "Alytaus"))


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
        with pytest.raises(Exception):  # noqa: B017 - the client's connection error
            pipeline.drain()
        assert OutboxEntry.objects.filter(pending=True).count() >= 200
    finally:
        services("up", "elasticsearch")
    pipeline.drain()
    result = reconcile()
    assert (len(result.missing), len(result.stale), len(result.orphans)) == (0, 0, 0)
    assert engine.count() == 3 + 200  # provider, measure, S0 and the 200 projects
