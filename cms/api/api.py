"""The public API v1: built like Wagtail's API v3 (django-ninja, OpenAPI 3.1, RFC 9457 problem
details, bearer tokens), mounted at /api/v1/ on each municipality site."""

from ninja import NinjaAPI

from cms.api.problems import register_problem_handlers
from cms.api.registry import RESOURCES
from cms.api.routers import municipalities, preview, search, taxonomies
from cms.api.routers.pages import page_router

DESCRIPTION = """
Savivaldybių ES projektų, finansavimo priemonių, paslaugų teikėjų ir naujienų API.

* Atsakoma tik į savivaldybės svetainės adresą (Host); nežinomam adresui – 404.
* Rodomas tik paskelbtas ir viešas turinys; juodraščiai – tik per `/preview/` su API raktu.
* Klaidos – `application/problem+json` (RFC 9457) su lauku `parameter`.
* Detalę galima gauti JSON-LD (schema.org): `Accept: application/ld+json` arba
  `?format=jsonld`.
"""

api = NinjaAPI(
    title="Savivaldybių ES projektų API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="esparama_api_v1",
    openapi_url="/openapi.json",
    docs_url="/docs/",
)
register_problem_handlers(api)
api.add_router("/search/", search.router)
for resource in RESOURCES.values():
    api.add_router(f"/{resource.key}/", page_router(resource))
api.add_router("/taxonomies/", taxonomies.router)
api.add_router("/municipalities/", municipalities.router)
api.add_router("/preview/", preview.router)
