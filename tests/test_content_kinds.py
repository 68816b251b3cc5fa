"""One registry of content kinds (`pages.kinds`): every list of kinds in the product is derived
from it, so a fifth kind is one model plus one registration (and its document mapping, import
fields and API resource, declared next to them), and a list kept by hand fails here."""

import pytest
from django.utils import translation
from wagtail.models import Locale

from cms.api.registry import RESOURCES
from cms.search_page import section_search_context
from cms.structure_guard import structural_types
from pages.importing.schema import FIELDS_BY_KIND, import_kinds
from pages.kinds import CONTENT_KINDS, content_kinds, kind_of_section, register_kind
from pages.models import CollectionPage, MunicipalityHomePage, NewsIndexPage, NewsPage
from pages.sites import ensure_municipality_site
from search import checks
from search.documents import MAPPINGS, DocumentMapping, build_documents, document_mappings
from search.documents import map_news as map_event
from search.facets import FACETS_BY_KEY
from tests.api.demo import demo_slice

KEYS = [kind.key for kind in content_kinds()]
EVERY_DOCUMENT = {"content_type", "language"}  # facets every document fills


def test_the_four_kinds_are_registered_with_their_sections():
    assert [(kind.key, kind.model.__name__, kind.section_model.__name__, kind.section_slug("lt"),
             kind.plural_in("lt"), kind.plural_in("en")) for kind in content_kinds()] == [
        ("project", "ProjectPage", "ProjectIndexPage", "projektai", "Projektai", "Projects"),
        ("measure", "FundingMeasurePage", "MeasureIndexPage", "priemones",
         "Finansavimo priemonės", "Funding measures"),
        ("provider", "ProviderPage", "ProviderIndexPage", "teikejai", "Paslaugų teikėjai",
         "Service providers"),
        ("news", "NewsPage", "NewsIndexPage", "naujienos", "Naujienos", "News"),
    ]
    with translation.override("lt"):
        assert [str(kind.label) for kind in content_kinds()] == [
            "Projektas", "Finansavimo priemonė", "Paslaugų teikėjas", "Naujiena"]


def test_a_key_taken_by_another_kind_is_refused():
    project = CONTENT_KINDS["project"]
    with pytest.raises(ValueError, match="already registered"):
        register_kind("project", model=NewsPage, section_model=NewsIndexPage,
                      section_slugs=project.section_slugs, label=project.label,
                      label_plural=project.label_plural, facets=project.facets)


def test_every_list_of_kinds_is_the_registry():
    assert list(import_kinds()) == KEYS
    assert list(FACETS_BY_KEY["content_type"].value_labels("lt")) == KEYS
    assert [mapping.kind_key for mapping in document_mappings()] == KEYS == list(MAPPINGS)
    kind_resources = {resource.content_type: resource.model for resource in RESOURCES.values()
                      if resource.model is not CollectionPage}
    assert kind_resources == {kind.key: kind.model for kind in content_kinds()}
    assert MunicipalityHomePage.clean_subpage_models() == [
        *(kind.section_model for kind in content_kinds()), CollectionPage]
    assert checks.check_search_declarations(None) == []


def test_each_kind_lives_in_its_own_section():
    for kind in content_kinds():
        assert kind.model.allowed_parent_page_models() == [kind.section_model]
        assert kind.section_model.allowed_subpage_models() == [kind.model]
        assert kind_of_section(kind.section_model) is kind
    assert structural_types() == (MunicipalityHomePage,
                                  *(kind.section_model for kind in content_kinds()))


@pytest.mark.django_db
def test_a_new_site_gets_the_section_of_every_kind(rf):
    home = ensure_municipality_site("vilnius", "vilnius.localhost").home
    english = home.get_translation(Locale.objects.get(language_code="en"))
    for language, tree in (("lt", home), ("en", english)):
        sections = [page.specific for page in tree.get_children()]
        assert [(type(section), section.slug, section.title, section.live)
                for section in sections] == [
            (kind.section_model, kind.section_slug(language), kind.plural_in(language), True)
            for kind in content_kinds()]
        for section, kind in zip(sections, content_kinds(), strict=True):
            link = section_search_context(section, rf.get("/"))
            assert link["search_url"].endswith(f"?content_type={kind.key}")


@pytest.mark.django_db
def test_documents_fill_only_the_facets_their_kind_declares(sites, run_import):
    result = run_import(demo_slice(["kalvarija"]))
    assert not result.failed, result.stderr
    documents = [document for document in build_documents(
        pk for mapping in document_mappings()
        for pk in mapping.model.objects.values_list("pk", flat=True)).values() if document]
    assert {document["content_type"] for document in documents} == set(KEYS)
    for document in documents:
        kind = CONTENT_KINDS[document["content_type"]]
        filled = {key for key in FACETS_BY_KEY if document.get(key)}
        assert filled <= set(kind.facets) | EVERY_DOCUMENT, (kind.key, filled)


@pytest.fixture
def registry_restored():
    registered = dict(CONTENT_KINDS)
    yield
    CONTENT_KINDS.clear()
    CONTENT_KINDS.update(registered)


def test_a_fifth_kind_needs_only_its_registration_and_declarations(registry_restored,
                                                                   monkeypatch):
    """A fake kind (on the news models: a real one brings its own model and migration) shows up
    in every list once registered; until its search mapping and import fields are declared, the
    system check and the importer say so."""
    event = register_kind("event", model=NewsPage, section_model=NewsIndexPage,
                          section_slugs={"lt": "renginiai", "en": "renginiai"},
                          label="Event", label_plural="Events", facets=("municipality",))
    assert [kind.key for kind in content_kinds()] == [*KEYS, "event"]
    assert FACETS_BY_KEY["content_type"].value_labels("en")["event"] == "Events"
    assert [error.id for error in checks.check_search_declarations(None)] == ["search.E004"]
    with pytest.raises(KeyError):
        import_kinds()

    monkeypatch.setitem(MAPPINGS, "event", DocumentMapping("event", map_event))
    monkeypatch.setitem(FIELDS_BY_KIND, "event", FIELDS_BY_KIND["news"])
    assert checks.check_search_declarations(None) == []
    assert import_kinds()["event"].kind is event
    assert [mapping.kind_key for mapping in document_mappings()] == [*KEYS, "event"]
