"""Search ranges and their stats, the sorts shared by search and lists, cursor paging beside page
numbers, `Link` headers and structured highlights, on every search engine."""

import re
from datetime import date
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.utils import timezone

from cms.api.routers import search as search_router
from cms.searching import MAX_RESULT_WINDOW
from pages.listing import SORT_ORDERS
from search.documents import expiry_text
from search.engines.dsl import sortable_title
from search.models import StoredDocument
from tests.api.conftest import DATABASE_ENGINE, get_json, on_each_engine

pytestmark = pytest.mark.django_db
SEARCH = "/api/v1/search/"
LINK = re.compile(r'<([^>]+)>; rel="(\w+)"')


def documents() -> dict[int, dict]:
    """The search documents of the demo slice as the database engine indexed them (every
    engine's index is built from the same documents), without the expired ones."""
    now = expiry_text(timezone.now())
    return {row.page_id: row.document for row in StoredDocument.objects.filter(
        index__alias=DATABASE_ENGINE["SEARCH_INDEX_ALIAS"], index__live=True, deleted=False)
        if not row.document.get("expires_at") or row.document["expires_at"] > now}


def walk(api, params: dict, page_size: int = 50) -> list[int]:
    """Every result's id, page after page by `next_cursor`."""
    ids: list[int] = []
    body = get_json(api, f"{SEARCH}?{urlencode({**params, 'page_size': page_size}, True)}")
    while True:
        ids += [result["id"] for result in body["results"]]
        assert len(ids) <= body["count"], "a cursor gave results again"
        if body["next_cursor"] is None:
            return ids
        body = get_json(api, f"{SEARCH}?" + urlencode(
            {**params, "page_size": page_size, "cursor": body["next_cursor"]}, True))


def links(response) -> dict[str, dict[str, list[str]]]:
    """rel → the query parameters of its address."""
    return {rel: parse_qs(urlsplit(url).query) for url, rel in LINK.findall(response["Link"])}


def budgets() -> list[float]:
    return sorted(document["budget"] for document in documents().values()
                  if document.get("budget") is not None)


def within(value, low, high) -> bool:
    return value is not None and (low is None or value >= low) and (high is None or value <= high)


def day(document: dict) -> str | None:
    return document["date"][:10] if document.get("date") else None


@on_each_engine
@pytest.mark.parametrize(("budget", "dates"), [
    ((0.25, None), (None, None)),
    ((None, 0.5), (None, None)),
    ((0.25, 0.75), (None, None)),
    ((None, None), ("2019-01-01", "2021-12-31")),
    ((0.1, 0.9), ("2018-06-01", None)),
])
def test_ranges_find_what_a_filter_over_the_documents_finds(api, budget, dates):
    amounts = budgets()
    low, high = (amounts[int(share * (len(amounts) - 1))] if share is not None else None
                 for share in budget)
    params = {name: value for name, value in {"budget_min": low, "budget_max": high,
                                              "date_from": dates[0], "date_to": dates[1]}.items()
              if value is not None}
    expected = {page_id for page_id, document in documents().items()
                if (low is None and high is None or within(document.get("budget"), low, high))
                and (dates == (None, None) or within(day(document), *dates))}
    found = walk(api, params)
    assert 0 < len(expected) < len(documents())
    assert sorted(found) == sorted(expected)
    assert get_json(api, f"{SEARCH}?{urlencode(params)}")["count"] == len(expected)


