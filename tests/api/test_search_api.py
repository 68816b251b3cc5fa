"""GET /api/v1/search/ and /search/suggest/ on the demo content."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pages.models import TargetGroup
from search import facets
from search.facets import FACETS
from tests.api.conftest import get_json, on_analysing_engines, on_each_engine

pytestmark = pytest.mark.django_db
SENIORS, DISABLED = "senyvo-amziaus-asmenys", "asmenys-su-negalia"


@on_each_engine
def test_response_has_the_documented_shape(api):
    body = get_json(api, "/api/v1/search/?q=paslaugos")
    assert set(body) == {"count", "page", "page_size", "total_pages", "next_cursor",
                         "did_you_mean", "results", "facets", "facet_info", "stats"}
    assert body["count"] > len(body["results"]) > 0
    result = body["results"][0]
    assert set(result) == {"id", "type", "title", "url", "path", "detail_url", "locale",
                           "municipality", "status", "period", "fund", "budget", "date",
                           "date_meaning", "summary", "highlight", "highlights"}
    assert set(body["facets"]) == {facet.key for facet in FACETS}
    value = body["facets"]["target_group"][0]
    assert set(value) == {"value", "label", "count", "selected", "parent"}


@on_analysing_engines
def test_highlight_marks_the_query_words_and_nothing_else(api):
    results = get_json(api, "/api/v1/search/?q=senjorai")["results"]
    assert results and any("<mark>" in result["highlight"] for result in results)
    for result in results:
        without_marks = result["highlight"].replace("<mark>", "").replace("</mark>", "")
        assert "<" not in without_marks


@on_each_engine
def test_repeated_facet_parameters_are_or_within_and_across_facets(api):
    one = get_json(api, f"/api/v1/search/?target_group={SENIORS}")
    both = get_json(api, f"/api/v1/search/?target_group={SENIORS}&target_group={DISABLED}")
    narrowed = get_json(api, f"/api/v1/search/?target_group={SENIORS}"
                             f"&target_group={DISABLED}&municipality=alytus")
    assert 0 < one["count"] < both["count"]
    assert 0 < narrowed["count"] < both["count"]
    assert all("alytus" in {value["value"] for value in result["municipality"]}
               for result in narrowed["results"])
    selected = {value["value"] for value in narrowed["facets"]["target_group"]
                if value["selected"]}
    assert selected == {SENIORS, DISABLED}


@on_each_engine
@pytest.mark.parametrize("lang", ["lt", "en"])
def test_hits_carry_a_cards_facts_labelled_as_the_facets_label_them(api, lang):
    body = get_json(api, f"/api/v1/search/?lang={lang}&page_size=50&sort=budget")
    facet_labels = {key: {value["value"]: value["label"] for value in values}
                    for key, values in body["facets"].items()}
    projects = [hit for hit in body["results"] if hit["type"] == "project"]
    assert projects and all(hit["status"] and hit["budget"] for hit in projects)
    assert [hit["budget"] for hit in projects] == sorted(
        (hit["budget"] for hit in projects), reverse=True)
    labelled = 0
    for hit in body["results"]:
        for key in ("status", "period", "fund", "municipality"):
            for value in hit[key]:
                assert value["label"] == facet_labels[key][value["value"]]
                labelled += value["label"] != value["value"]
    assert labelled
    news = get_json(api, f"/api/v1/search/?lang={lang}&content_type=news")["results"]
    assert news and all(hit["date_meaning"] == "published" and hit["date"] for hit in news)
    assert all(hit["date_meaning"] == "start" for hit in projects if hit["date"])
    assert not any(hit["status"] or hit["budget"] for hit in news)


def counts(body: dict, key: str) -> dict[str, int]:
    return {value["value"]: value["count"] for value in body["facets"][key]}


@on_each_engine
def test_a_facets_counts_ignore_its_own_selection_and_follow_the_rest(api):
    search = "/api/v1/search/?q=paslaugos"
    everything = get_json(api, search)
    seniors = get_json(api, f"{search}&target_group={SENIORS}")
    in_alytus = get_json(api, f"{search}&target_group={SENIORS}&municipality=alytus")
    assert everything["count"] > seniors["count"] > in_alytus["count"] > 0
    assert counts(seniors, "target_group") == counts(everything, "target_group")
    assert counts(everything, "target_group")[SENIORS] == seniors["count"]
    assert counts(seniors, "municipality")["alytus"] == in_alytus["count"]
    assert counts(seniors, "municipality") != counts(everything, "municipality")
    disabled_in_alytus = get_json(api, f"{search}&target_group={DISABLED}&municipality=alytus")
    assert counts(in_alytus, "target_group")[DISABLED] == disabled_in_alytus["count"] > 0


@on_each_engine
def test_facet_labels_follow_lang(api):
    def label(lang: str) -> str:
        values = get_json(api, f"/api/v1/search/?lang={lang}")["facets"]["target_group"]
        return next(value["label"] for value in values if value["value"] == SENIORS)

    assert label("lt").startswith("Senyvo amžiaus")
    assert label("en").lower().startswith("older")


def test_term_labels_are_read_once_and_a_renamed_term_shows_at_once(api):
    senior_label(api)
    with CaptureQueriesContext(connection) as captured:
        senior_label(api)
    assert not [query for query in captured if "pages_targetgroup" in query["sql"]]
    term = TargetGroup.objects.get(slug=SENIORS)
    term.label_lt = "Senjorai"
    term.save()
    assert senior_label(api) == "Senjorai"


def senior_label(api) -> str:
    values = get_json(api, "/api/v1/search/")["facets"]["target_group"]
    return next(value["label"] for value in values if value["value"] == SENIORS)


def test_a_term_renamed_by_another_process_shows_after_its_change_is_counted(api, monkeypatch):
    monkeypatch.setattr(facets, "GENERATION_CHECK_SECONDS", 0)
    before = senior_label(api)
    TargetGroup.objects.filter(slug=SENIORS).update(label_lt="Senjorai")  # no signal here
    assert senior_label(api) == before  # still the kept labels …
    shared = caches["shared"]
    shared.add(facets.VOCABULARY_GENERATION, 0, None)
    shared.incr(facets.VOCABULARY_GENERATION)  # … until another process counts a change
    assert senior_label(api) == "Senjorai"


def test_search_answers_with_labels_while_the_shared_cache_is_down(api, settings):
    settings.CACHES = {**settings.CACHES, "shared": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:9/0"}}  # nothing listens on port 9
    assert senior_label(api).startswith("Senyvo amžiaus")
    term = TargetGroup.objects.get(slug=SENIORS)
    term.label_lt = "Senjorai"
    term.save()  # the change cannot be counted; the search still answers
    assert senior_label(api) == "Senjorai"


@on_each_engine
def test_pages_do_not_overlap_and_sorting_is_stable(api):
    url = "/api/v1/search/?sort=newest&page_size=5"
    first, second = get_json(api, url), get_json(api, url + "&page=2")
    assert get_json(api, url) == first
    assert not {r["id"] for r in first["results"]} & {r["id"] for r in second["results"]}
    dates = [r["date"] for r in first["results"] + second["results"] if r["date"]]
    assert dates == sorted(dates, reverse=True)


@on_each_engine
def test_paging_lists_each_result_once_and_refuses_a_page_after_the_last(api):
    url = f"/api/v1/search/?target_group={SENIORS}&sort=newest&page_size=7"
    first = get_json(api, url)
    last = -(-first["count"] // 7)
    pages = [first, *(get_json(api, f"{url}&page={page}") for page in range(2, last + 1))]
    ids = [hit["id"] for page in pages for hit in page["results"]]
    assert last > 1 and len(ids) == len(set(ids)) == first["count"]
    assert get_json(api, f"{url}&page={last + 1}", status=400)["parameter"] == "page"


@on_each_engine
def test_suggest_completes_titles_in_the_language_asked(api):
    body = get_json(api, "/api/v1/search/suggest/?q=Aly&lang=lt")
    assert body["results"]
    assert all(set(item) == {"id", "title", "url", "path", "detail_url", "type"}
               for item in body["results"])
    assert all("aly" in item["title"].lower() for item in body["results"])


def test_search_is_cacheable_briefly_and_answers_304(api):
    response = api.get("/api/v1/search/?q=centras")
    assert "max-age=60" in response.headers["Cache-Control"]
    assert response.headers["ETag"] and response.headers["Last-Modified"]
    again = api.get("/api/v1/search/?q=centras",
                    headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304
