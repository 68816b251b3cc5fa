"""News items carry target groups: the search filters and counts news by them, a renamed group
reaches the news that use it, the import and the API carry them, and a translation keeps its
source's. The target groups read plainly: no two share a label, and a hard official name has an
easy-read description that the taxonomies API gives in the answer's language."""

import os

import pytest
from django.test import Client
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource
from wagtail_localize.operations import translate_object

from pages.models import NewsPage, TargetGroup
from search import pipeline
from search.outbox import waiting
from search.query import SearchQuery
from tests.factories import NEWS, imported
from tests.search.conftest import engine_fixture

# the database engine always; OpenSearch too when the services run (marked `engine`)
engine = engine_fixture(["database", *(["opensearch"] if os.environ.get("OPENSEARCH_URL")
                                       else [])])
CARERS = "globejai-rupintojai"  # narrower than "asmenys-su-negalia"
FOR_CARERS = {**NEWS, "id": "news-carers", "title": "Pagalba slaugantiems artimuosius",
              "target_groups": [CARERS]}
FOR_FAMILIES = {**NEWS, "id": "news-families", "title": "Pagalba šeimoms po nelaimės",
                "target_groups": ["krizines-seimos"]}
FOR_NOBODY = {**NEWS, "id": "news-none", "title": "Bendra naujiena"}


@pytest.fixture
def news(sites, run_import) -> dict[str, NewsPage]:
    result = run_import([FOR_CARERS, FOR_FAMILIES, FOR_NOBODY])
    assert not result.failed, result.stderr
    return {line["id"]: imported(NewsPage, line["id"])
            for line in (FOR_CARERS, FOR_FAMILIES, FOR_NOBODY)}


def sync(engine) -> None:
    pipeline.drain()
    engine.refresh()


def search(engine, text: str = "", **filters: list[str]):
    return engine.search(SearchQuery(text=text, filters={"content_type": ["news"], **filters},
                                     page_size=50))


def test_news_is_found_by_its_target_group_and_its_broader_group(engine, news):
    sync(engine)
    carers = news["news-carers"].pk
    assert [hit.id for hit in search(engine, target_group=[CARERS]).hits] == [carers]
    assert [hit.id for hit in search(engine, target_group=["asmenys-su-negalia"]).hits] == [
        carers]
    everything = {hit.id for hit in search(engine).hits}
    assert everything == {page.pk for page in news.values()}


def test_news_target_groups_are_counted_in_the_facet(engine, news):
    sync(engine)
    counts = {value.value: value.count for value in search(engine).facets["target_group"]}
    assert counts == {CARERS: 1, "asmenys-su-negalia": 1, "krizines-seimos": 1}


def test_renaming_a_target_group_reindexes_the_news_using_it(engine, news):
    sync(engine)
    group = TargetGroup.objects.get(slug="krizines-seimos")
    group.label_lt = "Benamystę patiriančios šeimos"
    group.save()
    assert set(waiting().values_list("page_id", flat=True)) == {news["news-families"].pk}
    sync(engine)
    assert [hit.id for hit in search(engine, "Benamystę").hits] == [news["news-families"].pk]


def test_import_sets_and_changes_target_groups_in_both_languages(sites, run_import):
    english = {"id": "news-carers", "type": "news", "locale": "en", "title": "Help for carers",
               "lead": "Lead."}
    assert not run_import([FOR_CARERS, english]).failed
    assert slugs(imported(NewsPage, "news-carers", "en")) == {CARERS}
    result = run_import([{**FOR_CARERS, "target_groups": ["jaunimas", "krizines-seimos"]}])
    assert not result.failed, result.stderr
    for language in ("lt", "en"):
        assert slugs(imported(NewsPage, "news-carers", language)) == {"jaunimas",
                                                                       "krizines-seimos"}


def test_import_refuses_an_unknown_target_group(sites, run_import):
    result = run_import([{**FOR_CARERS, "target_groups": ["nezinoma-grupe"]}])
    assert result.failed
    assert "target_groups" in result.stderr and "nezinoma-grupe" in result.stderr


def test_a_translation_synced_by_wagtail_localize_keeps_the_source_target_groups(news):
    source = news["news-carers"]
    translate_object(source, [Locale.objects.get(language_code="en")])
    source.target_groups.set(TargetGroup.objects.filter(slug="jaunimas"))
    source.save_revision().publish()
    synced, _created = TranslationSource.update_or_create_from_instance(source)
    for translation in synced.translations.all():
        translation.save_target(publish=False)
    draft = NewsPage.objects.get(translation_key=source.translation_key,
                                 locale__language_code="en").get_latest_revision_as_object()
    assert slugs(draft) == {"jaunimas"}


@pytest.fixture
def api(news, settings) -> Client:
    settings.ELASTICSEARCH_URL = settings.OPENSEARCH_URL = ""  # the database engine
    return Client(HTTP_HOST="alytus.localhost")


def get_json(client: Client, url: str, status: int = 200) -> dict | list:
    response = client.get(url)
    assert response.status_code == status, response.content[:500]
    return response.json()


def test_the_news_api_shows_and_filters_target_groups(api, news):
    listing = get_json(api, f"/api/v1/news/?target_group={CARERS}")
    assert [item["id"] for item in listing["results"]] == [news["news-carers"].pk]
    carers = TargetGroup.objects.get(slug=CARERS)
    parent = {"slug": carers.broader.slug, "label": carers.broader.label_lt} \
        if carers.broader else None
    assert listing["results"][0]["target_groups"] == [{"slug": CARERS, "label": carers.label_lt,
                                                       "parent": parent}]
    detail = get_json(api, f"/api/v1/news/{news['news-families'].pk}/")
    assert [group["slug"] for group in detail["target_groups"]] == ["krizines-seimos"]
    both = get_json(api, f"/api/v1/news/?target_group={CARERS}&target_group=krizines-seimos")
    assert both["count"] == 2
    get_json(api, "/api/v1/news/?target_group=nezinoma-grupe", status=400)


def test_no_two_target_groups_share_a_label_in_either_language(db):
    groups = list(TargetGroup.objects.all())
    assert groups
    for language in ("lt", "en"):
        labels = [" ".join(group.labels()[language].casefold().split()) for group in groups]
        assert all(labels), language
        assert len(set(labels)) == len(labels), language


def test_hard_official_names_have_an_easy_read_description_in_both_languages(db):
    described = TargetGroup.objects.exclude(description_lt="").exclude(description_en="")
    assert {"vaikai-socialineje-rizikoje", "seimos-socialineje-rizikoje",
            "suauge-socialineje-rizikoje", "jaunimas", "proto-ar-psichikos-negalia"} <= {
        group.slug for group in described}
    assert not TargetGroup.objects.filter(description_lt="").exclude(description_en="").exists()


@pytest.mark.parametrize("language", ["lt", "en"])
def test_the_taxonomies_api_gives_descriptions_in_the_answer_language(api, language):
    terms = {term["slug"]: term for term in
             get_json(api, f"/api/v1/taxonomies/target_group/?lang={language}")["term_list"]}
    youth = TargetGroup.objects.get(slug="jaunimas")
    assert terms["jaunimas"]["description"] == youth.description(language)
    assert terms["jaunimas"]["description"] != youth.description(
        {"lt": "en", "en": "lt"}[language])
    assert terms["vaikai-su-negalia"]["description"] is None
    places = get_json(api, f"/api/v1/taxonomies/municipality/?lang={language}")["term_list"]
    assert all(term["description"] is None for term in places)


def slugs(page: NewsPage) -> set[str]:
    return {group.slug for group in page.target_groups.all()}
