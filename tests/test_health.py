"""Admin panel "Paieškos būklė": outbox figures, failed documents and retry, index vs database
counts, rebuild with progress; administrators see everything, moderators their municipality."""

import threading

import pytest
from django.core.cache import caches
from django.db import connection
from django.urls import reverse

from cms import rebuild as rebuilding
from pages.models import ProjectPage
from search import pipeline
from search.engines import get_engine
from search.models import OutboxEntry
from search.rebuild import DONE, QUEUED, RebuildProgress, read_progress
from search.reconcile import DRIFT, cache_key, reconcile
from tests.editorial import (
    OTHER,
    OWN,
    content_fixture,  # noqa: F401  (the `content` fixture)
    editor_of,
    make_user,
    moderator_of,
    national_admin,
)
from tests.search.conftest import elsewhere, engine_fixture

engine = engine_fixture(["database", "opensearch"])


@pytest.fixture
def indexed(engine, content):
    pipeline.drain()
    engine.refresh()
    return content


def panel(client, user):
    client.force_login(user)
    return client.get(reverse("cms_search_health"))


def figures(response) -> dict[str, tuple[int, int | None]]:
    return {row.tree.slug: (row.in_database, row.in_index)
            for row in response.context["report"].trees}


def fail(page, error: str = "mapper_parsing_exception: failed to parse [budget]") -> None:
    OutboxEntry.objects.filter(page_id=page.pk).update(pending=True, failed=True, attempts=5,
                                                      last_error=error)


def test_administrator_sees_outbox_and_counts_of_every_municipality(indexed, client):
    response = panel(client, make_user("admin", superuser=True))
    counts = figures(response)
    assert counts[OWN] == (2, 2)  # project and provider
    assert counts[OTHER] == (1, 1)
    assert counts["nacionalinis"] == (2, 2)  # two measures
    assert response.context["report"].pending == 0
    indexed.own_project.unpublish()
    response = client.get(reverse("cms_search_health"))
    report = response.context["report"]
    assert report.pending == 1 and report.oldest_pending is not None
    assert figures(response)[OWN] == (1, 2)
    assert national_admin().has_perms(["search.change_outboxentry"])


def test_failed_documents_are_listed_with_errors_and_retried(indexed, client):
    fail(indexed.own_project)
    response = panel(client, national_admin())
    assert [document.page_id for document in response.context["report"].failed] == [
        indexed.own_project.pk]
    assert "mapper_parsing_exception" in response.content.decode()
    client.post(reverse("cms_search_health_retry"))
    entry = OutboxEntry.objects.get(page_id=indexed.own_project.pk)
    assert not entry.failed and entry.pending
    pipeline.drain()
    assert not OutboxEntry.objects.get(page_id=indexed.own_project.pk).pending


def test_moderator_sees_and_retries_only_own_municipality(sites, indexed, client):
    fail(indexed.own_project)
    fail(indexed.other_project)
    response = panel(client, moderator_of(OWN, sites))
    assert set(figures(response)) == {OWN}
    assert [document.page_id for document in response.context["report"].failed] == [
        indexed.own_project.pk]
    assert response.context["progress"] is None  # no rebuild for moderators
    client.post(reverse("cms_search_health_retry"))
    assert not OutboxEntry.objects.get(page_id=indexed.own_project.pk).failed
    assert OutboxEntry.objects.get(page_id=indexed.other_project.pk).failed


def test_editors_and_anonymous_users_are_refused(sites, indexed, client):
    assert client.get(reverse("cms_search_health")).status_code == 302
    response = panel(client, editor_of(OWN, sites))
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def test_rebuild_runs_as_a_task_and_reports_progress(sites, engine, indexed, client,
                                                     monkeypatch):
    from workers.tasks import rebuild_search_index

    moderator = moderator_of(OWN, sites)
    client.force_login(moderator)
    client.post(reverse("cms_search_health_rebuild"))
    assert read_progress().state == "idle"  # moderators cannot rebuild
    monkeypatch.setitem(rebuild_search_index.app.conf, "task_always_eager", True)  # its chunks too
    response = panel(client, national_admin())
    assert "Perkurti paieškos indeksą" in response.content.decode()
    client.post(reverse("cms_search_health_rebuild"))
    progress = read_progress()
    assert progress.state == DONE and progress.done == progress.total > 0
    engine.refresh()
    response = client.get(reverse("cms_search_health"))
    assert "Baigta" in response.content.decode()
    assert figures(response)[OWN] == (2, 2)


@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="two requests side by side, each with its connection: PostgreSQL")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("engine", ["database"], indirect=True)
def test_two_clicks_at_once_queue_one_rebuild(engine, monkeypatch):
    """The other click comes once this one has read that no rebuild is under way."""
    queued: list[dict] = []
    monkeypatch.setattr(rebuilding.rebuild_search_index, "apply_async",
                        lambda **options: queued.append(options))
    read = rebuilding.read_progress
    other_click: list[threading.Thread] = []
    outcome: list = []

    def another_click_meanwhile() -> RebuildProgress:
        progress = read()
        if not other_click:
            other_click.append(elsewhere(rebuilding.start_rebuild, outcome))
            other_click[0].join(timeout=5)  # or it waits for this click to be done
        return progress

    monkeypatch.setattr(rebuilding, "read_progress", another_click_meanwhile)
    assert rebuilding.start_rebuild().state == QUEUED
    other_click[0].join(timeout=60)
    assert [progress.state for progress in outcome] == [QUEUED]
    assert len(queued) == 1


def test_the_panel_shows_the_drift_the_last_reconcile_pass_found(indexed, client):
    caches["shared"].delete(cache_key(DRIFT))
    response = panel(client, make_user("admin", superuser=True))
    assert response.context["report"].drift is None
    ProjectPage.objects.filter(pk=indexed.own_project.pk).update(title="Pakeista be signalo")
    reconcile()
    response = client.get(reverse("cms_search_health"))
    assert response.context["report"].drift == {"missing": 0, "stale": 1, "orphans": 0,
                                                "checked": response.context["report"]
                                                .drift["checked"]}
    assert "pasenę 1" in response.content.decode()


def test_the_panel_says_when_the_index_was_built_by_an_earlier_version(indexed, client,
                                                                       monkeypatch):
    response = panel(client, make_user("admin", superuser=True))
    assert not response.context["report"].outdated_schema
    assert 'data-figure="schema"' not in response.content.decode()
    monkeypatch.setattr(type(get_engine()), "schema_version", lambda engine: "upgraded-schema")
    response = client.get(reverse("cms_search_health"))
    assert response.context["report"].outdated_schema
    assert 'data-figure="schema"' in response.content.decode()
