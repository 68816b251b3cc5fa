"""A repeated request costs what the shared cache answers: the host's site scope, the index's
freshness and the search's answer are read from it, and none of them outlives the change that
makes it wrong (a site moved, a change recorded, a write acknowledged, a change falling due)."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.http import parse_http_date
from pydantic import create_model
from wagtail.models import Site

from cms.api import answer_cache
from cms.api.answer_cache import answer_key
from cms.api.edge import REQUEST_GENERATIONS
from cms.api.search_schemas import SearchOut
from cms.scope import site_scope
from pages.models import Municipality, MunicipalityHomePage, ProjectPage
from search import pipeline
from search.conf import shared_cache
from search.engines import get_engine
from search.freshness import (
    INDEX_GENERATION,
    generation_of,
    generations_read_at_once,
    index_changed,
)
from search.outbox import schedule_changes
from tests.api.conftest import get_json, on_analysing_engines
from tests.factories import home

pytestmark = pytest.mark.django_db
SEARCH = "/api/v1/search/?target_group=senyvo-amziaus-asmenys&sort=newest"


def scope_of(host: str):
    return site_scope(RequestFactory(HTTP_HOST=host).get("/api/v1/search/"))


def test_a_hosts_scope_is_read_once_and_follows_its_sites_hostname_and_root(api):
    assert scope_of("alytus.localhost").municipality == "alytus"
    with CaptureQueriesContext(connection) as captured:
        scope = scope_of("alytus.localhost")
        languages = set(scope.homes)
    assert (scope.municipality, languages, len(captured)) == ("alytus", {"lt", "en"}, 0)

    site = Site.objects.get(hostname="alytus.localhost")
    site.hostname = "www.alytus.localhost"
    site.save()
    assert scope_of("alytus.localhost") is None
    assert scope_of("www.alytus.localhost").municipality == "alytus"

    site.root_page = home("kalvarija")
    site.save()
    assert scope_of("www.alytus.localhost").municipality == "kalvarija"


def test_a_home_pages_published_change_reaches_its_hosts_scope(api):
    assert not scope_of("alytus.localhost").home.api_allowed_origins
    alytus = MunicipalityHomePage.objects.get(pk=home("alytus").pk)
    alytus.api_allowed_origins = "https://www.alytus.lt"
    alytus.save_revision().publish()
    assert scope_of("alytus.localhost").home.api_allowed_origins == "https://www.alytus.lt"


def test_a_municipality_renamed_or_a_site_deleted_reaches_its_hosts_scope(api):
    assert scope_of("alytus.localhost").municipality == "alytus"
    municipality = Municipality.objects.get(slug="alytus")
    municipality.slug = "alytaus-miestas"
    municipality.save()
    assert scope_of("alytus.localhost").municipality == "alytaus-miestas"
    Site.objects.get(hostname="alytus.localhost").delete()
    assert scope_of("alytus.localhost") is None


def test_the_index_freshness_is_read_once_and_never_older_than_a_pending_change(api):
    first = api.get(SEARCH + "&page_size=1")
    with CaptureQueriesContext(connection) as captured:
        again = api.get(SEARCH + "&page_size=2")
    assert again["Last-Modified"] == first["Last-Modified"]
    assert not [query for query in captured if "search_outboxentry" in query["sql"]]

    project = ProjectPage.objects.live().descendant_of(home("alytus")).first()
    project.title = f"{project.title} (pakeistas)"
    project.save_revision().publish()  # recorded, not yet written
    pending = api.get(SEARCH + "&page_size=3")
    assert parse_http_date(pending["Last-Modified"]) > parse_http_date(first["Last-Modified"])


@on_analysing_engines
def test_a_search_reads_what_its_answer_is_kept_under_in_one_round_trip(api, monkeypatch):
    """The generations (site scope, index, outbox, vocabularies) are read together once per
    request, the „did you mean“ beside the search included; one that the request bumps itself
    is read afresh."""
    index_changed()  # no answer is kept
    cache_class = type(shared_cache())
    read_alone, read_together = [], []
    get, get_many = cache_class.get, cache_class.get_many
    together = threading.local()  # a cache without a bulk read gets each key of `get_many`

    def read_one(cache, key, *args, **kwargs):
        if not getattr(together, "reading", False):
            read_alone.append(key)
        return get(cache, key, *args, **kwargs)

    def read_many(cache, keys, *args, **kwargs):
        read_together.append(list(keys))
        together.reading = True
        try:
            return get_many(cache, keys, *args, **kwargs)
        finally:
            together.reading = False

    monkeypatch.setattr(cache_class, "get", read_one)
    monkeypatch.setattr(cache_class, "get_many", read_many)
    assert get_json(api, "/api/v1/search/?q=paslaugos")["count"]
    assert read_together == [list(REQUEST_GENERATIONS)]
    assert not set(read_alone) & set(REQUEST_GENERATIONS)

    with generations_read_at_once([INDEX_GENERATION]):
        before = generation_of(INDEX_GENERATION)
        index_changed()
        assert generation_of(INDEX_GENERATION) > before


def test_a_repeated_search_is_answered_from_the_cache_without_the_engine(api, monkeypatch):
    before = answer_cache.answer_counts()
    first = api.get(SEARCH, headers={"Accept-Language": "en"})
    monkeypatch.setattr(type(get_engine()), "search", lambda *args: pytest.fail("engine asked"))
    with CaptureQueriesContext(connection) as captured:
        again = api.get(SEARCH, headers={"Accept-Language": "en"})
    assert again.status_code == first.status_code == 200
    assert (again.content, again["Link"], again["ETag"]) == (
        first.content, first["Link"], first["ETag"])
    assert len(captured) == 0
    counts = answer_cache.answer_counts()
    assert (counts.hits - before.hits, counts.misses - before.misses) == (1, 1)


def test_a_write_acknowledged_while_a_search_runs_is_not_answered_from_before_it(
        api, monkeypatch):
    """The answer read before the write is kept under the generation the write ended: the
    same search asks the engine again."""
    engine_search = type(get_engine()).search
    asked = []

    def search_meanwhile_written(engine, query):
        found = engine_search(engine, query)
        asked.append(query)
        if len(asked) == 1:
            index_changed()  # a write the engine acknowledged after reading this answer
        return found

    monkeypatch.setattr(type(get_engine()), "search", search_meanwhile_written)
    first, again = get_json(api, SEARCH), get_json(api, SEARCH)
    assert (len(asked), again) == (2, first)
    get_json(api, SEARCH)
    assert len(asked) == 2


def test_an_answer_is_kept_per_language_and_per_parameters(api):
    english = get_json(api, SEARCH + "&lang=en")
    lithuanian = get_json(api, SEARCH + "&lang=lt")
    assert english["facet_info"][0]["label"] != lithuanian["facet_info"][0]["label"]
    assert get_json(api, SEARCH + "&page_size=1")["results"] == lithuanian["results"][:1]


@on_analysing_engines
def test_a_publish_once_drained_reaches_the_next_identical_search(api):
    first = get_json(api, SEARCH + "&page_size=50")
    project = ProjectPage.objects.get(pk=next(hit["id"] for hit in first["results"]
                                              if hit["type"] == "project"))
    project.title = "Vaivorykštinis žirafų projektas"
    project.save_revision().publish()
    pipeline.drain()
    titles = {hit["id"]: hit["title"] for hit in get_json(api, SEARCH + "&page_size=50")["results"]}
    assert titles[project.pk] == "Vaivorykštinis žirafų projektas"


@on_analysing_engines
def test_an_unpublished_page_leaves_the_kept_answer_once_drained(api):
    first = get_json(api, SEARCH + "&page_size=50")
    # the last project: a remote index keeps what the module's other tests wrote to the first
    project = ProjectPage.objects.get(pk=[hit["id"] for hit in first["results"]
                                          if hit["type"] == "project"][-1])
    project.unpublish()
    pipeline.drain()
    again = get_json(api, SEARCH + "&page_size=50")
    assert again["count"] == first["count"] - 1
    assert project.pk not in {hit["id"] for hit in again["results"]}


def test_a_kept_answer_ends_when_a_scheduled_change_falls_due(api, monkeypatch):
    project = ProjectPage.objects.live().descendant_of(home("alytus")).first()
    due = timezone.now() + timedelta(hours=1)
    schedule_changes({project.pk: due})
    api.get(SEARCH)
    before = answer_cache.answer_counts()
    api.get(SEARCH)
    assert answer_cache.answer_counts().hits == before.hits + 1
    later = due + timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    api.get(SEARCH)
    after = answer_cache.answer_counts()
    assert (after.hits, after.misses) == (before.hits + 1, before.misses + 1)


def test_an_answer_kept_in_another_shape_is_not_served():
    """After a deploy that changes an answer's schema, answers kept by the processes before it
    are under other keys."""
    request = RequestFactory().get("/api/v1/search/?q=senjorai", HTTP_HOST="alytus.localhost")
    extended = create_model("SearchOut", __base__=SearchOut, extra=(str, ""))
    assert answer_key(request, [1, 1], SearchOut) == answer_key(request, [1, 1], SearchOut)
    assert answer_key(request, [1, 1], SearchOut) != answer_key(request, [1, 1], extended)
