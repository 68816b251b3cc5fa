"""A search's hits and every facet's counts come back from one engine request (Elasticsearch,
OpenSearch); the database engine counts all facets in one SQL query, plus one per selected facet
(a selected facet's counts ignore its own selection)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.facets import FACETS
from search.models import StoredFacetValue
from search.query import SearchQuery

SELECTIONS = [
    {},
    {"target_group": ["senyvo-amziaus-asmenys"]},
    {"target_group": ["senyvo-amziaus-asmenys"], "status": ["running"], "fund": ["esf"]},
]


def check_response(response, filters: dict) -> None:
    assert set(response.facets) == {facet.key for facet in FACETS}
    statuses = {value.value: value.count for value in response.facets["status"]}
    expected = {"{}": {"running": 3, "completed": 1},
                "{'target_group': ['senyvo-amziaus-asmenys']}": {"running": 2}}
    if str(filters) in expected:
        assert statuses == expected[str(filters)]
    assert response.count == len(response.hits) > 0


@pytest.mark.parametrize("engine", ["elasticsearch", "opensearch"], indirect=True)
@pytest.mark.parametrize("filters", SELECTIONS)
def test_remote_engines_answer_a_search_in_one_request(loaded, filters, monkeypatch):
    transport = loaded.client.transport
    send = transport.perform_request
    requests: list[tuple[str, str]] = []

    def counted(method, path, *args, **kwargs):
        requests.append((method, path))
        return send(method, path, *args, **kwargs)

    monkeypatch.setattr(transport, "perform_request", counted)
    response = loaded.search(SearchQuery(filters=filters))
    monkeypatch.undo()
    assert len(requests) == 1, requests
    assert requests[0][1].split("?")[0] == f"/{loaded.alias}/_search"  # Elasticsearch puts
    # the request cache's parameter in the path, OpenSearch beside it
    check_response(response, filters)


@pytest.mark.parametrize("engine", ["database"], indirect=True)
@pytest.mark.parametrize("filters", SELECTIONS)
def test_database_engine_counts_all_facets_in_one_query(loaded, filters):
    table = StoredFacetValue._meta.db_table
    with CaptureQueriesContext(connection) as captured:
        response = loaded.search(SearchQuery(filters=filters))
    facet_counts = [query["sql"] for query in captured.captured_queries
                    if "GROUP BY" in query["sql"] and table in query["sql"].split("FROM")[1]]
    assert len(facet_counts) == 1 + len(filters), facet_counts
    # besides: expired documents, the hit count and the page (vocabulary labels aside)
    on_documents = [query["sql"] for query in captured.captured_queries
                    if "search_stored" in query["sql"]]
    assert len(on_documents) == 3 + len(facet_counts), on_documents
    check_response(response, filters)
