"""API tests run on a slice of the demo content, imported once for the whole package inside a
transaction that is rolled back afterwards, and indexed by the database engine; each test's own
changes roll back to it. A test marked `on_each_engine`
runs once on each search engine: a remote engine's index of the slice is built once per module.
"""

import json
import os
import uuid
from collections.abc import Callable, Iterator
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client, override_settings

from pages.sites import ensure_municipality_site
from search import pipeline
from search.engines import get_engine
from search.rebuild import run_rebuild
from tests.api.demo import demo_slice, sites_of
from tests.search.conftest import URL_SETTINGS, drop_indices

DATABASE_ENGINE = {"ELASTICSEARCH_URL": "", "OPENSEARCH_URL": "",
                   "SEARCH_INDEX_ALIAS": "api-tests"}
SEARCH_ENGINES = ["database", "elasticsearch", "opensearch"]
on_each_engine = pytest.mark.parametrize("search_engine", SEARCH_ENGINES, indirect=True)
"""Run a test once on each search engine (tests/conftest.py marks the remote ones `engine`)."""
on_analysing_engines = pytest.mark.parametrize("search_engine", ["database", "opensearch"],
                                               indirect=True)
"""… on each engine that analyses Lithuanian (the Elasticsearch test distribution has no
analysis-common module, see tests/search/conftest.py)."""


def import_lines(lines: list[dict], directory: Path) -> None:
    for slug in sorted(sites_of(lines)):
        ensure_municipality_site(slug, f"{slug}.localhost")
    path = directory / "demo-slice.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    call_command("import_content", str(path), "--no-progress", stdout=StringIO())


def refresh_planner_statistics() -> None:
    """PostgreSQL plans by statistics that autovacuum gathers from committed rows only: without
    them, the search's queries over rows this transaction added are planned for empty tables
    (nested loops over thousands of rows, seconds per query). ANALYZE here counts them."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


@pytest.fixture(scope="package")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo slice, published and indexed; everything is rolled back after the package's
    last test. No fixture of a narrower scope may write to the database outside a test."""
    with django_db_blocker.unblock(), override_settings(**DATABASE_ENGINE):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            import_lines(demo_slice(), tmp_path_factory.mktemp("demo"))
            pipeline.drain()
            refresh_planner_statistics()
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def remote_engine_settings(kind: str) -> dict:
    url = os.environ.get(URL_SETTINGS[kind], "")
    if not url:
        pytest.fail(f"{URL_SETTINGS[kind]} is not set: start the engines with `make services`.")
    return {**DATABASE_ENGINE, URL_SETTINGS[kind]: url,
            "SEARCH_INDEX_ALIAS": f"api-{kind}-{uuid.uuid4().hex[:10]}"}


@pytest.fixture(scope="module")
def engine_indices(demo, django_db_blocker) -> Iterator[Callable[[str], dict]]:
    """The settings of an engine holding the demo slice. A remote engine's index is rebuilt
    from the slice on a module's first test on it, refreshed, and dropped after the module."""
    built, created = {"database": DATABASE_ENGINE}, []

    def settings_of(kind: str) -> dict:
        if kind not in built:
            engine_settings = remote_engine_settings(kind)
            created.append(engine_settings)
            with django_db_blocker.unblock(), override_settings(**engine_settings):
                run_rebuild()
                get_engine().refresh()
            built[kind] = engine_settings
        return built[kind]

    yield settings_of
    for engine_settings in created:
        with override_settings(**engine_settings):
            drop_indices(get_engine())


@pytest.fixture
def search_engine(request, engine_indices) -> dict:
    """The settings of the engine a test searches with: the database engine, unless the test
    is parametrized (`on_each_engine`)."""
    return engine_indices(getattr(request, "param", "database"))


@pytest.fixture
def api(search_engine, db, settings) -> Client:
    """A client on Alytus' site, searching with the database engine or the test's engine."""
    for name, value in search_engine.items():
        setattr(settings, name, value)
    return Client(HTTP_HOST="alytus.localhost")


def get_json(client: Client, url: str, status: int = 200, **headers) -> dict:
    response = client.get(url, headers=headers)
    assert response.status_code == status, response.content[:500]
    return response.json()
