"""List and detail endpoints of each page type, taxonomies and municipalities."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pages.models import NewsPage, ProjectPage
from tests.api.conftest import get_json, on_each_engine

pytestmark = pytest.mark.django_db
CONTENT_TYPES = ["projects", "measures", "providers", "news"]
JSON_LD_TYPES = {"projects": "Project", "measures": "FundingScheme",
                 "providers": {"Organization", "GovernmentOrganization"},
                 "news": "NewsArticle"}


@pytest.mark.parametrize("key", CONTENT_TYPES)
def test_list_and_detail_of_every_page_type(api, key):
    listing = get_json(api, f"/api/v1/{key}/?page_size=3")
    assert listing["count"] > 3 and len(listing["results"]) == 3
    item = listing["results"][0]
    detail = get_json(api, f"/api/v1/{key}/{item['id']}/")
    assert {name: detail[name] for name in item} == item
    assert detail["url"].startswith("http://") and detail["locale"] in {"lt", "en"}


@pytest.mark.parametrize("key", CONTENT_TYPES)
def test_detail_as_json_ld_is_its_own_operation(api, key):
    page_id = get_json(api, f"/api/v1/{key}/?page_size=1")["results"][0]["id"]
    response = api.get(f"/api/v1/{key}/{page_id}/jsonld/")
    assert response.headers["Content-Type"].startswith("application/ld+json")
    detail = api.get(f"/api/v1/{key}/{page_id}/", headers={"Accept": "application/ld+json"})
    assert detail.headers["Content-Type"].startswith("application/json")
    document = response.json()
    assert document["@context"] == "https://schema.org"
    expected = JSON_LD_TYPES[key]
    assert document["@type"] in expected if isinstance(expected, set) else \
        document["@type"] == expected
    assert document["url"] and document["name"]


def test_project_json_ld_carries_the_grant(api):
    project = ProjectPage.objects.live().filter(eu_amount__isnull=False).first()
    document = get_json(api, f"/api/v1/projects/{project.pk}/jsonld/")
    assert document["funding"]["@type"] == "MonetaryGrant"
    assert document["funding"]["amount"] == {"@type": "MonetaryAmount", "currency": "EUR",
                                             "value": float(project.eu_amount)}


def test_filters_narrow_and_ordering_is_stable_across_pages(api):
    everything = get_json(api, "/api/v1/projects/?page_size=50")["count"]
    alytus = get_json(api, "/api/v1/projects/?municipality=alytus&language=lt&page_size=50")
    assert 0 < alytus["count"] < everything
    assert all(item["locale"] == "lt" for item in alytus["results"])
    running = get_json(api, "/api/v1/projects/?status=running&target_group="
                            "senyvo-amziaus-asmenys&page_size=50")
    assert all(item["status"] == "running" for item in running["results"])
    assert all(any(group["slug"] == "senyvo-amziaus-asmenys" for group in item["target_groups"])
               for item in running["results"])
    dated = get_json(api, "/api/v1/projects/?date_from=2021-01-01&sort=newest&page_size=50")
    starts = [item["start_date"] for item in dated["results"]]
    assert starts and all(start >= "2021-01-01" for start in starts if start)
    pages = [get_json(api, f"/api/v1/projects/?page_size=7&page={n}")["results"]
             for n in (1, 2, 3)]
    ids = [item["id"] for page in pages for item in page]
    assert len(ids) == len(set(ids)) == 21
    titles = [item["title"] for item in pages[0]]
    assert titles == sorted(titles)


def test_news_filters_by_kind_and_date(api):
    news = get_json(api, "/api/v1/news/?kind=event&date_from=2000-01-01&sort=newest")
    assert news["count"] and all(item["kind"] == "event" for item in news["results"])
    dates = [item["date"] for item in news["results"]]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize("key", [*CONTENT_TYPES, "collections"])
def test_a_list_costs_the_same_number_of_queries_for_1_or_50_items(api, key):
    def queries(page_size: int) -> int:
        with CaptureQueriesContext(connection) as captured:
            response = api.get(f"/api/v1/{key}/?page_size={page_size}&municipality=alytus")
        assert response.status_code == 200
        return len(captured)

    queries(1)  # the process's caches (site root paths, term labels) filled once
    assert queries(1) == queries(50)


@on_each_engine
def test_taxonomies_have_labels_in_both_languages_and_usage_counts(api):
    vocabularies = {item["key"]: item for item in get_json(api, "/api/v1/taxonomies/")}
    assert {"target_group", "service_type", "fund", "municipality"} <= set(vocabularies)
    groups = get_json(api, "/api/v1/taxonomies/target_group/?lang=en")
    seniors = next(term for term in groups["term_list"]
                   if term["slug"] == "senyvo-amziaus-asmenys")
    assert seniors["labels"]["lt"].startswith("Senyvo") and seniors["label"] == \
        seniors["labels"]["en"]
    search = get_json(api, "/api/v1/search/?target_group=senyvo-amziaus-asmenys")
    assert seniors["usage"] == search["count"] > 0


def test_municipalities_list_their_sites(api):
    municipalities = {item["slug"]: item for item in get_json(api, "/api/v1/municipalities/")}
    assert municipalities["alytus"]["site"]["hostname"] == "alytus.localhost"
    assert municipalities["alytus"]["region"]["slug"]
    with_site = get_json(api, "/api/v1/municipalities/?with_site=true")
    assert {item["slug"] for item in with_site} >= {"alytus", "kalvarija"}
    assert all(item["site"] for item in with_site)


def test_news_detail_names_only_published_related_pages(api):
    news = NewsPage.objects.live().filter(about_projects__isnull=False).first()
    project = news.about_projects.first()
    project.unpublish()
    detail = get_json(api, f"/api/v1/news/{news.pk}/")
    assert project.pk not in {ref["id"] for ref in detail["about_projects"]}
