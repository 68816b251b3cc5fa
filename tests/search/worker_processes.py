"""What the tests of real worker processes share: the repository root they start from, the
database URL that lets a worker share the test's database, a Celery queue of the test's own, a
real worker process (with or without beat) on it, and waiting for a condition."""

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.db import connection

from config.celery import app

ROOT = Path(__file__).resolve().parents[2]


def services_dir() -> Path:
    """Where scripts/services.sh keeps the services' data and pidfiles: it decides (under the
    clone, or under /var/tmp for a clone in a private directory)."""
    return Path(subprocess.run([str(ROOT / "scripts" / "services.sh"), "dir"], check=True,
                               capture_output=True, text=True).stdout.strip())


def worker_database_url() -> str:
    settings_dict = connection.settings_dict
    if settings_dict["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{settings_dict['NAME']}"
    return (f"postgres://{settings_dict['USER']}:{settings_dict['PASSWORD']}@"
            f"{settings_dict['HOST']}:{settings_dict['PORT']}/{settings_dict['NAME']}")


def poll(condition: Callable[[], object], seconds: float = 90,
         what: str = "condition") -> None:
    """Check `condition` until it holds; fail once `seconds` have passed without it."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"{what} not met within {seconds:g} s"
        time.sleep(0.2)


@contextmanager
def own_queue() -> Iterator[str]:
    """Send this process's tasks to a queue of the test's own (Redis is shared)."""
    if not os.environ.get("REDIS_URL"):
        raise AssertionError("REDIS_URL is not set: start Redis with `make services`.")
    name = f"test-{uuid.uuid4().hex[:8]}"
    previous = app.conf.task_default_queue
    app.conf.task_default_queue = name
    try:
        yield name
    finally:
        app.conf.task_default_queue = previous


@contextmanager
def running_worker(queue: str, settings, beat: bool, name: str = "localhost",
                   app_module: str = "config", env: dict[str, str] | None = None
                   ) -> Iterator[subprocess.Popen]:
    """A real worker process on Redis, consuming `queue`, sharing this test's database, engine
    and index alias; with `beat`, it also runs the beat schedule of config/settings. Several
    on one queue need each a `name`; `app_module` holds the Celery app, `env` adds variables.
    Answers once the worker replies to a ping, so that what the test measures is not its
    start-up."""
    hostname = f"{queue}@{name}"
    schedule = ROOT / ".cache" / f"beat-{queue}"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test",
           "DATABASE_URL": worker_database_url(), "CELERY_QUEUE": queue,
           "SEARCH_INDEX_ALIAS": settings.SEARCH_INDEX_ALIAS,
           "ELASTICSEARCH_URL": settings.ELASTICSEARCH_URL,
           "OPENSEARCH_URL": settings.OPENSEARCH_URL, **(env or {})}
    command = [sys.executable, "-m", "celery", "-A", app_module, "worker", "--pool=solo",
               "-Q", queue, "-n", hostname, "--loglevel=warning"]
    if beat:
        command += ["--beat", "--schedule", str(schedule)]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    try:
        poll(lambda: process.poll() is not None
             or app.control.ping(destination=[hostname], timeout=0.5),
             seconds=60, what="the worker answering a ping")
        assert process.poll() is None, "the worker exited"
        yield process
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=30)
        print(output)  # shown by pytest when the test fails
        for path in ROOT.joinpath(".cache").glob(f"beat-{queue}*"):
            path.unlink()
