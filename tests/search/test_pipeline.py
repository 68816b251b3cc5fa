"""Page changes → outbox → engine, on every engine."""

import pytest
from wagtail.models import Page, PageViewRestriction

from pages.models import ImportedItem, ProjectPage, ProviderPage, TargetGroup
from search import pipeline
from search.engines.base import IndexAction
from search.freshness import index_generation
from search.models import OutboxEntry
from search.query import SearchQuery
from search.rebuild import run_rebuild
from search.reconcile import reconcile
from tests.factories import MEASURE, PROJECT, PROVIDER, TRANSLATION


@pytest.fixture
def project(sites, run_import, engine):
    result = run_import([PROVIDER, MEASURE, PROJECT, TRANSLATION])
    assert not result.failed, result.stderr
    return ProjectPage.objects.get(locale__language_code="lt")


def sync(engine) -> None:
    pipeline.drain()
    engine.refresh()


def found(engine, text: str = "", **kwargs) -> dict[int, str]:
    return {hit.id: hit.title for hit in engine.search(SearchQuery(text=text, **kwargs)).hits}


def test_publish_reaches_the_index_and_empties_the_outbox(engine, project):
    assert OutboxEntry.objects.filter(pending=True).exists()
    sync(engine)
    assert project.pk in found(engine, "Alytaus")
    english = project.get_translation(project.get_translations().first().locale)
    assert found(engine, "Alytus", filters={"language": ["en"]}) == {english.pk: english.title}
    assert not OutboxEntry.objects.filter(pending=True).exists()


@pytest.mark.parametrize("engine", ["opensearch"], indirect=True)
def test_a_write_is_acknowledged_once_searches_see_it(engine, project, monkeypatch):
    """The engine stores the batch but cannot refresh: its rows wait to be written again, and
    answers kept under the index generation stay kept (none is after an acknowledged write)."""
    generation = index_generation()

    def unreachable(engine) -> None:
        raise ConnectionError("the engine stopped answering")

    monkeypatch.setattr(type(engine), "refresh", unreachable)
    with pytest.raises(ConnectionError):
        pipeline.drain()
    assert set(OutboxEntry.objects.values_list("pending", flat=True)) == {True}
    assert index_generation() == generation
    monkeypatch.undo()
    pipeline.drain()
    assert not OutboxEntry.objects.filter(pending=True).exists()
    assert index_generation() != generation
    assert project.pk in found(engine, "Alytaus")


def test_drafts_never_reach_the_index(engine, project):
    sync(engine)
    project.title = "Juodraštinis pavadinimas"
    project.save_revision()
    sync(engine)
    assert found(engine, "Juodraštinis") == {}
    assert project.pk in found(engine, "Alytaus")


def test_unpublish_and_delete_leave_the_index(engine, project):
    sync(engine)
    project.unpublish()
    sync(engine)
    assert project.pk not in found(engine)
    provider = ProviderPage.objects.get(locale__language_code="lt")
    assert provider.pk in found(engine)
    Page.objects.get(pk=project.pk).delete()  # nothing protects the project itself
    sync(engine)
    assert project.pk not in found(engine)


def test_move_to_another_municipality_updates_site_and_url(engine, project, run_import):
    sync(engine)
    run_import([PROVIDER, MEASURE, {**PROJECT, "site": "kalvarija"}])
    sync(engine)
    hit = next(hit for hit in engine.search(SearchQuery(text="Alytaus")).hits
               if hit.id == project.pk)
    assert hit.url.startswith("http://kalvarija.localhost/")


def test_private_page_leaves_and_returns(engine, project):
    sync(engine)
    restriction = PageViewRestriction.objects.create(
        page=project, restriction_type=PageViewRestriction.PASSWORD, password="slaptas")
    sync(engine)
    assert project.pk not in found(engine)
    restriction.delete()
    sync(engine)
    assert project.pk in found(engine)


def test_renamed_taxonomy_and_provider_reach_the_documents(engine, project):
    sync(engine)
    group = TargetGroup.objects.get(slug="socialines-rizikos-asmenys")
    group.label_lt = "Benamystę patiriantys asmenys"
    group.save()
    provider = ProviderPage.objects.get(locale__language_code="lt")
    provider.title = "Dzūkijos socialinių paslaugų tarnyba"
    provider.save_revision().publish()
    sync(engine)
    assert project.pk in found(engine, "Benamystę")
    assert project.pk in found(engine, "Dzūkijos tarnyba")


def test_out_of_order_workers_newest_wins(engine, project):
    sync(engine)
    stale_actions = pipeline.actions_for({project.pk: 1})  # a slow worker built version 1 …
    project.title = "Nauja antraštė"
    project.save_revision().publish()
    sync(engine)  # … a fast worker already wrote version 2
    engine.bulk(stale_actions)
    engine.refresh()
    assert found(engine, "antraštė") == {project.pk: "Nauja antraštė"}


def test_rebuild_keeps_edits_made_while_it_runs(engine, project, run_import):
    sync(engine)
    edited = []

    def edit_during_rebuild(batch: int) -> None:
        if not edited:
            page = ProjectPage.objects.get(pk=project.pk)
            page.title = "Pakeista perstatymo metu"
            page.save_revision().publish()
            pipeline.drain()
            edited.append(page.pk)

    run_rebuild(on_batch=edit_during_rebuild, batch_size=1)
    assert edited
    assert found(engine, "perstatymo") == {project.pk: "Pakeista perstatymo metu"}
    result = reconcile()
    assert (result.missing, result.stale, result.orphans) == (set(), set(), set())


def test_reconcile_finds_and_fixes_missing_stale_and_orphans(engine, project):
    sync(engine)
    expected = set(found(engine))
    engine.promote(engine.create_index())  # an empty live index: every document is missing
    orphan = {**engine_document(project), "id": 999999}
    engine.bulk([IndexAction(999999, 5, orphan)])
    engine.refresh()
    result = reconcile()
    assert (result.missing, result.orphans) == (expected, {999999})
    sync(engine)
    assert set(found(engine)) == expected

    OutboxEntry.objects.filter(page_id=project.pk).update(version=70, pending=False)  # lost write
    assert reconcile().stale == {project.pk}
    sync(engine)
    again = reconcile()
    assert (again.missing, again.stale, again.orphans) == (set(), set(), set())


def engine_document(page) -> dict:
    return pipeline.actions_for({page.pk: 1})[0].document


@pytest.mark.parametrize("engine", ["elasticsearch", "opensearch"], indirect=True)
def test_rejected_document_is_recorded_and_does_not_block_the_batch(engine, project,
                                                                     monkeypatch):
    build = pipeline.build_documents

    def with_one_bad_document(page_ids):
        documents = build(page_ids)
        if documents.get(project.pk):
            documents[project.pk]["date"] = "ne data"
        return documents

    monkeypatch.setattr(pipeline, "build_documents", with_one_bad_document)
    for _attempt in range(5):
        OutboxEntry.objects.filter(page_id=project.pk).update(retry_after=None)
        sync(engine)
    entry = OutboxEntry.objects.get(page_id=project.pk)
    assert entry.failed and "date" in entry.last_error
    provider = ProviderPage.objects.get(locale__language_code="lt")
    assert provider.pk in found(engine)
    assert ImportedItem.objects.count() == 3
