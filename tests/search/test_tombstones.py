"""A deleted page stays deleted when a late, older write arrives after the engine forgot the
delete (Elasticsearch and OpenSearch keep a delete's version for `index.gc_deletes`, 60 s by
default; the database engine keeps a tombstone row for good).

What happens, engine by engine:
- database engine: the write path refuses the older write (the tombstone keeps the version);
- Elasticsearch, OpenSearch: once the window has passed, the older write with external
  versioning is accepted and the page comes back; `reconcile` finds it as an orphan and the next
  drain deletes it again.
"""

import time

import pytest
from wagtail.models import Page

from pages.models import ProjectPage
from search import pipeline
from search.models import OutboxEntry
from search.query import SearchQuery
from search.reconcile import reconcile
from tests.factories import MEASURE, PROJECT, PROVIDER

WINDOW_SECONDS = 60


@pytest.fixture
def project(sites, run_import, engine) -> ProjectPage:
    result = run_import([PROVIDER, MEASURE, PROJECT])
    assert not result.failed, result.stderr
    sync(engine)
    return ProjectPage.objects.get()


def sync(engine) -> None:
    pipeline.drain()
    engine.refresh()


def found(engine) -> set[int]:
    return {hit.id for hit in engine.search(SearchQuery(page_size=50)).hits}


def forget_deletes_at_once(engine) -> None:
    client = getattr(engine, "client", None)
    if client is not None:
        client.indices.put_settings(index=engine.alias, body={"index": {"gc_deletes": "0s"}})
        settings = client.indices.get_settings(index=engine.alias, name="index.gc_deletes")
        assert [index["settings"]["index"]["gc_deletes"]
                for index in settings.values()] == ["0s"]


def send_late_write(engine, stale, page_id: int) -> bool:
    """Send the late write again and again (bounded) until the page is back or a remote
    engine has had the time to forget the delete (the database engine keeps deletes as rows,
    so once is enough there); whether the page came back."""
    remote = getattr(engine, "client", None) is not None
    deadline = time.monotonic() + (WINDOW_SECONDS if remote else 0)
    while True:
        results = engine.bulk(stale)
        assert [result.error for result in results] == [""]  # acknowledged either way
        engine.refresh()
        if page_id in found(engine) or time.monotonic() > deadline:
            return page_id in found(engine)
        time.sleep(0.2)


def test_a_late_older_write_does_not_keep_a_deleted_page_in_the_index(engine, project):
    forget_deletes_at_once(engine)
    version = OutboxEntry.objects.get(page_id=project.pk).version
    stale = pipeline.actions_for({project.pk: version})  # a slow worker built it before …
    assert stale[0].document
    Page.objects.get(pk=project.pk).delete()  # … the page was deleted and the delete drained
    sync(engine)
    assert project.pk not in found(engine)
    deleted_at = OutboxEntry.objects.get(page_id=project.pk).version
    assert deleted_at > version

    resurrected = send_late_write(engine, stale, project.pk)
    # the write path keeps a delete only as long as the engine keeps its version
    assert resurrected is (engine.__class__.__name__ != "DatabaseEngine")

    result = reconcile()
    assert (result.missing, result.stale) == (set(), set())
    assert result.orphans == ({project.pk} if resurrected else set())
    sync(engine)
    assert project.pk not in found(engine)
    again = reconcile()
    assert (again.missing, again.stale, again.orphans) == (set(), set(), set())
