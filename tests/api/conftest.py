"""API tests run on a slice of the demo content, imported once per module inside a transaction
that is rolled back afterwards, and indexed by the database engine (real engines in their test).
"""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client, override_settings

from pages.sites import ensure_municipality_site
from search import pipeline
from tests.api.demo import demo_slice, sites_of

DATABASE_ENGINE = {"ELASTICSEARCH_URL": "", "OPENSEARCH_URL": "",
                   "SEARCH_INDEX_ALIAS": "api-tests"}


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


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo slice, published and indexed; everything is rolled back after the module."""
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


@pytest.fixture
def api(demo, db, settings) -> Client:
    """A client on Alytus' site, searching with the database engine."""
    for name, value in DATABASE_ENGINE.items():
        setattr(settings, name, value)
    return Client(HTTP_HOST="alytus.localhost")


def get_json(client: Client, url: str, status: int = 200, **headers) -> dict:
    response = client.get(url, headers=headers)
    assert response.status_code == status, response.content[:500]
    return response.json()
