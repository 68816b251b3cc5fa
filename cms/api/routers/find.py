"""Routing a front-end's URL: the public page a site's HTML path shows, as Wagtail's API finds
it (`/api/v2/pages/find/?html_path=`)."""

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from wagtail.models import Page

from cms.api.params import require_known
from cms.api.problems import ApiProblem, Problem, problem_responses
from cms.api.registry import Context, resource_for
from cms.api.resources.base import (
    AnswerLanguage,
    ContentType,
    Language,
    api_url_of,
    content_type_of,
    language_of,
)
from cms.scope import SiteScope, site_scope

router = Router(tags=["pages"])


class FindParams(AnswerLanguage):
    html_path: str = Field(..., max_length=2000,
                           description="The path of a page on this site, as its HTML shows it, "
                                       "e.g. /projektai/senjoru-dienos-centras/")


class FoundPage(Schema):
    id: int
    type: ContentType
    locale: Language
    detail_url: str = Field(description="The page's detail in this API")

    resolve_type = staticmethod(content_type_of)
    resolve_locale = staticmethod(language_of)
    resolve_detail_url = staticmethod(api_url_of)


def page_at(scope: SiteScope, html_path: str) -> Page | None:
    """The page at this path of the site: its home's path in the language the path's prefix
    names (none for the default language), then the slugs."""
    slugs = [slug for slug in html_path.split("?")[0].split("/") if slug]
    prefixed = {code for code, _name in settings.LANGUAGES} - {settings.LANGUAGE_CODE}
    language = slugs.pop(0) if slugs and slugs[0] in prefixed else settings.LANGUAGE_CODE
    home = scope.home_in(language)
    if home is None:
        return None
    url_path = home.url_path + "".join(f"{slug}/" for slug in slugs)
    return Page.objects.filter(url_path=url_path, path__startswith=home.path).first()


@router.get("/find/", response={200: FoundPage, 400: Problem, 404: Problem},
            openapi_extra={"responses": problem_responses(400, 404)},
            operation_id="find_page", summary="Find the page an HTML path of this site shows")
def find_page(request: HttpRequest, params: Query[FindParams]):
    """Answers the public page's `id`, `type` and API `detail_url`, so that a front-end can
    route any of the site's URLs; 404 for a path that shows no public page of the API's
    types."""
    require_known(request, FindParams)
    page = page_at(site_scope(request), params.html_path)
    page = page and page.specific
    if page is None or resource_for(page) is None or not Context.of(request).is_public(page):
        raise ApiProblem(404, _("No public page is at “%(path)s”.")
                         % {"path": params.html_path}, "html_path")
    return page