@on_each_engine
def test_stats_are_the_least_and_greatest_of_the_matches_each_ignoring_its_own_range(api):
    amounts = budgets()
    low, since = amounts[len(amounts) // 2], "2019-01-01"
    params = {"content_type": "project", "budget_min": low, "date_from": since}
    stats = get_json(api, f"{SEARCH}?{urlencode(params)}")["stats"]
    projects = [document for document in documents().values()
                if document["content_type"] == "project"]

    def bounds(values: list) -> dict:
        present = [value for value in values if value is not None]
        return {"min": min(present), "max": max(present)}

    assert stats["budget"] == bounds([document.get("budget") for document in projects
                                      if within(day(document), since, None)])
    assert stats["date"] == bounds([day(document) for document in projects
                                    if within(document.get("budget"), low, None)])
    assert stats["start_date"] == bounds([document.get("start_date") for document in projects
                                          if within(document.get("budget"), low, None)
                                          and within(day(document), since, None)])
    assert stats["budget"]["min"] < low


def sort_value(document: dict, field: str):
    if field == "title":
        return sortable_title(document["title"])
    return day(document) if field == "date" else document.get(field)


@on_each_engine
@pytest.mark.parametrize("sort", [sort for sort in SORT_ORDERS if sort != "relevance"])
def test_each_sort_orders_its_way_with_pages_lacking_the_value_last(api, sort):
    order = SORT_ORDERS[sort]
    by_id = documents()
    ids = walk(api, {"sort": sort, "content_type": ["project", "news"]})
    values = [sort_value(by_id[page_id], order.field) for page_id in ids]
    present = [value for value in values if value is not None]
    assert present and values == present + [None] * (len(values) - len(present))
    assert present == sorted(present, reverse=order.descending)
    assert len(set(present)) > 1
    ties = [(value, page_id) for value, page_id in zip(values, ids, strict=True)]
    assert all(first[1] < second[1] for first, second in zip(ties, ties[1:], strict=False)
               if first[0] == second[0])


@on_each_engine
@pytest.mark.parametrize("params", [
    {"sort": "newest"},
    {"sort": "-budget", "content_type": "project"},
    {"q": "paslaugos"},
    {"sort": "title", "target_group": "senyvo-amziaus-asmenys"},
])
def test_cursor_paging_walks_every_result_once_in_the_order_of_page_numbers(api, params):
    by_cursor = walk(api, params, page_size=7)
    first = get_json(api, f"{SEARCH}?{urlencode({**params, 'page_size': 7})}")
    by_number = [result["id"] for page in range(1, first["total_pages"] + 1) for result in
                 get_json(api, f"{SEARCH}?{urlencode({**params, 'page_size': 7, 'page': page})}")[
                     "results"]]
    assert first["total_pages"] > 2
    assert len(by_cursor) == len(set(by_cursor)) == first["count"]
    assert by_cursor == by_number


@on_each_engine
def test_a_cursor_pages_past_the_pages_reachable_by_number(api, monkeypatch):
    monkeypatch.setattr("cms.searching.MAX_RESULT_WINDOW", 10)
    monkeypatch.setattr(search_router, "MAX_RESULT_WINDOW", 10)
    url = f"{SEARCH}?sort=newest&page_size=5"
    assert get_json(api, f"{url}&page=3", status=400)["parameter"] == "page"
    second = api.get(f"{url}&page=2")
    beyond = links(second)["next"]
    assert "cursor" in beyond and "page" not in beyond
    third = get_json(api, f"{url}&cursor={beyond['cursor'][0]}")
    assert third["page"] == 3 and len(third["results"]) == 5
    everything = walk(api, {"sort": "newest"}, page_size=5)
    assert everything[10:15] == [result["id"] for result in third["results"]]
    assert len(everything) == third["count"] > 15


@on_each_engine
def test_search_links_the_first_previous_next_and_last_pages(api):
    response = api.get(f"{SEARCH}?q=paslaugos&page_size=5&page=2")
    body = response.json()
    assert body["total_pages"] == -(-body["count"] // 5) > 3
    found = links(response)
    assert {rel: params["page"] for rel, params in found.items()} == {
        "first": ["1"], "prev": ["1"], "next": ["3"], "last": [str(body["total_pages"])]}
    assert all(params["q"] == ["paslaugos"] and params["page_size"] == ["5"]
               for params in found.values())
    last = api.get(f"{SEARCH}?q=paslaugos&page_size=5&page={body['total_pages']}")
    assert set(links(last)) == {"first", "prev", "last"} and last.json()["next_cursor"] is None
    assert set(links(api.get(f"{SEARCH}?q=paslaugos&page_size=5"))) == {"first", "next", "last"}


def test_lists_give_their_total_pages_and_link_their_pages(api):
    response = api.get("/api/v1/projects/?page_size=7&page=2&sort=-title")
    body = response.json()
    assert body["total_pages"] == -(-body["count"] // 7) > 2
    assert {rel: params["page"] for rel, params in links(response).items()} == {
        "first": ["1"], "prev": ["1"], "next": ["3"], "last": [str(body["total_pages"])]}
    assert all(params["sort"] == ["-title"] for params in links(response).values())


@pytest.mark.parametrize("sort", ["budget", "-budget", "start_date", "-start_date", "oldest"])
def test_project_lists_take_the_search_sorts(api, sort):
    order = SORT_ORDERS[sort]

    def value(item: dict) -> float | str | None:
        if order.field != "budget":
            return item["start_date"]
        return item["eu_amount"] if item["budget_total"] is None else item["budget_total"]

    results = get_json(api, f"/api/v1/projects/?sort={sort}&page_size=50")["results"]
    values = [value(item) for item in results]
    present = [value for value in values if value is not None]
    assert len(set(present)) > 1 and present == sorted(present, reverse=order.descending)
    assert values == present + [None] * (len(values) - len(present))


@pytest.mark.parametrize(("url", "parameter"), [
    (f"{SEARCH}?date_from=2022-01-01&date_to=2021-12-31", "date_to"),
    (f"{SEARCH}?budget_min=5000&budget_max=100", "budget_max"),
    ("/api/v1/news/?date_from=2022-01-01&date_to=2021-12-31", "date_to"),
    (f"{SEARCH}?budget_min=1e3", "budget_min"),
    (f"{SEARCH}?cursor=made-up", "cursor"),
    ("/api/v1/news/?sort=budget", "sort"),
])
def test_a_range_upside_down_or_an_odd_bound_cursor_or_sort_is_a_400_problem(api, url,
                                                                             parameter):
    response = api.get(url)
    assert response.status_code == 400
    assert response.headers["Content-Type"].startswith("application/problem+json")
    assert response.json()["parameter"] == parameter


def test_a_cursor_serves_only_its_own_sort_and_not_beside_a_page_number(api):
    cursor = get_json(api, f"{SEARCH}?sort=newest&page_size=5")["next_cursor"]
    assert get_json(api, f"{SEARCH}?sort=budget&page_size=5&cursor={cursor}",
                    status=400)["parameter"] == "cursor"
    assert get_json(api, f"{SEARCH}?sort=newest&page_size=5&page=2&cursor={cursor}",
                    status=400)["parameter"] == "cursor"


@on_each_engine
def test_hits_carry_their_highlights_per_field(api):
    results = get_json(api, f"{SEARCH}?q=paslaugos&page_size=20")["results"]
    highlighted = [result["highlights"] for result in results if result["highlights"]]
    assert len(highlighted) > len(results) // 2
    for highlights in highlighted:
        fields = [found["field"] for found in highlights]
        assert fields == sorted(fields, key=["title", "summary", "body"].index)
        for found in highlights:
            assert 1 <= len(found["fragments"]) <= 3
            assert any("<mark>" in fragment for fragment in found["fragments"])
            for fragment in found["fragments"]:
                assert "<" not in fragment.replace("<mark>", "").replace("</mark>", "")
    assert all(result["highlights"] == [] for result in get_json(api, SEARCH)["results"])


def test_the_schema_names_one_sort_and_the_real_page_limit(api):
    document = get_json(api, "/api/v1/openapi.json")
    schemas = document["components"]["schemas"]
    assert schemas["Sort"]["enum"] == list(SORT_ORDERS)
    assert not {"SearchSort", "ListSort"} & set(schemas)
    for path in (SEARCH, "/api/v1/projects/"):
        parameters = {parameter["name"]: parameter["schema"]
                      for parameter in document["paths"][path]["get"]["parameters"]}
        assert parameters["sort"]["$ref"] == "#/components/schemas/Sort"
        assert parameters["page"]["maximum"] == MAX_RESULT_WINDOW
    assert get_json(api, f"{SEARCH}?page_size=1&page={MAX_RESULT_WINDOW + 1}",
                    status=400)["parameter"] == "page"
    assert {"budget", "date", "start_date"} <= set(schemas["StatsOut"]["properties"])


def test_dates_and_amounts_in_stats_are_typed(api):
    stats = get_json(api, f"{SEARCH}?content_type=project")["stats"]
    assert isinstance(stats["budget"]["min"], float)
    assert date.fromisoformat(stats["date"]["min"]) <= date.fromisoformat(stats["date"]["max"])
