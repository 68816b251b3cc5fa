"""The search endpoint answers the same contract on Elasticsearch and OpenSearch."""

import pytest
from django.test import Client

from search import pipeline
from tests.search.conftest import engine_fixture

pytestmark = [pytest.mark.django_db, pytest.mark.engine]
remote_engine = engine_fixture(["elasticsearch", "opensearch"])
SENIORS = "senyvo-amziaus-asmenys"


@pytest.fixture
def client_on(demo, remote_engine) -> Client:
    pipeline.rebuild()
    remote_engine.refresh()
    return Client(HTTP_HOST="alytus.localhost")


def test_search_contract_on_a_remote_engine(client_on):
    everything = client_on.get("/api/v1/search/?page_size=1").json()
    seniors = client_on.get(f"/api/v1/search/?target_group={SENIORS}&municipality=alytus"
                            "&lang=en&sort=newest").json()
    assert everything["count"] > seniors["count"] > 0
    assert all("alytus" in result["municipality"] for result in seniors["results"])
    chosen = [value for value in seniors["facets"]["target_group"] if value["selected"]]
    assert [value["value"] for value in chosen] == [SENIORS]
    assert chosen[0]["label"].lower().startswith("older")
    found = client_on.get("/api/v1/search/?q=Alytaus").json()
    assert found["count"] and any("<mark>" in result["highlight"]
                                  for result in found["results"])
    too_deep = client_on.get("/api/v1/search/?page=9999&page_size=50")
    assert too_deep.status_code == 400 and too_deep.json()["parameter"] == "page"
    suggestions = client_on.get("/api/v1/search/suggest/?q=Aly").json()["results"]
    assert suggestions and all("aly" in item["title"].lower() for item in suggestions)
