"""System checks: the search declarations are validated at start-up."""

from django.apps import apps
from django.core import checks
from wagtail.models import Page

from search.documents import MAPPERS, related_model_at
from search.engines import get_engine
from search.engines.base import basic_analysis_allowed
from search.facets import FACETS

NOT_SEARCHABLE = {"MunicipalityHomePage", "ProjectIndexPage", "MeasureIndexPage",
                  "ProviderIndexPage", "NewsIndexPage",
                  "CollectionPage"}  # a saved search shows results; it is not one itself


def check_search_declarations(app_configs, **kwargs) -> list[checks.CheckMessage]:
    errors = []
    registered = {model for model, *_rest in MAPPERS.values()}
    for model in apps.get_app_config("pages").get_models():
        if issubclass(model, Page) and model not in registered \
                and model.__name__ not in NOT_SEARCHABLE:
            errors.append(checks.Error(f"{model.__name__} has no search document mapper.",
                                       hint="Add it to search.documents.MAPPERS.",
                                       id="search.E001"))
    for model, _mapper, related, prefetch in MAPPERS.values():
        for lookup in [*related, *prefetch]:
            try:
                related_model_at(model, lookup)
            except Exception as error:
                errors.append(checks.Error(f"{model.__name__}: bad lookup {lookup!r} ({error})",
                                           id="search.E002"))
    keys = [facet.key for facet in FACETS]
    if len(keys) != len(set(keys)):
        errors.append(checks.Error("Duplicate facet keys.", id="search.E003"))
    return errors


def check_engine_analysis(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """The engine's server must have what the Lithuanian analysis needs."""
    try:
        missing = get_engine().missing_analysis()
    except Exception as error:  # an engine that is down is the health panel's business
        return [checks.Warning(f"The search engine could not be asked about its analysis "
                               f"module: {error}", id="search.W011")]
    if not missing:
        return []
    if basic_analysis_allowed():
        return [checks.Warning(f"{missing} Lithuanian search is degraded "
                               "(SEARCH_BASIC_ANALYSIS_ALLOWED).", id="search.W010")]
    return [checks.Error(missing, hint="Install the module on every node, or use OpenSearch "
                         "or the database engine.", id="search.E010")]


def register() -> None:
    checks.register(check_search_declarations, checks.Tags.models)
    checks.register(check_engine_analysis, "search")
