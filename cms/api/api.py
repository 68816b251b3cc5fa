"""The public API v1: built like Wagtail's API v3 (django-ninja, OpenAPI 3.1, RFC 9457 problem
details, bearer tokens), mounted at /api/v1/ on each municipality site.

The OpenAPI document (title, description, tags, operation summaries, parameter descriptions) is
developer documentation, written in English only and not translated; what the API answers with
(problem details, labels) follows the request's language."""

from cms.api.openapi import API_NAMESPACE, DocumentedApi
from cms.api.problems import register_problem_handlers
from cms.api.registry import RESOURCES
from cms.api.rendering import RENDERER
from cms.api.routers import find, municipalities, preview, querystring_search, search, taxonomies
from cms.api.routers.pages import page_router

DESCRIPTION = """
The API of Lithuanian municipalities' EU-funded projects, funding measures, service providers
and news.

* Answers only on a municipality site's address (Host); an unknown address gets 404.
* Shows only published, public content; drafts only through `/preview/` with an API key.
* Errors are `application/problem+json` (RFC 9457) with a `parameter` field.
* Problem details are in Lithuanian or English: the `lang` parameter, else the best match of
  `Accept-Language`, else Lithuanian.
* A detail is also available as JSON-LD (schema.org) at `<detail>/jsonld/`.
* Every answer carries `ETag` and `Last-Modified` where known; a conditional request whose
  representation has not changed gets 304 without a body.
"""

api = DocumentedApi(
    title="Esparama API",
    version="1",
    description=DESCRIPTION,
    urls_namespace=API_NAMESPACE,
    openapi_url="/openapi.json",
    docs_url="/docs/",
    renderer=RENDERER,
)
register_problem_handlers(api)
api.add_router("/search/", search.router)
api.add_router("/", querystring_search.router)
api.add_router("/pages/", find.router)
for resource in RESOURCES.values():
    api.add_router(f"/{resource.key}/", page_router(resource))
api.add_router("/taxonomies/", taxonomies.router)
api.add_router("/municipalities/", municipalities.router)
api.add_router("/preview/", preview.router)
