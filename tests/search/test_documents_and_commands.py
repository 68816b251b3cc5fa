"""Documents are built in bulk with a constant number of queries; the index commands work."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from pages.models import NewsPage, ProjectPage
from search import pipeline
from search.documents import build_documents
from search.query import SearchQuery
from tests.factories import MEASURE, PROJECT, PROVIDER, TRANSLATION, seed_lines
from tests.search.conftest import drop_indices, use_engine

TEXT_QUERIES = [  # need Lithuanian analysis: OpenSearch and the database engine
    {"text": "paslaugos"},
    {"text": "socialinės paslaugos", "filters": {"language": ["lt"]}},
    {"text": "zmones su negalia", "filters": {"content_type": ["project"]}},
]
QUERIES = [  # answered identically by every engine, with or without analysis
    {},
    {"filters": {"target_group": ["asmenys-su-negalia"]}},
    {"filters": {"target_group": ["proto-ar-psichikos-negalia"], "status": ["running"]}},
    {"filters": {"municipality": ["alytus", "kalvarija"], "content_type": ["project"]}},
    {"municipality": "kalvarija"},
    {"text": "07-018-P-0001"},
    {"sort": "budget", "filters": {"content_type": ["project"]}},
]


def queries_to_build(page_ids: list[int]) -> int:
    with CaptureQueriesContext(connection) as captured:
        documents = build_documents(page_ids)
    assert all(documents.values())
    return len(captured)


def news(count: int) -> list[dict]:
    return [{"id": f"n{number}", "type": "news", "site": "alytus", "title": f"Naujiena {number}",
             "lead": "Trumpai apie projektą.",
             "about_projects": ["p0"], "tags": ["vaikai", f"žyma {number}"],
             "people": [{"name": "Ona Onaitė", "position": "vadovė"}]} for number in range(count)]


def spread_projects(count: int, shared: int = 3) -> list[dict]:
    """Projects over several measures and providers: a relation fetched per page, not once per
    batch, would then cost more queries for more pages."""
    references = [line for number in range(shared) for line in (
        {**PROVIDER, "id": f"prov{number}", "title": f"Teikėjas {number}"},
        {**MEASURE, "id": f"m{number}", "code": f"08.1.1-CPVA-R-40{number}"})]
    return references + [{**PROJECT, "id": f"p{number}", "title": f"Projektas {number}",
                          "project_code": "", "measure": f"m{number % shared}",
                          "lead_beneficiary": f"prov{number % shared}",
                          "partners": [{"provider": f"prov{(number + 1) % shared}"}]}
                         for number in range(count)]


def test_building_documents_takes_a_constant_number_of_queries(sites, run_import):
    result = run_import(spread_projects(20) + news(20))
    assert not result.failed, result.stderr
    ids = sorted(Page.objects.type(ProjectPage, NewsPage).values_list("pk", flat=True))
    build_documents(ids)  # warm Django's caches (content types, site root paths)
    # at most one query per relation: a page pointed at twice (a lead and a partner) is read
    # once, so the whole batch may take fewer than four of its pages
    assert queries_to_build(ids) <= queries_to_build(ids[:2] + ids[-2:]) <= 25


@pytest.mark.engine
def test_same_content_gives_identical_results_on_every_engine(sites, run_import, settings):
    result = run_import(seed_lines())
    assert not result.failed, result.stderr
    page_ids = Page.objects.values_list("pk", flat=True)
    actions = [action for action in pipeline.actions_for(dict.fromkeys(page_ids, 1))
               if action.document]
    answers = {}
    for kind in ("elasticsearch", "opensearch", "database"):
        use_engine(kind, settings)
        engine = pipeline.get_engine()
        engine.ensure_index()
        try:
            engine.bulk(actions)
            engine.refresh()
            answers[kind] = [answer(engine.search(SearchQuery(**query, page_size=50)))
                             for query in QUERIES + TEXT_QUERIES]
        finally:
            drop_indices(engine)
    shared = len(QUERIES)
    assert answers["elasticsearch"][:shared] == answers["database"][:shared]
    assert answers["opensearch"] == answers["database"]
    assert answers["database"][0][0] == len(actions)
    assert all(count for count, _hits, _facets in answers["database"])


def answer(response) -> tuple:
    facets = {key: sorted((value.value, value.count) for value in values)
              for key, values in response.facets.items()}
    return response.count, sorted(hit.id for hit in response.hits), facets


@pytest.mark.parametrize("engine", ["database", "elasticsearch"], indirect=True)
def test_search_index_commands(engine, sites, run_import):
    run_import([PROVIDER, MEASURE, PROJECT])

    def run(*args: str) -> str:
        out = StringIO()
        call_command("search_index", *args, "--no-progress", stdout=out)
        return out.getvalue()

    assert "Eilėje laukia: 0" not in run("status")
    assert "Įrašyta" in run("drain")
    status = run("status")
    assert "Duomenų bazėje viešų dokumentų: 3" in status and "Indekse dokumentų: 3" in status
    assert "Eilėje laukia: 0" in status
    assert "Naujas indeksas" in run("rebuild")
    assert "Trūko 0, pasenę 0, pertekliniai 0" in run("reconcile")


def test_both_languages_name_the_site_by_its_lithuanian_slug(sites, run_import):
    run_import([PROVIDER, MEASURE, PROJECT, TRANSLATION])
    documents = build_documents(ProjectPage.objects.values_list("pk", flat=True))
    assert {(doc["language"], doc["site"]) for doc in documents.values()} == {
        ("lt", "alytus"), ("en", "alytus")}


def test_a_document_links_to_its_page_as_wagtail_does(sites, run_import):
    run_import([PROVIDER, MEASURE, PROJECT, TRANSLATION])
    pages = {page.pk: page for page in ProjectPage.objects.all()}
    documents = build_documents(pages)
    assert sorted(document["url"] for document in documents.values()) == [
        "http://alytus.localhost/en/projects/development-of-social-services-in-alytus/",
        "http://alytus.localhost/projektai/socialiniu-paslaugu-pletra-alytaus-mieste/"]
    assert all(document["url"] == pages[page_id].get_full_url()
               for page_id, document in documents.items())
