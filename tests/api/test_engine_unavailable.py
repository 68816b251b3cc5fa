"""When the search engine cannot answer. The API answers a 503 problem saying when to ask again;
the residents' pages that show search results (the search page, collection pages and their
feeds) a 503 page in the site's chrome; neither is kept by a cache, and the same request
answers once the engine does. A search whose „did you mean“ alone failed answers without it,
and that answer is not kept either."""

import json
from urllib.parse import urlencode

import pytest
from django.test import Client

from pages.models import CollectionPage
from tests.api.conftest import get_json
from tests.factories import add_page, home
from tests.search.conftest import URL_SETTINGS
from tests.search.failing_proxy import SHARDS_FAILED, failing_proxy

pytestmark = [pytest.mark.django_db,
              pytest.mark.parametrize("search_engine", list(URL_SETTINGS), indirect=True)]
NOT_ANSWERING = "Paieška šiuo metu neveikia. Pabandykite dar kartą po kelių akimirkų."
SEARCHING_OPERATIONS = [
    "/api/v1/search/?q=paslaugos", "/api/v1/search/?target_group=senyvo-amziaus-asmenys",
    "/api/v1/search/suggest/?q=pasl", "/api/v1/taxonomies/target_group/",
    "/api/v1/@querystring-search?" + urlencode({"query": json.dumps({"query": [
        {"i": "portal_type", "o": "plone.app.querystring.operation.selection.any",
         "v": ["NewsPage"]}]})}),
]


@pytest.fixture
def collection(api) -> CollectionPage:
    page = CollectionPage(title="Projektai senjorams", slug="senjorams",
                          filters="target_group=senyvo-amziaus-asmenys", page_size=5)
    return add_page(home("alytus"), page, publish=True)


def url_setting(search_engine: dict) -> str:
    return next(name for name in URL_SETTINGS.values() if search_engine[name])


@pytest.fixture
def engine_down(api, settings, search_engine) -> Client:
    """The API client, with the engine's server not answering (nothing listens there)."""
    setattr(settings, url_setting(search_engine), "http://127.0.0.1:9")
    return api


def assert_passing_failure(response) -> None:
    assert response.status_code == 503, response.content[:300]
    assert response["Retry-After"] == "10"
    assert "no-store" in response["Cache-Control"] and "public" not in response["Cache-Control"]


@pytest.mark.parametrize("address", SEARCHING_OPERATIONS)
def test_a_searching_operation_answers_a_503_problem_then_answers_again(
        engine_down, address, settings, search_engine):
    response = engine_down.get(address)
    assert_passing_failure(response)
    assert response["Content-Type"] == "application/problem+json"
    assert response.json() == {"type": "about:blank", "title": "Service Unavailable",
                               "status": 503, "detail": NOT_ANSWERING}
    setting = url_setting(search_engine)
    setattr(settings, setting, search_engine[setting])  # the engine answers again
    assert engine_down.get(address).status_code == 200


@pytest.mark.parametrize(("address", "words"), [
    ("/paieska/?q=paslaugos", ["Paieška šiuo metu neveikia", "Bandyti dar kartą"]),
    ("/en/search/?q=services", ["Search is not working at the moment", "Try again"]),
])
def test_the_search_page_answers_a_503_page_in_its_language(engine_down, address, words):
    response = engine_down.get(address)
    assert_passing_failure(response)
    html = response.content.decode()
    assert all(word in html for word in words)
    assert 'class="site-name" href="/' in html  # the site's chrome
    assert f'href="{address}"' in html  # try again


def test_a_collection_answers_503_as_a_page_a_feed_and_through_the_api(collection, engine_down):
    for address in ("/senjorams/", f"/feeds/collections/{collection.pk}.rss",
                    f"/api/v1/collections/{collection.pk}/",
                    f"/api/v1/collections/{collection.pk}/jsonld/"):
        assert_passing_failure(engine_down.get(address))
    assert engine_down.get("/").status_code == 200  # no search on it
    assert engine_down.get("/api/v1/collections/?municipality=alytus").status_code == 200


def test_a_search_whose_did_you_mean_failed_answers_without_it_and_is_not_kept(
        api, settings, search_engine):
    address = "/api/v1/search/?q=pasluagos&municipality=alytus"
    setting = url_setting(search_engine)
    with failing_proxy(search_engine[setting]) as proxy:
        setattr(settings, setting, proxy.url)
        proxy.failing_bodies_with = b'"suggest"'  # only the request for „did you mean“
        proxy.failures = [SHARDS_FAILED] * 2
        response = api.get(address)
        body = response.json()
        assert (body["did_you_mean"], proxy.failures) == (None, [])
        assert body["count"] > 0
        assert "no-store" in response["Cache-Control"]
        assert get_json(api, address)["did_you_mean"] == "paslaugos"  # asked, not kept


def test_an_editors_preview_of_a_collection_shows_the_page_saying_its_results_wait(
        collection, engine_down):
    response = collection.make_preview_request()
    html = response.content.decode()
    assert response.status_code == 200
    assert "Projektai senjorams" in html
    assert "Paieška šiuo metu neveikia: rezultatai bus parodyti čia, kai ji atsakys." in html
