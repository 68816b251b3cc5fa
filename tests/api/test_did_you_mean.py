"""`did_you_mean` of /api/v1/search/ and the search page's „Ar turėjote omenyje“ link, and the
search statistics both record, on the demo content."""

import threading
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import Site

from search.engines import get_engine
from search.models import SearchedText
from tests.api.conftest import get_json, on_each_engine

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("one_day")]


@on_each_engine
def test_a_mistyped_word_gets_the_indexed_spelling(api):
    body = get_json(api, "/api/v1/search/?q=pasluagos%20senjorams")
    assert body["did_you_mean"] == "paslaugos senjorams"


@on_each_engine
def test_frequent_words_get_no_suggestion(api):
    assert get_json(api, "/api/v1/search/?q=paslaugos%20senjorams")["did_you_mean"] is None


@pytest.mark.parametrize("search_engine", ["opensearch"], indirect=True)
def test_a_remote_engine_is_asked_for_the_results_and_the_suggestion_side_by_side(
        api, monkeypatch):
    """Each waits for the other to have started: asked one after the other, they would not
    meet and the answer would fail."""
    both_asked = threading.Barrier(2, timeout=60)
    engine_class = type(get_engine())

    def meeting(method):
        def asked(*args, **kwargs):
            both_asked.wait()
            return method(*args, **kwargs)
        return asked

    for name in ("search", "nearby_words"):
        monkeypatch.setattr(engine_class, name, meeting(getattr(engine_class, name)))
    body = get_json(api, "/api/v1/search/?q=pasluagos")
    assert body["did_you_mean"] == "paslaugos" and body["count"] > 0
    assert "paslaugos" in api.get("/paieska/?q=pasluagos%20senjoru").content.decode()


def test_the_suggestion_comes_with_the_first_page_only(api):
    body = get_json(api, "/api/v1/search/?q=pasluagos&page_size=1")
    assert body["did_you_mean"] == "paslaugos" and body["next_cursor"]
    assert get_json(api, "/api/v1/search/?q=pasluagos&page_size=1&page=2")["did_you_mean"] is None
    paged = get_json(api, f"/api/v1/search/?q=pasluagos&page_size=1&cursor={body['next_cursor']}")
    assert paged["did_you_mean"] is None


def test_the_search_page_links_the_suggested_search(api):
    page = api.get("/paieska/?q=pasluagos&target_group=senyvo-amziaus-asmenys")
    assert page.status_code == 200
    assert ('Ar turėjote omenyje: <a data-enhance href="?q=paslaugos'
            '&amp;target_group=senyvo-amziaus-asmenys">paslaugos</a>') in page.content.decode()
    english = api.get("/en/search/?q=servises")
    assert 'Did you mean: <a data-enhance href="?q=services">services</a>' \
        in english.content.decode()
    assert "Did you mean" not in api.get("/en/search/?q=services").content.decode()


def test_each_first_page_of_a_search_for_words_is_counted_per_site_and_day(api):
    """Answers kept from an earlier request (the repeated one) are counted too."""
    alytus = Site.objects.get(hostname="alytus.localhost")
    for url in ["/api/v1/search/?q=Paslaugos", "/paieska/?q=paslaugos%20", "/paieska/?q=zzzzzz",
                "/api/v1/search/?q=zzzzzz", "/api/v1/search/?q=zzzzzz",
                "/api/v1/search/?q=paslaugos&page=2&page_size=1",
                "/api/v1/search/?content_type=project"]:
        assert api.get(url).status_code == 200
    Client(HTTP_HOST="kalvarija.localhost").get("/paieska/?q=zzzzzz")
    rows = {(row.site.hostname, row.text): (row.searches, row.without_results)
            for row in SearchedText.objects.select_related("site")}
    assert rows == {("alytus.localhost", "paslaugos"): (2, 0),
                    ("alytus.localhost", "zzzzzz"): (3, 3),
                    ("kalvarija.localhost", "zzzzzz"): (1, 1)}
    assert {row.day for row in SearchedText.objects.filter(site=alytus)} == {
        timezone.localdate()}
    assert timezone.localdate() - timedelta(days=1) not in {
        row.day for row in SearchedText.objects.all()}
