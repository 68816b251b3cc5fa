"""What a front-end needs to show the search's facets without hard-coding them: `facet_info`
(key, label in the request's language, type, order, parent facet), the parents of hierarchical
values (region → county → municipality; broader target groups), measures labelled by name, and
the `county` facet and filter."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pages.models import County, FundingMeasurePage, Municipality, TargetGroup
from search.facets import BUDGET_BANDS, FACETS
from tests.api.conftest import get_json, on_each_engine

pytestmark = pytest.mark.django_db
ALYTUS_COUNTY, CENTRAL = "alytaus-apskritis", "vidurio-ir-vakaru-lietuvos-regionas"
MEASURE = "08.1.1-CPVA-R-407"
HIERARCHY = {"target_group": "target_group", "municipality": "county", "county": "region",
             "region": None}


def facet_info(body: dict) -> dict[str, dict]:
    return {info["key"]: info for info in body["facet_info"]}


def values(body: dict, key: str) -> dict[str, dict]:
    return {value["value"]: value for value in body["facets"][key]}


def test_facet_info_lists_every_facet_in_display_order_with_its_type_and_parent(api):
    body = get_json(api, "/api/v1/search/")
    info = body["facet_info"]
    assert [item["key"] for item in info] == [facet.key for facet in FACETS] == list(
        body["facets"])
    assert [item["order"] for item in info] == list(range(1, len(FACETS) + 1))
    types = {item["key"]: item["type"] for item in info}
    assert {key for key, kind in types.items() if kind == "hierarchical"} == set(HIERARCHY)
    assert {key for key, kind in types.items() if kind == "range"} == {"budget_band",
                                                                        "start_year"}
    assert types["measure"] == types["fund"] == "terms"
    parents = {item["key"]: item["parent"] for item in info}
    assert parents == {key: HIERARCHY.get(key) for key in parents}


def test_facet_labels_follow_lang_else_accept_language(api):
    english = facet_info(get_json(api, "/api/v1/search/?lang=en"))
    assert (english["county"]["label"], english["target_group"]["label"]) == (
        "County", "Target group")
    lithuanian = facet_info(get_json(api, "/api/v1/search/?lang=lt"))
    assert (lithuanian["county"]["label"], lithuanian["target_group"]["label"]) == (
        "Apskritis", "Tikslinė grupė")

    response = api.get("/api/v1/search/", headers={"Accept-Language": "en-GB,en;q=0.8"})
    assert "Accept-Language" in response.headers["Vary"]
    asked = response.json()
    assert facet_info(asked)["county"]["label"] == "County"
    assert values(asked, "county")[ALYTUS_COUNTY]["label"] == "Alytus County"
    named = api.get("/api/v1/search/?lang=lt", headers={"Accept-Language": "en"}).json()
    assert facet_info(named)["county"]["label"] == "Apskritis"
    assert values(named, "county")[ALYTUS_COUNTY]["label"] == "Alytaus apskritis"


@on_each_engine
def test_places_name_their_county_and_region(api):
    body = get_json(api, "/api/v1/search/?lang=en")
    municipalities, counties = values(body, "municipality"), values(body, "county")
    assert municipalities["alytus"]["parent"] == ALYTUS_COUNTY
    assert counties[ALYTUS_COUNTY] == {"value": ALYTUS_COUNTY, "label": "Alytus County",
                                       "count": counties[ALYTUS_COUNTY]["count"],
                                       "selected": False, "parent": CENTRAL}
    county_of = dict(Municipality.objects.values_list("slug", "county__slug"))
    region_of = dict(County.objects.values_list("slug", "region__slug"))
    assert {value: item["parent"] for value, item in municipalities.items()} == {
        value: county_of[value] for value in municipalities}
    assert {value: item["parent"] for value, item in counties.items()} == {
        value: region_of[value] for value in counties}
    assert all(item["parent"] is None for item in body["facets"]["region"])
    assert set(region_of.values()) == set(values(body, "region"))


def all_ids(api, query: str) -> set[int]:
    """The ids of every result of a search, page after page."""
    found: set[int] = set()
    page = 1
    while True:
        body = get_json(api, f"/api/v1/search/?{query}&page_size=50&page={page}")
        found |= {result["id"] for result in body["results"]}
        if page * 50 >= body["count"]:
            return found
        page += 1


@on_each_engine
def test_a_county_filter_finds_its_municipalities_pages_and_those_covering_all_lithuania(api):
    in_county = sorted(Municipality.objects.filter(county__slug=ALYTUS_COUNTY)
                       .values_list("slug", flat=True))
    by_county = all_ids(api, f"county={ALYTUS_COUNTY}")
    by_municipalities = all_ids(api, "&".join(f"municipality={slug}" for slug in in_county))
    elsewhere = all_ids(api, "county=vilniaus-apskritis")
    assert by_municipalities and by_municipalities < by_county
    assert by_county - by_municipalities <= elsewhere  # nationwide pages are in every county
    assert by_county <= all_ids(api, f"region={CENTRAL}")

    everything = get_json(api, "/api/v1/search/")
    assert values(everything, "county")[ALYTUS_COUNTY]["count"] == len(by_county)
    in_alytus = get_json(api, "/api/v1/search/?municipality=alytus")
    assert values(in_alytus, "county")[ALYTUS_COUNTY]["count"] == in_alytus["count"]
    narrowed = get_json(api, f"/api/v1/search/?county={ALYTUS_COUNTY}")
    assert values(narrowed, "county")[ALYTUS_COUNTY]["selected"]
    assert values(narrowed, "municipality")["alytus"]["count"] == in_alytus["count"]


def test_an_unknown_county_is_refused(api):
    assert get_json(api, "/api/v1/search/?county=atlantida", status=400)["parameter"] == "county"


@on_each_engine
def test_target_groups_name_their_broader_group_in_the_facet_and_the_taxonomy(api):
    broader_of = dict(TargetGroup.objects.filter(broader__isnull=False)
                      .values_list("slug", "broader__slug"))
    facet = values(get_json(api, "/api/v1/search/"), "target_group")
    narrower = [value for value in facet if value in broader_of]
    assert narrower, "the demo tags pages with narrower target groups"
    assert all(facet[value]["parent"] == broader_of.get(value) for value in facet)
    assert {broader_of[value] for value in narrower} <= set(facet)

    taxonomy = get_json(api, "/api/v1/taxonomies/target_group/")
    assert taxonomy["parent"] == "target_group"
    assert {term["slug"]: term["parent"] for term in taxonomy["term_list"]} == {
        slug: broader_of.get(slug) for slug in TargetGroup.objects.values_list("slug", flat=True)}


@pytest.mark.parametrize("resource", ["projects", "providers", "news"])
def test_a_pages_target_groups_name_their_broader_group(api, resource):
    broader_of = dict(TargetGroup.objects.filter(broader__isnull=False)
                      .values_list("slug", "broader__slug"))
    listed = get_json(api, f"/api/v1/{resource}/?page_size=50&lang=en")["results"]
    groups = [group for page in listed for group in page["target_groups"]]
    assert any(group["parent"] for group in groups), "the demo tags narrower groups"
    for group in groups:
        parent = group["parent"]
        assert (parent and parent["slug"]) == broader_of.get(group["slug"])
    detail = get_json(api, f"/api/v1/{resource}/{listed[0]['id']}/?lang=en")
    assert detail["target_groups"] == listed[0]["target_groups"]


def test_taxonomies_name_the_vocabulary_of_their_parents(api):
    parents = {vocabulary["key"]: vocabulary["parent"]
               for vocabulary in get_json(api, "/api/v1/taxonomies/")}
    assert parents == {key: HIERARCHY.get(key) for key in parents}
    assert {"county", "municipality", "region"} <= set(parents)
    counties = get_json(api, "/api/v1/taxonomies/county/?lang=en")
    assert len(counties["term_list"]) == 10
    alytus = next(term for term in counties["term_list"] if term["slug"] == ALYTUS_COUNTY)
    assert (alytus["label"], alytus["parent"], alytus["usage"] > 0) == (
        "Alytus County", CENTRAL, True)


def measure_label(api, lang: str) -> str:
    return values(get_json(api, f"/api/v1/search/?lang={lang}"), "measure")[MEASURE]["label"]


def test_measures_are_labelled_by_code_and_name_in_the_language_asked(api):
    assert measure_label(api, "lt") == f"{MEASURE} Socialinių paslaugų infrastruktūros plėtra"
    assert measure_label(api, "en") == f"{MEASURE} Development of social services infrastructure"
    for value in get_json(api, "/api/v1/search/?lang=en")["facets"]["measure"]:
        assert value["value"] in value["label"] != value["value"]  # a name that holds the code


def test_measure_names_are_read_once_and_a_renamed_measure_shows_once_published(api):
    measure_label(api, "lt")
    with CaptureQueriesContext(connection) as captured:
        measure_label(api, "lt")
    assert not [query for query in captured if "pages_fundingmeasurepage" in query["sql"]]
    page = FundingMeasurePage.objects.get(code=MEASURE, locale__language_code="lt")
    page.title = "Socialinių paslaugų namai"
    page.save_revision()
    assert measure_label(api, "lt").endswith("infrastruktūros plėtra")  # a draft shows not
    page.get_latest_revision().publish()
    assert measure_label(api, "lt") == f"{MEASURE} Socialinių paslaugų namai"


def test_range_facets_list_their_values_in_the_scales_order(api):
    body = get_json(api, "/api/v1/search/")
    bands = [value["value"] for value in body["facets"]["budget_band"]]
    scale = [band.slug for band in BUDGET_BANDS]
    assert len(bands) > 2 and bands == [slug for slug in scale if slug in bands]
    years = [value["value"] for value in body["facets"]["start_year"]]
    assert len(years) > 2 and years == sorted(years, key=int)
