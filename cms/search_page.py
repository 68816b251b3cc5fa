"""The residents' search page of each municipality site (a plain GET form, enhanced by JS), the
live results a collection page shows, and the link from each section to its search."""

from urllib.parse import urlencode

from django.http import Http404, HttpRequest
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext

from cms.scope import site_scope
from cms.search_texts import PLACE_FACETS, SEARCH_PATHS, search_failure, section_search_link
from cms.search_view import results_context
from cms.searching import query_from_params, run, searched
from pages.kinds import kind_of_section
from pages.listing import parsed_whole_number
from pages.models import CollectionPage
from pages.models.structure import IndexPage
from pages.templatetags.site_chrome import site_contacts
from search.engines.base import SearchUnavailable
from search.query import QueryError, SearchQuery


def search_page(request: HttpRequest, language: str) -> TemplateResponse:
    """The search page in `language`: its labels follow the page's language, whatever the
    visitor's browser prefers."""
    with translation.override(language):
        response = search_page_response(request, language)
        response.render()
    return response


def search_page_response(request: HttpRequest, language: str) -> TemplateResponse:
    scope = site_scope(request)
    home = scope.home_in(language) if scope else None
    if home is None:
        raise Http404(gettext("This site has no search in this language."))
    fixed = {"language": [language]}
    error, status, meant = "", 200, None
    try:
        query = query_from_params(request.GET, language=language, fixed=fixed,
                                  municipality=scope.municipality)
        response, meant = searched(request, query)
    except QueryError as problem:
        error, status = search_failure(str(problem)), 400
        query = SearchQuery(language=language, municipality=scope.municipality, filters=fixed)
        response = run(query)
    other = "en" if language == "lt" else "lt"
    context = {
        "home": home, "language": language, "error": error, "scope": scope,
        "other_language": other if scope.home_in(other) else None,
        "other_search_url": SEARCH_PATHS[other], "search_url": SEARCH_PATHS[language],
        **results_context(request, query, response, hidden=("language",)
                          + (PLACE_FACETS if scope.municipality else ()), did_you_mean=meant),
    }
    if not response.count:  # whom to ask for help, beside the searches to try
        context["help_contacts"] = site_contacts(home)
    return TemplateResponse(request, "cms/search_page.html", context, status=status)


def collection_context(page: CollectionPage, request: HttpRequest) -> dict:
    """Live results of a collection page, for its template. An editor's preview shows the page
    without them when the engine cannot answer; residents get the 503 page
    (`cms.unavailable`)."""
    from cms.api.resources.collections import live_results

    site_context = {"language": page.language, "home": page.get_parent().specific}
    try:
        query, response = live_results(page, parsed_whole_number(request.GET.get("page")) or 1)
    except QueryError:  # a page beyond the last one
        query, response = live_results(page)
    except SearchUnavailable:
        if not getattr(request, "is_preview", False):
            raise
        return {**site_context, "results_unavailable": True}
    refine = [*((key, value) for key, values in query.filters.items() for value in values),
              ("q", query.text), ("sort", query.sort)]
    params = urlencode([(key, value) for key, value in refine if value])
    return {**site_context, "refine_url": f"{SEARCH_PATHS[page.language]}?{params}",
            **results_context(request, query, response, hidden=("language",))}


def section_search_context(section: IndexPage, request: HttpRequest) -> dict:
    """The link from a section to the search page, showing only the section's content kind."""
    language = section.language
    kind = kind_of_section(type(section))
    label = kind.plural_in(language)
    params = urlencode({"content_type": kind.key})
    with translation.override(language):
        search_text = section_search_link(label)
    return {"search_url": f"{SEARCH_PATHS[language]}?{params}", "search_text": search_text}
