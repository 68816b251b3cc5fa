"""GET and POST /api/v1/@querystring-search: plone.restapi's criteria over the search, answered in
plone.restapi's shape. The example requests are plone.restapi's documented ones
(http-examples/querystringsearch_get.req and querystringsearch_post.req, and the SearchableText
criterion of its endpoint documentation), with their values changed to this site's."""

import json
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from django.test import Client

from tests.api.conftest import get_json, on_each_engine

pytestmark = pytest.mark.django_db
ENDPOINT = "/api/v1/@querystring-search"
OPERATION = "plone.app.querystring.operation."
ITEM_FIELDS = {"@id", "@type", "title", "description", "review_state", "type_title",
               "page_id", "content_type", "path", "url"}
SENIORS = "senyvo-amziaus-asmenys"


def querystring_search(client: Client, search: dict | list, status: int = 200,
                       **params: str) -> dict:
    return get_json(client, f"{ENDPOINT}?query={quote(json.dumps(search))}"
                    + "".join(f"&{name}={value}" for name, value in params.items()), status)


def search_ids(client: Client, address: str) -> list[int]:
    """The ids /search/ finds, in its order (every page)."""
    ids, page = [], 1
    while True:
        body = get_json(client, f"{address}&page_size=50&page={page}")
        ids += [result["id"] for result in body["results"]]
        if len(ids) >= body["count"]:
            return ids
        page += 1


def all_ids(client: Client, search: dict) -> list[int]:
    """The ids the search finds, in its order (every batch, through the `next` links)."""
    body = querystring_search(client, search, b_size="50")
    ids = [item["page_id"] for item in body["items"]]
    while "next" in body.get("batching", {}):
        body = get_json(client, body["batching"]["next"])
        ids += [item["page_id"] for item in body["items"]]
    return ids


def test_plones_example_get_request_is_answered_in_the_documented_shape(api):
    # querystringsearch_get.req, with "Document" changed to this site's "NewsPage"
    address = (f"{ENDPOINT}?query=%257B%2522query%2522%253A%255B%257B%2522i%2522%253A%2522"
               "portal_type%2522%252C%2522o%2522%253A%2520%2522plone.app.querystring.operation"
               ".selection.any%2522%252C%2522v%2522%253A%255B%2522NewsPage%2522%255D%257D%255D"
               "%257D")
    body = get_json(api, address, Accept="application/json")
    assert set(body) - {"batching"} == {"@id", "items", "items_total"}
    assert body["@id"] == f"http://alytus.localhost{address}"
    assert 0 < len(body["items"]) == min(body["items_total"], 25)  # plone.restapi's b_size
    assert ("batching" in body) == (body["items_total"] > 25)
    for item in body["items"]:
        assert set(item) == ITEM_FIELDS
        assert (item["@type"], item["content_type"], item["review_state"]) == (
            "NewsPage", "news", "published")
        assert item["@id"] == f"http://alytus.localhost/api/v1/news/{item['page_id']}/"
        assert item["url"].endswith(item["path"])
        assert item["type_title"] == "Naujiena"


def test_plones_example_post_body_is_taken_as_the_query_parameter(api):
    # querystringsearch_post.req's body, with "Document" changed to this site's "project"
    search = {"query": [{"i": "portal_type", "o": f"{OPERATION}selection.any",
                         "v": ["project"]}]}
    body = querystring_search(api, search, lang="en")
    assert set(body) == {"@id", "items", "items_total", "batching"}
    assert body["items_total"] > len(body["items"]) == 25  # plone.restapi's batch size
    assert {item["@type"] for item in body["items"]} == {"ProjectPage"}
    assert {item["type_title"] for item in body["items"]} == {"Project"}
    assert set(body["batching"]) == {"@id", "first", "last", "next"}
    assert get_json(api, body["@id"])["items_total"] == body["items_total"]


@on_each_engine
def test_searchable_text_and_portal_type_find_what_search_finds(api):
    # the SearchableText criterion of plone.restapi's endpoint documentation ("Noam")
    criteria = [{"i": "SearchableText", "o": f"{OPERATION}string.contains", "v": "paslaugos"}]
    expected = search_ids(api, "/api/v1/search/?q=paslaugos&content_type=project")
    assert expected
    for type_name in ("ProjectPage", "project"):
        by_type = {"i": "portal_type", "o": f"{OPERATION}selection.is", "v": [type_name]}
        assert all_ids(api, {"query": [*criteria, by_type]}) == expected


@on_each_engine
def test_facet_and_language_criteria_filter_as_search_does(api):
    search = {"query": [
        {"i": "target_group", "o": f"{OPERATION}selection.any", "v": [SENIORS]},
        {"i": "municipality", "o": f"{OPERATION}selection.any", "v": ["alytus"]},
        {"i": "Language", "o": f"{OPERATION}selection.any", "v": ["en"]},
        {"i": "path", "o": f"{OPERATION}string.relativePath", "v": "."},  # ignored
    ], "sort_on": "effective", "sort_order": "reverse"}
    expected = search_ids(api, f"/api/v1/search/?target_group={SENIORS}&municipality=alytus"
                               "&language=en&sort=newest")
    assert expected
    assert all_ids(api, search) == expected


