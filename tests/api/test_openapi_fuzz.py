"""Schemathesis over the API's OpenAPI 3.1 schema: no 5xx, responses match the schema.

Calls go in-process to Django's WSGI app inside the test transaction. Positive cases may still
be refused with 400 when a value is well formed but unknown (a facet value, a slug, a page past
the end): validity depends on the data, not only on the schema, so that one check is off.
"""

import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from ninja.responses import NinjaJSONEncoder
from schemathesis.specs.openapi.checks import positive_data_acceptance

from cms.api.api import api as ninja_api

# identity: the in-process WSGI client would otherwise get gzip it does not decode
HOST = {"Host": "alytus.localhost", "Accept-Encoding": "identity"}
schema = schemathesis.openapi.from_dict(json.loads(json.dumps(
    ninja_api.get_openapi_schema(path_prefix="/api/v1/"), cls=NinjaJSONEncoder)))
schema.app = get_wsgi_application()


@pytest.fixture
def in_process(api):
    """Like Django's test client: a request must not close the test's database connection."""
    signals = (request_started, request_finished)
    for signal in signals:
        signal.disconnect(close_old_connections)
    yield
    for signal in signals:
        signal.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=10, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema_and_never_fails(case, in_process):
    case.call_and_validate(headers=HOST, excluded_checks=[positive_data_acceptance])


def test_served_schema_is_openapi_3_1_with_browsable_docs(api):
    document = api.get("/api/v1/openapi.json").json()
    assert document["openapi"].startswith("3.1")
    search = document["paths"]["/api/v1/search/"]["get"]
    names = {parameter["name"] for parameter in search["parameters"]}
    assert {"q", "lang", "page", "page_size", "sort", "target_group", "municipality"} <= names
    assert "application/problem+json" in search["responses"]["400"]["content"]
    docs = api.get("/api/v1/docs/")
    assert docs.status_code == 200 and b"swagger" in docs.content.lower()


def keywords_in(node: object) -> set[str]:
    """The keys of every schema in the tree (the names of properties are not keywords)."""
    if isinstance(node, list):
        return set().union(*(keywords_in(item) for item in node))
    if not isinstance(node, dict):
        return set()
    found = set(node).union(*(keywords_in(value) for key, value in node.items()
                              if key != "properties"))
    return found.union(*(keywords_in(value) for value in node.get("properties", {}).values()))


def test_bounds_are_json_schema_and_closed_filters_are_enumerations(api):
    document = api.get("/api/v1/openapi.json").json()
    assert not keywords_in(document["paths"]) & {"ge", "gt", "le", "lt"}
    assert not keywords_in(document["components"]) & {"ge", "gt", "le", "lt"}
    search = {parameter["name"]: parameter["schema"]
              for parameter in document["paths"]["/api/v1/search/"]["get"]["parameters"]}
    assert search["budget_min"]["anyOf"][0]["minimum"] == 0
    for name, component in [("status", "ProjectStatus"), ("period", "Period"),
                            ("language", "Language"), ("content_type", "SearchedType")]:
        assert search[name]["items"] == {"$ref": f"#/components/schemas/{component}"}, name
