"""The OpenAPI document as client generators read it: every enumeration a named component used
by every operation that takes or returns it, every status an operation may answer declared, and
no component that nothing refers to.

Schemas type an enumerated field with `api_enum(name, values)`: a `Literal` whose JSON schema
carries its component name, which `tidy` turns into a `$ref` wherever django-ninja wrote the
values out (it inlines query parameters' schemas)."""

from collections.abc import Iterable
from typing import Annotated, Any, Literal

from ninja import NinjaAPI
from pydantic import WithJsonSchema

from cms.api.problems import problem_responses

API_NAMESPACE = "esparama_api_v1"  # the URL namespace of the API's operations
ENUMS: dict[str, list[str]] = {}
ENUM_NAME = "x-enum-name"
COMPONENTS = "#/components/schemas/"
# What every operation may answer besides its own responses: a conditional GET's 304, a 404
# for a Host that is no municipality's site, and a 503 (with Retry-After) when the search engine
# behind an answer cannot answer now.
COMMON_RESPONSES = {
    304: {"description": "Not Modified: the representation named by If-None-Match or "
                         "If-Modified-Since is still current (no body)"},
    **problem_responses(404, 503),
}


def api_enum(name: str, values: Iterable[str]) -> Any:
    """A string type taking one of `values`, published as the component `name`."""
    values = list(values)
    ENUMS[name] = values
    return Annotated[Literal[tuple(values)],
                     WithJsonSchema({"type": "string", "enum": values, ENUM_NAME: name})]


def with_enum_refs(node: Any) -> Any:
    """The schema tree with every named enumeration replaced by a reference to its component
    (keeping a parameter's description and default beside the reference)."""
    if isinstance(node, list):
        return [with_enum_refs(item) for item in node]
    if not isinstance(node, dict):
        return node
    if ENUM_NAME in node:
        kept = {key: node[key] for key in ("description", "default") if key in node}
        return {"$ref": COMPONENTS + node[ENUM_NAME], **kept}
    return {key: with_enum_refs(value) for key, value in node.items()}


def references(node: Any) -> set[str]:
    if isinstance(node, list):
        return set().union(*(references(item) for item in node))
    if not isinstance(node, dict):
        return set()
    found = {node["$ref"].removeprefix(COMPONENTS)} if "$ref" in node else set()
    return found.union(*(references(value) for value in node.values()))


def referenced_only(schemas: dict[str, Any], paths: dict[str, Any]) -> dict[str, Any]:
    """The component schemas reachable from the operations."""
    reachable: set[str] = set()
    pending = references(paths)
    while pending - reachable:
        reachable |= pending
        pending = set().union(*(references(schemas[name]) for name in reachable
                                if name in schemas))
    return {name: schema for name, schema in schemas.items() if name in reachable}


def only_specific_json(content: dict[str, Any]) -> None:
    """An answer written as problem+json or ld+json is declared as that alone (django-ninja
    declares every response as application/json too)."""
    if len(content) > 1:
        content.pop("application/json", None)


def tidy(document: dict[str, Any]) -> dict[str, Any]:
    document = with_enum_refs(document)
    for operations in document["paths"].values():
        for operation in operations.values():
            responses = operation["responses"]
            for status, response in COMMON_RESPONSES.items():
                if status == 304 and operation.get("security"):
                    continue  # answers for one user are never cached, so never 304
                if status not in responses and str(status) not in responses:
                    responses[status] = response
            for response in responses.values():
                only_specific_json(response.get("content", {}))
    schemas = document["components"]["schemas"]
    schemas.update({name: {"title": name, "type": "string", "enum": values}
                    for name, values in ENUMS.items()})
    document["components"]["schemas"] = dict(sorted(
        referenced_only(schemas, document["paths"]).items()))
    return document


class DocumentedApi(NinjaAPI):
    """django-ninja's API whose OpenAPI document is tidied for client generators."""

    def get_openapi_schema(self, **kwargs: Any) -> dict[str, Any]:
        return tidy(dict(super().get_openapi_schema(**kwargs)))