@pytest.mark.parametrize(("sort_on", "sort_order", "sort"), [
    ("effective", None, "oldest"), ("effective", "ascending", "oldest"),
    ("modified", "reverse", "newest"), ("sortable_title", None, "title"),
    ("sortable_title", "descending", "-title"), ("start", "descending", "start_date"),
    ("start", None, "-start_date"), ("budget", "descending", "budget"),
    ("budget", "ascending", "-budget")])
def test_each_sort_runs_either_way_as_plone_sorts(api, sort_on, sort_order, sort):
    """Plone sorts an index ascending unless `sort_order` says descending (or reverse)."""
    search = {"query": [{"i": "portal_type", "o": f"{OPERATION}selection.any",
                         "v": ["project", "news"]}], "sort_on": sort_on}
    if sort_order:
        search["sort_order"] = sort_order
    expected = search_ids(api, f"/api/v1/search/?content_type=project&content_type=news"
                               f"&sort={sort}")
    assert len(expected) > 10
    assert all_ids(api, search) == expected


@on_each_engine
@pytest.mark.parametrize(("operation", "value", "date_from", "date_to"), [
    ("between", ["2019-01-01", "2021-12-31"], "2019-01-01", "2021-12-31"),
    ("largerThan", "2022-01-01", "2022-01-01", None),
    ("lessThan", "2018-06-30T00:00:00", None, "2018-06-30")])
def test_date_criteria_bound_the_date_as_search_does(api, operation, value, date_from, date_to):
    search = {"query": [{"i": "effective", "o": f"{OPERATION}date.{operation}", "v": value}],
              "sort_on": "effective"}
    bounds = "".join(f"&{name}={day}" for name, day in
                     (("date_from", date_from), ("date_to", date_to)) if day)
    expected = search_ids(api, f"/api/v1/search/?sort=oldest{bounds}")
    assert 0 < len(expected) < get_json(api, "/api/v1/search/")["count"]
    assert all_ids(api, search) == expected


def test_batches_walk_to_the_end_through_their_links(api):
    # b_size written as text, as plone.restapi's documentation writes it
    search = {"query": [{"i": "portal_type", "o": f"{OPERATION}selection.any",
                         "v": ["ProjectPage", "NewsPage"]}], "b_size": "7"}
    first = querystring_search(api, search)
    total, batching = first["items_total"], first["batching"]
    assert total > 14
    assert "prev" not in batching
    assert parse_qs(urlsplit(batching["first"]).query) == {
        "b_start": ["0"], "query": [json.dumps(search)]}
    ids, body = [item["page_id"] for item in first["items"]], first
    while "next" in body.get("batching", {}):
        previous_start = len(ids) - 7
        body = get_json(api, body["batching"]["next"])
        assert f"b_start={previous_start}" in body["batching"]["prev"]
        ids += [item["page_id"] for item in body["items"]]
    assert body["batching"]["@id"] == body["batching"]["last"]
    assert len(ids) == len(set(ids)) == total
    assert ids == search_ids(api, "/api/v1/search/?content_type=project&content_type=news")


def test_a_batch_may_start_anywhere_and_limit_cuts_the_total(api):
    search = {"query": [{"i": "portal_type", "o": f"{OPERATION}selection.any",
                         "v": ["project"]}]}
    everything = all_ids(api, search)
    across_pages = querystring_search(api, {**search, "b_start": 4, "b_size": 6})
    assert [item["page_id"] for item in across_pages["items"]] == everything[4:10]
    limited = querystring_search(api, {**search, "b_start": 4, "b_size": 6, "limit": 7})
    assert limited["items_total"] == 7
    assert [item["page_id"] for item in limited["items"]] == everything[4:7]
    assert "next" not in limited["batching"]


def test_the_criteria_may_be_only_the_list(api):
    criteria = [{"i": "portal_type", "o": f"{OPERATION}selection.any", "v": ["news"]}]
    only_the_list = querystring_search(api, criteria, b_size="50")
    request = querystring_search(api, {"query": criteria, "b_size": 50})
    assert only_the_list["items"] == request["items"]
    assert only_the_list["items_total"] == request["items_total"] == len(request["items"]) > 0
    assert "batching" not in request  # one batch


