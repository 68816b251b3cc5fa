"""The embedded database engine: analysis, disjunctive facets, sorts, versions and rebuilds."""

import pytest

from search.engines.base import IndexAction
from search.engines.database import DatabaseEngine, one_edit
from search.models import StoredIndex
from search.query import SearchQuery

FACETS = ("target_group", "municipality", "region", "service_type", "fund", "measure",
          "programme", "period", "status", "start_year", "budget_band")


def document(page_id: int, title: str, **fields) -> dict:
    return {**{key: [] for key in FACETS}, "id": page_id, "translation_key": f"k{page_id}",
            "content_type": "project", "language": "lt", "site": "alytus",
            "url": f"http://example.lt/{page_id}/", "title": title, "summary": "", "body": "",
            "codes": "", "labels": "", "date": None, "start_date": None, "budget": None,
            **fields}


DOCUMENTS = [
    document(1, "Socialinės paslaugos senyvo amžiaus žmonėms Šiauliuose",
             codes="10.1.1-ESFA-V-405", municipality=["siauliai"],
             target_group=["senyvo-amziaus-asmenys"], status=["running"], date="2021-05-01",
             start_date="2021-01-01", budget=200000.0),
    document(2, "Šiauliai: bendruomenės namai", content_type="news",
             summary="Naujos paslaugos šeimoms Šiauliuose & apylinkėse.",
             municipality=["siauliai"], target_group=["seimos"], date="2023-02-01"),
    document(3, "Dienos centras neįgaliesiems Alytuje", body="Socialinės dirbtuvės ir paslaugos.",
             municipality=["alytus"], target_group=["asmenys-su-negalia",
                                                    "senyvo-amziaus-asmenys"],
             status=["completed"], date="2019-01-01", start_date="2018-06-01",
             budget=1500000.0),
    document(4, "Social services for older people in Alytus", language="en",
             municipality=["alytus"], target_group=["senyvo-amziaus-asmenys"],
             status=["running"]),
]


@pytest.fixture
def engine(db) -> DatabaseEngine:
    engine = DatabaseEngine("test-database-engine")
    engine.ensure_index()
    results = engine.bulk([IndexAction(doc["id"], 1, doc) for doc in DOCUMENTS])
    assert [result.error for result in results] == [""] * len(DOCUMENTS)
    return engine


def search(engine: DatabaseEngine, **kwargs):
    return engine.search(SearchQuery(**kwargs))


def found(engine: DatabaseEngine, text: str, **kwargs) -> set[int]:
    return {hit.id for hit in search(engine, text=text, page_size=50, **kwargs).hits}


def counts(response, key: str) -> dict[str, int]:
    return {value.value: value.count for value in response.facets[key]}


@pytest.mark.django_db
@pytest.mark.parametrize(("text", "expected"), [
    ("paslaugoms", {1, 2, 3}),  # stemming: dative plural finds „paslaugos“
    ("zmones", {1}),  # folding: finds „žmonėms“
    ("siauliai", {1, 2}),  # finds „Šiauliai“ and „Šiauliuose“
    ("ŠIAULIAI", {1, 2}),
    ("paslaugso", {1, 2, 3}),  # one swap in a long word
    ("socialinws", {1, 3}),  # one substitution in a long word
    ("psslaugos", {1, 2, 3}),  # … also early in the word
    ("xaslaugos", set()),  # but the first letter must be right
    ("namai", {2}),
    ("nsmai", set()),  # a typo in a short word is not forgiven
    ("services", {4}),  # English stemming
    # a page matches when one of the words does (see test_pages_matching_more_words_come_first)
    ("paslaugos alytuje", {1, 2, 3}),
    ("socialines paslaugos senyvo", {1, 2, 3}),
    ("senjorai baseinas", set()),
    ("ir", {3}),  # a query of function words only is searched …
    ("paslaugos ir", {1, 2, 3}),  # … else they make no page match on their own
    ("10.1.1-ESFA-V-405", {1}),  # codes are whole folded tokens
    ("", {1, 2, 3, 4}),
])
def test_text_matching(engine, text, expected):
    assert found(engine, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Every word need not match, so one unknown or extra word leaves the others' pages; the
    # pages matching the most words come first, whatever the title and the dates.
    ("paslaugos alytuje", [3, 1, 2]),
    ("socialines paslaugos senyvo", [1, 3, 2]),
    ("socialines paslaugos senyvo baseinas", [1, 3, 2]),
    ("dienos centras šiauliuose", [3, 2, 1]),  # 2 and 1 have „Šiaul…“ in the title: newer first
])
def test_pages_matching_more_words_come_first(engine, text, expected):
    assert [hit.id for hit in search(engine, text=text).hits] == expected


