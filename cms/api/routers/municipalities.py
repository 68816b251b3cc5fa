"""Municipalities, their county and region, and the address of their site when they have one."""

from typing import Literal

from django.http import HttpRequest
from ninja import Query, Router, Schema
from wagtail.models import Site

from cms.api.params import require_known
from cms.api.problems import Problem, problem_responses
from cms.api.resources.base import TermOut
from cms.api.routers.taxonomies import Labels
from pages.models import Municipality, MunicipalityHomePage

router = Router(tags=["municipalities"])


class SiteOut(Schema):
    hostname: str
    url: str
    home_page_id: int


class MunicipalityOut(Schema):
    slug: str
    label: str
    labels: Labels
    county: TermOut
    region: TermOut
    site: SiteOut | None


class MunicipalityParams(Schema):
    lang: Literal["lt", "en"] = "lt"
    with_site: bool | None = None


def sites_by_municipality() -> dict[str, Site]:
    homes = dict(MunicipalityHomePage.objects.filter(municipality__isnull=False)
                 .values_list("pk", "municipality__slug"))
    return {homes[site.root_page_id]: site
            for site in Site.objects.filter(root_page_id__in=homes)}


@router.get("/", response={200: list[MunicipalityOut], 400: Problem},
            openapi_extra={"responses": problem_responses(400)},
            operation_id="list_municipalities", summary="Municipalities and their sites")
def list_municipalities(request: HttpRequest, params: Query[MunicipalityParams]):
    require_known(request, MunicipalityParams)
    sites = sites_by_municipality()
    municipalities = Municipality.objects.select_related("county__region").order_by("slug")
    if params.with_site is not None:
        municipalities = [municipality for municipality in municipalities
                          if (municipality.slug in sites) == params.with_site]
    language = params.lang
    return [{
        "slug": municipality.slug, "label": municipality.label(language),
        "labels": municipality.labels(),
        "county": {"slug": municipality.county.slug,
                   "label": municipality.county.label(language)},
        "region": {"slug": municipality.county.region.slug,
                   "label": municipality.county.region.label(language)},
        "site": {"hostname": site.hostname, "url": site.root_url,
                 "home_page_id": site.root_page_id}
        if (site := sites.get(municipality.slug)) else None,
    } for municipality in municipalities]
