import json
import time
from collections.abc import Callable, Iterator
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone, translation
from hypothesis import settings as hypothesis_settings
from wagtail.models import Site

from pages.sites import ensure_municipality_site

DEMO_SITES = ["alytus", "kalvarija", "elektrenai", "marijampole", "nacionalinis"]
REMOTE_ENGINES = {"elasticsearch", "opensearch"}
TESTS = Path(__file__).parent
# modules that start worker processes on Redis, need PostgreSQL's locking, or run the demo's
# commands on a database of their own (once is enough)
SERVICE_MODULES = {TESTS / "search" / name for name in (
    "test_worker.py", "test_concurrency.py", "test_operator_commands.py",
    "test_services_script.py", "test_rebuild_workers.py")}
# modules that start the demo or a second project as processes on databases of their own: the
# same whatever database the suite runs on, so `make test` runs them once
STANDALONE_MODULES = {TESTS / "browser" / "test_demo.py", TESTS / "test_plugin.py"}


# Properties, not timings: an example is never failed for taking long on a busy machine
hypothesis_settings.register_profile("suite", deadline=None, print_blob=True)
hypothesis_settings.load_profile("suite")
# `make test-fast` (--hypothesis-profile=fast): fewer random examples, for an inner loop
hypothesis_settings.register_profile("fast", hypothesis_settings.get_profile("suite"),
                                     max_examples=5)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives Chromium")
    config.addinivalue_line(
        "markers", "standalone: runs processes on databases of its own, not the suite's")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark what each test needs, so that `make test-fast` can leave out what needs services:
    a remote engine among its parameters, a worker or PostgreSQL, a browser; and what does not
    use the suite's database at all."""
    for item in items:
        callspec = getattr(item, "callspec", None)
        if callspec and REMOTE_ENGINES & {str(value) for value in callspec.params.values()}:
            item.add_marker(pytest.mark.engine)
        if item.path in SERVICE_MODULES:
            item.add_marker(pytest.mark.services)
        if TESTS / "browser" in item.path.parents:
            item.add_marker(pytest.mark.browser)
        if item.path in STANDALONE_MODULES and not item.get_closest_marker("django_db"):
            item.add_marker(pytest.mark.standalone)


def create_demo_sites() -> dict:
    return {slug: ensure_municipality_site(slug, f"{slug}.localhost") for slug in DEMO_SITES}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Set the instance up for municipalities (as a deployment runs `esparama_setup` after
    `migrate`) and create the demo sites once; each test's transaction rolls back on top."""
    with django_db_blocker.unblock():
        call_command("esparama_setup", stdout=StringIO())
        serialize_set_up_database()
        create_demo_sites()


def serialize_set_up_database() -> None:
    """Tests with `serialized_rollback=True` restore the data serialized when the test database
    was created, right after `migrate`; serialize it again after `esparama_setup`, so that they
    restore the database as a deployment has it (locales, no catch-all site)."""
    from django.db import connections

    for connection in connections.all():
        if hasattr(connection, "_test_serialized_contents"):
            connection._test_serialized_contents = connection.creation.serialize_db_to_string()


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """Each test starts in the default language (Lithuanian), whatever language the requests of
    an earlier test activated in this thread, and leaves it as it found it."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture
def one_day(monkeypatch) -> None:
    """Searches are counted per day: the test's all fall on one, even across midnight."""
    today = timezone.localdate()
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: today)


@pytest.fixture(autouse=True)
def _forget_term_labels() -> None:
    """A test's rolled-back term edits must not linger in the search's label cache."""
    from search import facets

    facets._term_labels.clear()
    facets._generation_seen.update(value=-1, at=float("-inf"))


@pytest.fixture(autouse=True)
def _forget_site_root_paths() -> None:
    """Wagtail caches the sites' root paths; a rolled-back test's sites must not linger."""
    Site.clear_site_root_paths_cache()


@pytest.fixture(autouse=True)
def _forget_kept_answers() -> None:
    """What the shared cache keeps of a rolled-back test's database (site scopes, the index's
    freshness, search answers) must not be served to the next test."""
    from cms.scope import SCOPE_GENERATION
    from search.conf import shared_cache
    from search.freshness import INDEX_GENERATION, OUTBOX_GENERATION

    shared_cache().set_many(dict.fromkeys((SCOPE_GENERATION, OUTBOX_GENERATION,
                                           INDEX_GENERATION), time.time_ns()), None)


@pytest.fixture
def sites(db) -> dict:
    return create_demo_sites()


class ImportResult:
    def __init__(self, stdout: str, stderr: str, failed: bool) -> None:
        self.stdout, self.stderr, self.failed = stdout, stderr, failed

    @property
    def errors(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.startswith("eilutė")]


@pytest.fixture
def run_import(tmp_path: Path) -> Callable[..., ImportResult]:
    """Write lines (dicts or raw strings) to a file and run import_content on it."""

    def run(lines: list, *options: str) -> ImportResult:
        path = tmp_path / "import.jsonl"
        path.write_text("\n".join(line if isinstance(line, str) else json.dumps(line)
                                  for line in lines) + "\n", encoding="utf-8")
        return run_file(path, *options)

    return run


def run_file(path: Path, *options: str) -> ImportResult:
    out, err = StringIO(), StringIO()
    try:
        call_command("import_content", str(path), "--no-progress", *options, stdout=out,
                     stderr=err)
        failed = False
    except CommandError:
        failed = True
    return ImportResult(out.getvalue(), err.getvalue(), failed)