def test_one_edit():
    assert one_edit("paslaugso", "paslaugos")  # swap
    assert one_edit("socialinw", "socialin")  # deletion
    assert one_edit("abcdef", "abxdef")  # substitution
    assert not one_edit("abcdef", "abcdef")
    assert not one_edit("abcdef", "xbcdef")  # the first letter must be right
    assert not one_edit("abcdef", "abdcfe")  # two swaps


def test_scope(engine):
    assert found(engine, "", municipality="alytus") == {3, 4}
    assert found(engine, "paslaugos", municipality="siauliai") == {1, 2}


def test_facets_are_disjunctive(engine):
    response = search(engine, filters={"target_group": ["senyvo-amziaus-asmenys"]})
    assert response.count == 3
    assert {hit.id for hit in response.hits} == {1, 3, 4}
    # its own facet ignores its own selection …
    assert counts(response, "target_group") == {"senyvo-amziaus-asmenys": 3,
                                                "asmenys-su-negalia": 1, "seimos": 1}
    assert [value.value for value in response.facets["target_group"]] == [
        "senyvo-amziaus-asmenys", "asmenys-su-negalia", "seimos"]  # count desc, value asc
    assert [value.selected for value in response.facets["target_group"]] == [True, False, False]
    # … the others respect it
    assert counts(response, "municipality") == {"alytus": 2, "siauliai": 1}
    assert counts(response, "status") == {"running": 2, "completed": 1}
    assert counts(response, "content_type") == {"project": 3}
    assert counts(response, "language") == {"lt": 2, "en": 1}
    assert counts(response, "budget_band") == {}


def test_two_facets_and_text(engine):
    response = search(engine, text="paslaugos", filters={
        "target_group": ["senyvo-amziaus-asmenys", "seimos"], "municipality": ["siauliai"]})
    assert {hit.id for hit in response.hits} == {1, 2}
    assert counts(response, "municipality") == {"siauliai": 2, "alytus": 1}
    assert counts(response, "target_group") == {"senyvo-amziaus-asmenys": 1, "seimos": 1}


def test_selected_value_without_hits_is_listed_and_labelled(engine):
    response = search(engine, filters={"status": ["planned"]})
    assert response.count == 0 and response.hits == []
    assert [(value.value, value.count, value.selected, value.label)
            for value in response.facets["status"]] == [
        ("running", 2, False, "Vykdomas"), ("completed", 1, False, "Įgyvendintas"),
        ("planned", 0, True, "Planuojamas")]
    english = search(engine, filters={"status": ["planned"]}, language="en")
    assert english.facets["status"][0].label == "Running"


@pytest.mark.parametrize(("sort", "expected"), [
    ("relevance", [2, 1, 3, 4]),  # without text: newest first, undated last
    ("newest", [2, 1, 3, 4]),
    ("start_date", [1, 3, 2, 4]),
    ("budget", [3, 1, 2, 4]),
])
def test_sorts(engine, sort, expected):
    assert [hit.id for hit in search(engine, sort=sort).hits] == expected


def test_relevance_prefers_title_then_date(engine):
    hits = search(engine, text="paslaugos").hits
    assert [(hit.id, hit.score) for hit in hits] == [(1, 1004.0), (2, 1001.0), (3, 1001.0)]
    assert search(engine, sort="newest").hits[0].score is None


def test_pagination(engine):
    first = search(engine, sort="budget", page_size=3)
    second = search(engine, sort="budget", page_size=3, page=2)
    assert first.count == second.count == 4
    assert [hit.id for hit in first.hits] == [3, 1, 2]
    assert [hit.id for hit in second.hits] == [4]
    assert [hit.id for hit in search(engine, text="paslaugos", page_size=2, page=2).hits] == [3]


