"""System checks: the search declarations are validated at start-up."""

from django.apps import apps
from django.core import checks
from django.utils.translation import gettext as _
from wagtail.models import Page

from pages.kinds import CONTENT_KINDS, content_kinds, section_models
from pages.models import CollectionPage, MunicipalityHomePage
from search.documents import MAPPINGS, related_model_at
from search.engines import get_engine
from search.engines.base import basic_analysis_allowed
from search.facets import FACETS, FACETS_BY_KEY

# a saved search shows results; it is not one itself
NOT_SEARCHABLE = (MunicipalityHomePage, CollectionPage)


def check_search_declarations(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """Every page type is a content kind (or a home, section or collection page), every kind
    has a document mapping with valid lookups, and the facets are declared once."""
    errors = []
    kind_models = {kind.model for kind in content_kinds()}
    structural = (*NOT_SEARCHABLE, *section_models())
    for model in apps.get_app_config("pages").get_models():
        if issubclass(model, Page) and model not in kind_models \
                and not issubclass(model, structural):
            errors.append(checks.Error(
                _("%(model)s is not a content kind.") % {"model": model.__name__},
                hint=_("Register it with pages.kinds.register_kind."), id="search.E001"))
    for kind in content_kinds():
        if kind.key not in MAPPINGS:
            errors.append(checks.Error(
                _("Content kind %(kind)r has no search document mapping.") % {"kind": kind.key},
                hint=_("Add one with search.documents.register_mapping."), id="search.E004"))
        if unknown := sorted(set(kind.facets) - set(FACETS_BY_KEY)):
            errors.append(checks.Error(
                _("Content kind %(kind)r names unknown facets %(facets)s.")
                % {"kind": kind.key, "facets": unknown}, id="search.E005"))
    for mapping in MAPPINGS.values():
        if mapping.kind_key not in CONTENT_KINDS:
            errors.append(checks.Error(
                _("Search document mapping for unknown content kind %(kind)r.")
                % {"kind": mapping.kind_key}, id="search.E006"))
            continue
        for lookup in [*mapping.related, *mapping.prefetch]:
            try:
                related_model_at(mapping.model, lookup)
            except Exception as error:
                errors.append(checks.Error(
                    _("%(model)s: bad lookup %(lookup)r (%(error)s)")
                    % {"model": mapping.model.__name__, "lookup": lookup, "error": error},
                    id="search.E002"))
    keys = [facet.key for facet in FACETS]
    if len(keys) != len(set(keys)):
        errors.append(checks.Error(_("Duplicate facet keys."), id="search.E003"))
    return errors


def check_engine_analysis(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """The engine's server must have what the Lithuanian analysis needs."""
    try:
        missing = get_engine().missing_analysis()
    except Exception as error:  # an engine that is down is the health panel's business
        return [checks.Warning(
            _("The search engine could not be asked about its analysis module: %(error)s")
            % {"error": error}, id="search.W011")]
    if not missing:
        return []
    if basic_analysis_allowed():
        return [checks.Warning(
            _("%(missing)s Lithuanian search is degraded (SEARCH_BASIC_ANALYSIS_ALLOWED).")
            % {"missing": missing}, id="search.W010")]
    return [checks.Error(missing, hint=_("Install the module on every node, or use OpenSearch "
                                         "or the database engine."), id="search.E010")]


def register() -> None:
    checks.register(check_search_declarations, checks.Tags.models)
    checks.register(check_engine_analysis, "search")
