"""Documents are exactly what the pages give, however they are built: the demo slice of one
site, with a measure expiring later, an organisation unpublished and the English news behind a
view restriction, against a frozen copy of its documents (tests/search/data/documents.json);
and each page's document built alone, in one batch, and in batches sharing one site directory.

The frozen copy is keyed by each page's language and `url_path`, which no database id enters.
Normalised there: `id` is left out (the key names the page), `translation_key` (a random UUID)
becomes the key of the first page sharing it, and `fingerprint` is left out once it is checked
to be the fingerprint of the rest of the document. Every page's first publication is set to one
moment, so that no document dates its page by the day the test ran.

    FREEZE_DOCUMENTS=1 pytest tests/search/test_documents_from_rows.py

writes the copy anew (and skips), after a deliberate change to what documents hold.
"""

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.db.models import Count
from wagtail.models import Page, PageViewRestriction

from pages.models import (
    FundingMeasurePage,
    NewsIndexPage,
    NewsPage,
    ProjectPage,
    ProviderPage,
    TargetGroup,
)
from pages.public import is_public
from search import pipeline
from search.documents import (
    Document,
    SiteDirectory,
    build_documents,
    fingerprinted,
    indexable_pages,
    searchable_page_ids,
)
from search.models import StoredDocument
from search.rebuild import run_rebuild
from tests.api.demo import demo_slice
from tests.search.conftest import engine_fixture

database_engine = engine_fixture(["database"])

FROZEN = Path(__file__).parent / "data" / "documents.json"
FIRST_PUBLISHED = datetime(2024, 3, 1, 9, 30, tzinfo=UTC)
MEASURE_EXPIRES = datetime(2099, 6, 30, 12, tzinfo=UTC)


def key_of(page: Page) -> str:
    return f"{page.locale.language_code}{page.url_path}"


@pytest.fixture
def pages(sites, run_import) -> dict[str, Page]:
    """Every page of the demo slice by its key, in key order."""
    result = run_import(demo_slice(["kalvarija"]))
    assert not result.failed, result.stderr
    Page.objects.update(first_published_at=FIRST_PUBLISHED)
    measure = ProjectPage.objects.filter(url_path__startswith="/kalvarija/").exclude(
        measure=None).order_by("url_path").first().measure
    FundingMeasurePage.objects.filter(translation_key=measure.translation_key).update(
        expire_at=MEASURE_EXPIRES)
    lead = ProjectPage.objects.exclude(lead_beneficiary=None).order_by(
        "url_path").first().lead_beneficiary
    ProviderPage.objects.filter(pk=lead.pk).update(live=False)
    english_news = NewsIndexPage.objects.get(url_path__startswith="/kalvarija",
                                             locale__language_code="en")
    PageViewRestriction.objects.create(page=english_news, restriction_type="password",
                                       password="slaptas")
    every_page = Page.objects.select_related("locale").specific()
    return dict(sorted((key_of(page), page) for page in every_page))


def normalised(documents: dict[int, Document | None], pages: dict[str, Page]
               ) -> dict[str, Document | None]:
    first_of_translation: dict[str, str] = {}
    for key, page in pages.items():
        first_of_translation.setdefault(str(page.translation_key), key)
    found: dict[str, Document | None] = {}
    for key, page in pages.items():
        document = documents[page.pk]
        if document is not None:
            rest = {name: value for name, value in document.items() if name != "fingerprint"}
            assert document == fingerprinted(rest), key
            document = {**rest, "translation_key": first_of_translation[rest["translation_key"]]}
            assert document.pop("id") == page.pk, key
        found[key] = document
    return found


def as_text(documents: dict[str, Document | None]) -> str:
    return json.dumps(documents, sort_keys=True, ensure_ascii=False, indent=1) + "\n"


def test_documents_are_the_frozen_documents_of_the_demo_slice(pages):
    built = normalised(build_documents(page.pk for page in pages.values()), pages)
    if os.environ.get("FREEZE_DOCUMENTS"):
        FROZEN.parent.mkdir(exist_ok=True)
        FROZEN.write_text(as_text(built), encoding="utf-8")
        pytest.skip(f"wrote {FROZEN}")
    assert as_text(built) == FROZEN.read_text(encoding="utf-8")
    assert any(document and document["expires_at"] for document in built.values())
    withheld = {key for key, page in pages.items()
                if built[key] is None and isinstance(page, ProviderPage | NewsPage)}
    assert withheld  # the unpublished organisation, the English news behind the restriction


def test_a_document_is_the_same_built_alone_in_a_batch_or_with_a_shared_directory(pages):
    ids = [page.pk for page in pages.values()]
    together = build_documents(ids)
    directory = SiteDirectory()
    in_batches = {}
    for start in range(0, len(ids), 7):
        in_batches |= build_documents(ids[start:start + 7], directory)
    assert in_batches == together
    for page_id in ids:
        assert build_documents([page_id]) == {page_id: together[page_id]}


def test_each_document_agrees_with_the_page_on_its_url_and_whether_it_is_public(pages):
    documents = build_documents(page.pk for page in pages.values())
    assert {pk for pk, document in documents.items() if document} == {
        page.pk for page in indexable_pages()}
    for key, page in pages.items():
        if documents[page.pk]:
            assert is_public(page), key
            assert documents[page.pk]["url"] == page.get_full_url(), key


def test_a_shared_directory_reads_a_term_added_after_it(pages):
    project = ProjectPage.objects.live().exclude(target_groups=None).order_by("url_path")[0]
    directory = SiteDirectory()
    assert build_documents([project.pk], directory)[project.pk]["target_group"]
    newcomers = TargetGroup.objects.create(slug="naujakuriai", label_lt="Naujakuriai",
                                           label_en="Newcomers")
    ProjectPage.target_groups.through.objects.create(projectpage=project, targetgroup=newcomers)
    document = build_documents([project.pk], directory)[project.pk]
    assert "naujakuriai" in document["target_group"] and "Newcomers" in document["labels"]


def test_a_rebuild_reads_a_fresh_directory_for_a_batch_with_a_pending_change(
        database_engine, pages):
    """A target group renamed while a rebuild runs: its pages' changes are pending, and each
    page read after the rename has the new name. Written with the rebuild's directory, read
    before the rename, it would keep the old name at the new version, and the drain's write of
    that version could not replace it."""
    pipeline.drain()
    group = TargetGroup.objects.annotate(pages=Count("projects")).order_by("-pages").first()
    renamed: list[int] = []

    def rename_once(size: int) -> None:
        if not renamed:
            group.label_en = "Renamed group"
            group.save()
            renamed.append(size)

    run_rebuild(on_batch=rename_once, batch_size=5)
    pipeline.drain()
    stored = {document.page_id: document.document for document in StoredDocument.objects.filter(
        index__live=True, deleted=False)}
    built = {pk: document for pk, document in build_documents(searchable_page_ids()).items()
             if document}
    assert sum("Renamed group" in document["labels"] for document in built.values()) > 5
    assert stored == built