def test_hit_fields_and_highlight(engine):
    hit = search(engine, text="siauliai paslaugoms", filters={"content_type": ["news"]}).hits[0]
    assert (hit.id, hit.content_type, hit.locale, hit.municipality, hit.date, hit.url) == (
        2, "news", "lt", ["siauliai"], "2023-02-01", "http://example.lt/2/")
    assert hit.highlight == ("Naujos <mark>paslaugos</mark> šeimoms <mark>Šiauliuose</mark> "
                             "&amp; apylinkėse.")
    typo = search(engine, text="paslaugso", filters={"content_type": ["news"]}).hits[0]
    assert "<mark>paslaugos</mark>" in typo.highlight
    unsearched = search(engine, sort="newest").hits[0]  # no words: the excerpt is the summary
    assert unsearched.summary and unsearched.highlight == unsearched.summary


def test_long_text_highlight_is_a_window(engine):
    body = "žodis " * 100 + "svarbiausia paslauga " + "kitas " * 100
    engine.bulk([IndexAction(9, 1, document(9, "Ilgas", body=body))])
    hit = search(engine, text="svarbiausia").hits[0]
    assert "<mark>svarbiausia</mark>" in hit.highlight
    assert len(hit.highlight) < 230


def test_out_of_order_versions(engine):
    newer, older = document(1, "Antra versija"), document(1, "Pirma versija")
    assert engine.bulk([IndexAction(1, 2, newer)])[0].error == ""
    assert engine.bulk([IndexAction(1, 1, older)])[0].error == ""  # acknowledged, not applied
    assert found(engine, "versija") == {1}
    assert search(engine, text="versija").hits[0].title == "Antra versija"
    assert engine.bulk([IndexAction(1, 3, None)])[0].error == ""
    assert engine.bulk([IndexAction(1, 2, newer)])[0].error == ""  # the tombstone wins
    assert found(engine, "versija") == set()
    assert engine.indexed_versions() == {2: 1, 3: 1, 4: 1}
    assert engine.count() == 3
    engine.bulk([IndexAction(1, 4, older)])
    assert engine.indexed_versions()[1] == 4
    # in one batch the highest version wins
    engine.bulk([IndexAction(5, 2, document(5, "Penktas")), IndexAction(5, 1, None)])
    assert found(engine, "penktas") == {5}


def test_rebuild_lifecycle(engine):
    old = StoredIndex.objects.get(alias=engine.alias, live=True).name
    engine.ensure_index()  # already there: nothing happens
    assert StoredIndex.objects.filter(alias=engine.alias).count() == 1
    new = engine.create_index()
    assert new.startswith(f"{engine.alias}-") and new != old
    engine.bulk([IndexAction(7, 1, document(7, "Perstatymo metu"))])  # reaches both
    engine.bulk([IndexAction(8, 1, document(8, "Tik naujame"))], index=new)
    assert found(engine, "") == {1, 2, 3, 4, 7}
    engine.promote(new)
    assert list(StoredIndex.objects.filter(alias=engine.alias).values_list("name", "live")) == [
        (new, True)]
    assert found(engine, "") == {7, 8}
    assert engine.indexed_versions() == {7: 1, 8: 1}
    abandoned = engine.create_index()
    engine.abandon(abandoned)
    assert not StoredIndex.objects.filter(name=abandoned).exists()
    assert engine.bulk([IndexAction(9, 1, None)], index=abandoned)[0].error


def test_suggest(engine):
    def titles(prefix: str, language: str = "lt", municipality: str | None = None,
               limit: int = 5) -> list[str]:
        return [item["title"] for item in engine.suggest(prefix, language, municipality, limit)]

    assert set(titles("siaul")) == {"Šiauliai: bendruomenės namai",
                                    "Socialinės paslaugos senyvo amžiaus žmonėms Šiauliuose"}
    assert titles("Šiauliai bendr") == ["Šiauliai: bendruomenės namai"]
    assert titles("socialines pasl") == ["Socialinės paslaugos senyvo amžiaus žmonėms Šiauliuose"]
    assert titles("social paslaugos") == []  # earlier words must be whole words
    assert titles("social", "en") == ["Social services for older people in Alytus"]
    assert titles("siaul", municipality="alytus") == []
    assert len(titles("siaul", limit=1)) == 1
    assert engine.suggest("dien", "lt", None, 5) == [{
        "id": 3, "title": "Dienos centras neįgaliesiems Alytuje", "url": "http://example.lt/3/",
        "content_type": "project"}]
    assert titles("  ") == []
