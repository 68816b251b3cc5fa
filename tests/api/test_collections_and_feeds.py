"""Collections (saved searches) through the API, as pages and as feeds; news feeds."""

import xml.etree.ElementTree as ElementTree

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale

from pages.models import CollectionPage, MunicipalityHomePage, NewsPage
from tests.api.conftest import get_json, on_each_engine
from tests.factories import add_page, home

pytestmark = pytest.mark.django_db
SAVED_FILTERS = "target_group=senyvo-amziaus-asmenys&content_type=project"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def collection(api) -> CollectionPage:
    page = CollectionPage(title="Projektai senjorams", slug="senjorams", filters=SAVED_FILTERS,
                          sort="newest", page_size=5)
    return add_page(home("alytus"), page, publish=True)


@on_each_engine
def test_collection_detail_returns_the_live_results_of_its_query(api, collection):
    detail = get_json(api, f"/api/v1/collections/{collection.pk}/")
    search = get_json(api, f"/api/v1/search/?{SAVED_FILTERS}&sort=newest&page_size=5")
    assert detail["query"] == {"q": "", "sort": "newest", "filters": {
        "target_group": ["senyvo-amziaus-asmenys"], "content_type": ["project"]}}
    assert detail["results"]["count"] == search["count"] > 0
    hits = detail["results"]["results"]
    assert [hit["id"] for hit in hits] == [hit["id"] for hit in search["results"]]
    assert len(hits) == min(5, search["count"]) and {hit["type"] for hit in hits} == {"project"}
    dates = [hit["date"] for hit in hits if hit["date"]]
    assert dates == sorted(dates, reverse=True)
    listed = get_json(api, "/api/v1/collections/?municipality=alytus")["results"]
    assert [item["id"] for item in listed] == [collection.pk]
    document = get_json(api, f"/api/v1/collections/{collection.pk}/jsonld/")
    assert document["@type"] == "CollectionPage"
    assert document["mainEntity"]["numberOfItems"] == search["count"]


@on_each_engine
def test_collection_page_renders_its_results_for_residents(api, collection):
    search = get_json(api, f"/api/v1/search/?{SAVED_FILTERS}&sort=newest&page_size=5")
    response = api.get("/senjorams/")
    assert response.status_code == 200
    html = response.content.decode()
    assert all(hit["title"] in html for hit in search["results"])
    assert 'href="/paieska/?target_group=senyvo-amziaus-asmenys' in html


def test_a_collection_with_an_unknown_facet_value_cannot_be_saved(collection):
    collection.filters = "target_group=marsieciai"
    with pytest.raises(ValidationError) as error:
        collection.full_clean()
    assert "filters" in error.value.message_dict


@on_each_engine
@pytest.mark.parametrize("suffix", ["rss", "atom"])
def test_collection_feed_lists_its_results(api, collection, suffix):
    response = api.get(f"/feeds/collections/{collection.pk}.{suffix}")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    titles = [item.findtext("title") for item in root.iter("item")] or \
        [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")]
    search = get_json(api, f"/api/v1/search/?{SAVED_FILTERS}&sort=newest&page_size=5")
    assert titles == [hit["title"] for hit in search["results"]]


def test_collection_feed_is_only_served_on_its_own_site(api, collection, client):
    response = client.get(f"/feeds/collections/{collection.pk}.rss",
                          headers={"host": "kalvarija.localhost"})
    assert response.status_code == 404


@pytest.mark.parametrize(("path", "language"), [("/feeds/news.rss", "lt"),
                                                ("/en/feeds/news.atom", "en")])
def test_news_feed_of_a_municipality_lists_only_its_own_news(api, path, language):
    response = api.get(path)
    assert response.status_code == 200
    home = MunicipalityHomePage.objects.get(slug="alytus")
    home = home.get_translation(Locale.objects.get(language_code=language))
    own = set(NewsPage.objects.live().descendant_of(home).values_list("title", flat=True))
    body = response.content.decode()
    assert own and all(title in body for title in list(own)[:5])
    others = NewsPage.objects.live().not_descendant_of(home).values_list("title", flat=True)
    assert not any(f">{title}<" in body for title in others)
