"""The operators' entry points run for real: `search_index retry-failed` on a row a real engine
rejection failed, and `load_demo` run twice on a fresh SQLite database as scripts/demo.sh runs
it, the second run changing nothing."""

import json
import os
import subprocess
import sys
import uuid
from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command

from pages.models import ProjectPage
from search import pipeline
from search.models import OutboxEntry
from search.outbox import MAX_ATTEMPTS
from search.query import SearchQuery
from tests.factories import MEASURE, PROJECT, PROVIDER
from tests.search.worker_processes import ROOT, own_queue, poll

MISSING_PIPELINE = "esparama-test-missing-pipeline"


@pytest.fixture
def queue():
    with own_queue() as name:  # no worker of anybody else's drains this test's rows
        yield name


@pytest.mark.parametrize("engine", ["opensearch"], indirect=True)
def test_retry_failed_writes_what_the_engine_rejected(sites, run_import, engine, queue):
    result = run_import([PROVIDER, MEASURE, PROJECT])
    assert not result.failed, result.stderr
    pipeline.drain()
    project = ProjectPage.objects.get(title=PROJECT["title"], locale__language_code="lt")
    # The index now sends every write through an ingest pipeline that does not exist: the
    # engine rejects each document (400), as it would a misconfigured index.
    engine.client.indices.put_settings(index=engine.alias,
                                       body={"index.default_pipeline": MISSING_PIPELINE})
    try:
        project.title = "Socialinių paslaugų plėtra Alytuje, pataisyta"
        project.save_revision().publish()

        def failed() -> bool:
            pipeline.drain()
            return OutboxEntry.objects.get(page_id=project.pk).failed

        poll(failed, seconds=2 ** MAX_ATTEMPTS * 4, what="the project's row failing")
        entry = OutboxEntry.objects.get(page_id=project.pk)
        assert entry.pending and entry.attempts == MAX_ATTEMPTS
        assert MISSING_PIPELINE in entry.last_error
        assert pipeline.drain().written == 0  # a failed row waits for someone to retry it
    finally:
        engine.client.indices.put_settings(index=engine.alias,
                                           body={"index.default_pipeline": None})
    failed_rows = OutboxEntry.objects.filter(failed=True).count()
    out = StringIO()
    call_command("search_index", "retry-failed", "--no-progress", stdout=out)
    assert f"{failed_rows}." in out.getvalue().splitlines()[0], out.getvalue()
    assert not OutboxEntry.objects.filter(failed=True).exists()
    assert not OutboxEntry.objects.filter(pending=True).exists()
    engine.refresh()
    hits = engine.search(SearchQuery(text="pataisyta")).hits
    assert [hit.id for hit in hits] == [project.pk]


def manage(*arguments: str, env: dict[str, str]) -> str:
    done = subprocess.run([sys.executable, "manage.py", *arguments], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def database_contents(env: dict[str, str]) -> list[dict]:
    """Every row of the demo database; an administrator's password hash is salted anew each
    time it is set, so the check is that the password still works, not the hash."""
    rows = json.loads(manage("dumpdata", "--indent", "0", env=env))
    for row in rows:
        if row["model"] == "auth.user":
            row["fields"].pop("password")
    return rows


@pytest.fixture(scope="module")
def demo_loaded_twice(tmp_path_factory) -> tuple[dict, list[dict], list[dict], str]:
    """As scripts/demo.sh: migrate, esparama_setup, load_demo --port; no services (SQLite, the
    database engine, the filesystem broker, on a queue of this test's own); then load_demo
    again. Answers the environment, the rows after each run and the second run's output."""
    directory = tmp_path_factory.mktemp("demo")
    queue = f"test-demo-{uuid.uuid4().hex[:8]}"
    unset = {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL",
             "OPENSEARCH_URL", "PORT", "SEARCH_INDEX_ALIAS"}
    env = {name: value for name, value in os.environ.items() if name not in unset}
    env |= {"DATABASE_URL": f"sqlite:///{directory / 'db.sqlite3'}", "CELERY_QUEUE": queue}
    broker = ROOT / ".cache" / "broker"
    broker.mkdir(parents=True, exist_ok=True)
    (ROOT / ".cache" / "broker-processed").mkdir(parents=True, exist_ok=True)
    try:
        manage("migrate", "--noinput", env=env)
        manage("esparama_setup", env=env)
        manage("load_demo", "--port", "8765", env=env)
        before = database_contents(env)
        again = manage("load_demo", "--port", "8765", env=env)
        after = database_contents(env)
    finally:
        for message in broker.glob(f"*.{queue}.msg"):
            message.unlink()
    return env, before, after, again


def differences(before: list[dict], after: list[dict], index: bool) -> list[dict]:
    """Rows added, changed or gone: of the search index and its outbox (the `search` app's
    models), or of everything else."""
    def kept(row: dict) -> bool:
        return row["model"].startswith("search.") == index

    return ([row for row in after if kept(row) and row not in before]
            + [row for row in before if kept(row) and row not in after])


def test_load_demo_run_again_changes_no_content(demo_loaded_twice):
    env, before, after, again = demo_loaded_twice
    assert differences(before, after, index=False) == [], again
    assert len(before) > 1000  # pages, revisions, terms, sites...
    check = ("from django.contrib.auth import authenticate; "
             "print(authenticate(username='admin', password='esparama-demo') is not None)")
    assert manage("shell", "-c", check, env=env).splitlines()[-1] == "True"


def test_load_demo_run_again_rewrites_no_search_document(demo_loaded_twice):
    _env, before, after, again = demo_loaded_twice
    changed = Counter(row["model"] for row in differences(before, after, index=True))
    assert changed == Counter(), f"rows changed: {dict(changed)}; {again}"