@pytest.mark.parametrize(("search", "parameter", "named"), [
    ({"query": [{"i": "Subject", "o": f"{OPERATION}selection.any", "v": ["x"]}]},
     "Subject", "Subject"),
    ({"query": [{"i": "portal_type", "o": f"{OPERATION}selection.all", "v": ["news"]}]},
     "portal_type", f"{OPERATION}selection.all"),
    ({"query": [{"i": "portal_type", "o": f"{OPERATION}selection.any", "v": ["Document"]}]},
     "portal_type", "Document"),
    ({"query": [{"i": "SearchableText", "o": f"{OPERATION}string.contains", "v": "a"}],
      "sort_on": "getObjPositionInParent"}, "sort_on", "getObjPositionInParent"),
    ({"query": [{"i": "SearchableText", "o": f"{OPERATION}string.contains", "v": "a"}],
      "sort_on": "effective", "sort_order": "upwards"}, "sort_order", "sort_order"),
    ({"query": [{"i": "effective", "o": f"{OPERATION}date.between", "v": ["2020-01-01"]}]},
     "effective", f"{OPERATION}date.between"),
    ({"query": [{"i": "effective", "o": f"{OPERATION}date.largerThan", "v": "vakar"}]},
     "effective", "vakar"),
    ({"query": [{"i": "effective", "o": f"{OPERATION}date.between",
                 "v": ["2021-01-01", "2020-01-01"]}]}, "effective", "effective"),
    ({"query": [{"i": "effective", "o": f"{OPERATION}date.largerThan", "v": "2020-01-01"},
                {"i": "effective", "o": f"{OPERATION}date.lessThan", "v": "2021-01-01"}]},
     "effective", "effective"),
    ({"query": [{"i": "target_group", "o": f"{OPERATION}selection.any", "v": ["nera"]}]},
     "target_group", "nera"),
    ({"query": [{"i": "portal_type", "o": f"{OPERATION}selection.any"}], "b_size": "x"},
     "b_size", "b_size"),
    ({"query": [{"i": "portal_type", "v": ["news"]}]}, "query", "query[0].o"),
])
def test_what_cannot_be_searched_is_a_problem_naming_it(api, search, parameter, named):
    response = api.get(f"{ENDPOINT}?query={quote(json.dumps(search))}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["parameter"] == parameter
    assert named in problem["detail"]


def test_problems_are_written_in_the_requests_language(api):
    search = {"query": [{"i": "Subject", "o": f"{OPERATION}selection.any", "v": ["x"]}]}
    lithuanian = querystring_search(api, search, 400)
    english = querystring_search(api, search, 400, lang="en")
    assert lithuanian["detail"].startswith("Nežinomas indeksas „Subject“")
    assert english["detail"].startswith("Unknown index “Subject”")


def test_query_must_be_json_and_unknown_parameters_are_refused(api):
    assert get_json(api, f"{ENDPOINT}?query=portal_type", 400)["parameter"] == "query"
    search = {"query": [{"i": "portal_type", "o": f"{OPERATION}selection.any", "v": ["news"]}]}
    assert querystring_search(api, search, 400, b_sise="5")["parameter"] == "b_sise"


def test_the_operation_is_typed_in_the_openapi_document(api):
    document = get_json(api, "/api/v1/openapi.json")
    operation = document["paths"]["/api/v1/@querystring-search"]["get"]
    assert operation["operationId"] == "querystring_search"
    assert operation["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/QuerystringSearchOut"}
    item = document["components"]["schemas"]["QuerystringItem"]
    assert set(item["properties"]) == ITEM_FIELDS
    # client generators name `@id` and `@type` as `id` and `type`: no other field is so named
    assert len({name.lstrip("@") for name in item["properties"]}) == len(ITEM_FIELDS)


def test_a_batch_larger_than_fifty_is_served_as_fifty_and_its_links_keep_its_size(api):
    search = {"query": [{"i": "portal_type", "o": f"{OPERATION}selection.any",
                         "v": ["project"]}]}
    body = querystring_search(api, search, b_size="80")
    assert len(body["items"]) == 50 < body["items_total"]
    following = parse_qs(urlsplit(body["batching"]["next"]).query)
    assert (following["b_start"], following["b_size"]) == (["50"], ["80"])
    assert "b_size" not in body["@id"]


def post(client: Client, search: dict, status: int = 200, address: str = ENDPOINT) -> dict:
    response = client.post(address, json.dumps(search), content_type="application/json")
    assert response.status_code == status, response.content[:500]
    return response.json()


def test_the_post_form_takes_the_request_as_json_and_its_links_post_again(api):
    # querystringsearch_post.req's body, with "Document" changed to this site's "project"
    search = {"query": [{"i": "portal_type", "o": f"{OPERATION}selection.any",
                         "v": ["project"]}], "b_size": 10}
    body = post(api, search)
    assert body["items_total"] == querystring_search(api, search)["items_total"] > 10
    ids = [item["page_id"] for item in body["items"]]
    while "next" in body["batching"]:
        body = post(api, search, address=body["batching"]["next"])
        ids += [item["page_id"] for item in body["items"]]
    assert ids == all_ids(api, search)


def test_the_post_form_refuses_a_bad_criterion_naming_the_field(api):
    body = post(api, {"query": [{"o": f"{OPERATION}selection.any", "v": ["x"]}]}, status=400)
    assert body["parameter"] == "query"  # a criterion without its index
    body = post(api, {"query": [{"i": "portal_type", "o": "nothing"}]}, status=400)
    assert body["parameter"] == "portal_type"
    body = post(api, {"query": [{"i": "colour", "o": f"{OPERATION}selection.any",
                                 "v": ["red"]}]}, status=400)
    assert body["parameter"] == "colour"


def test_options_names_the_methods_each_address_takes(api):
    assert api.options(ENDPOINT)["Allow"] == "GET, HEAD, OPTIONS, POST"
    assert api.options("/api/v1/search/")["Allow"] == "GET, HEAD, OPTIONS"
