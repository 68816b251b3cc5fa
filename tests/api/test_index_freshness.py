"""The index is never silently stale: after any change and a drain, every indexed document is
exactly what the builder makes of the database now, and nothing else is indexed."""

import pytest
from django.conf import settings
from django.core.cache import caches
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.actions.create_alias import CreatePageAliasAction
from wagtail.models import Locale, PageViewRestriction

from pages.models import (
    County,
    FundingMeasurePage,
    MunicipalityHomePage,
    NewsPage,
    ProjectIndexPage,
    ProjectPage,
    ProviderPage,
    Region,
    ServiceType,
    TargetGroup,
)
from search import pipeline
from search import reconcile as reconcile_module
from search.documents import build_documents, searchable_page_ids
from search.models import StoredDocument
from search.reconcile import reconcile

pytestmark = pytest.mark.django_db


def indexed() -> dict[int, dict]:
    return dict(StoredDocument.objects.filter(
        index__alias=settings.SEARCH_INDEX_ALIAS, index__live=True, deleted=False)
        .values_list("page_id", "document"))


def assert_fresh() -> None:
    pipeline.drain()
    built = {pk: doc for pk, doc in build_documents(searchable_page_ids()).items() if doc}
    stored = indexed()
    assert set(stored) == set(built)
    stale = [pk for pk in built if stored[pk] != built[pk]]
    assert not stale, f"{len(stale)} stale documents, e.g. {stale[0]}: {stored[stale[0]]}"


def test_programme_label_and_period_reach_its_measures(api):
    programme = FundingMeasurePage.objects.live().first().priority.programme
    programme.label_lt, programme.period = "Pervadinta programa", "2021-2027"
    programme.save()
    assert_fresh()


def test_a_countys_new_region_reaches_every_page_of_its_municipalities(api):
    home = MunicipalityHomePage.objects.get(slug="alytus")
    county = home.municipality.county
    county.region = Region.objects.exclude(pk=county.region_id).first()
    county.save()
    assert_fresh()


def test_a_home_pages_new_municipality_reaches_its_news(api):
    home = MunicipalityHomePage.objects.get(slug="kalvarija")
    home.municipality = County.objects.exclude(pk=home.municipality.county_id).first() \
        .municipalities.first()
    home.save_revision().publish()
    assert_fresh()


def test_a_deleted_service_type_leaves_the_facets(api):
    ServiceType.objects.filter(projects__live=True).first().delete()
    assert_fresh()


def test_a_deleted_term_in_use_leaves_the_facets(api):
    group = TargetGroup.objects.filter(projects__live=True, narrower__isnull=True).first()
    group.delete()
    assert_fresh()


def test_a_broader_target_group_change_reaches_pages_of_its_narrower_groups(api):
    group = TargetGroup.objects.filter(broader__isnull=False, projects__live=True).first()
    group.broader = TargetGroup.objects.exclude(pk=group.broader_id).filter(
        broader__isnull=True).exclude(pk=group.pk).first()
    group.save()
    assert_fresh()


def test_an_alias_converted_into_a_page_becomes_searchable(api):
    project = ProjectPage.objects.live().filter(locale__language_code="lt").first()
    english = ProjectIndexPage.objects.filter(locale__language_code="en").first()
    alias = CreatePageAliasAction(project, recursive=False, parent=english,
                                  update_locale=Locale.objects.get(language_code="en")).execute()
    assert_fresh()
    assert alias.pk not in indexed()
    ConvertAliasPageAction(alias).execute(skip_permission_checks=True)
    assert_fresh()
    assert alias.pk in indexed()


def test_a_restricted_section_and_the_pages_naming_its_pages(api):
    section = ProjectIndexPage.objects.get(
        locale__language_code="lt", path__startswith=MunicipalityHomePage.objects.get(
            slug="alytus", locale__language_code="lt").path)
    PageViewRestriction.objects.create(page=section, restriction_type="password", password="x")
    assert_fresh()
    section.view_restrictions.all().delete()
    assert_fresh()


def test_a_moved_page_and_a_bulk_unpublish(api):
    news = NewsPage.objects.live().filter(locale__language_code="lt").first()
    other_index = news.get_parent().specific_class.objects.filter(
        locale__language_code="lt").exclude(pk=news.get_parent().pk).first()
    news.move(other_index, pos="last-child")
    assert_fresh()
    for project in ProjectPage.objects.live().filter(locale__language_code="lt")[:3]:
        project.unpublish()
    assert_fresh()


def test_the_demo_starts_fresh(api):
    assert_fresh()


def test_reconcile_finds_content_drift_that_versions_miss(api):
    project = ProjectPage.objects.live().first()
    ProjectPage.objects.filter(pk=project.pk).update(title="Pakeista be signalo")  # no outbox row
    result = reconcile()
    assert (result.missing, result.stale, result.orphans) == (set(), {project.pk}, set())
    assert_fresh()
    assert indexed()[project.pk]["title"] == "Pakeista be signalo"


def test_the_beat_checks_the_index_a_slice_at_a_time(api, monkeypatch):
    caches["shared"].delete_many([reconcile_module.cache_key(name) for name in (
        reconcile_module.CURSOR, reconcile_module.PASS, reconcile_module.DRIFT)])
    monkeypatch.setattr(reconcile_module, "SLICE_SIZE", 40)
    pages, public = searchable_page_ids(), sorted(indexed())
    drifted = [public[5], public[-5]]
    ProjectPage.objects.filter(pk__in=drifted).update(title="Pakeista be signalo")
    NewsPage.objects.filter(pk__in=drifted).update(title="Pakeista be signalo")
    ProviderPage.objects.filter(pk__in=drifted).update(title="Pakeista be signalo")
    FundingMeasurePage.objects.filter(pk__in=drifted).update(title="Pakeista be signalo")
    stored = indexed()  # the drifted pages, and the pages naming them
    differing = {pk for pk, doc in build_documents(pages).items() if doc and stored[pk] != doc}
    assert set(drifted) <= differing
    found, runs = set(), 0
    while reconcile_module.last_drift() is None:
        found |= reconcile_module.reconcile_next_slice().differing
        runs += 1
    assert found == differing and runs >= len(pages) // 40
    assert reconcile_module.last_drift()["stale"] == len(differing)
    assert_fresh()
