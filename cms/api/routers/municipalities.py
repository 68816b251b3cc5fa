"""Municipalities, their county and region, and the address of their site when they have one."""


from django.http import HttpRequest
from ninja import Query, Router, Schema
from wagtail.models import Site

from cms.api.params import require_known
from cms.api.problems import Problem, problem_responses
from cms.api.registry import on_request_host
from cms.api.resources.base import AnswerTermOut, LabelledTermOut, Language
from pages.models import Municipality, MunicipalityHomePage, Region

router = Router(tags=["municipalities"])


class SiteOut(Schema):
    hostname: str
    url: str
    home_page_id: int

    @staticmethod
    def resolve_url(site: Site, context: dict) -> str:
        return on_request_host(site.root_url, context["request"])

    @staticmethod
    def resolve_home_page_id(site: Site) -> int:
        return site.root_page_id


class MunicipalityOut(LabelledTermOut):
    """A municipality, with the `site` the operation found for it."""

    county: AnswerTermOut
    region: AnswerTermOut
    site: SiteOut | None

    @staticmethod
    def resolve_region(municipality: Municipality) -> Region:
        return municipality.county.region


class MunicipalityParams(Schema):
    lang: Language = "lt"
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
    municipalities = list(Municipality.objects.select_related("county__region").order_by("slug"))
    for municipality in municipalities:
        municipality.site = sites.get(municipality.slug)
    if params.with_site is not None:
        municipalities = [municipality for municipality in municipalities
                          if (municipality.site is not None) == params.with_site]
    return municipalities
