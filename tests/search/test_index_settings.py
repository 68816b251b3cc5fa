"""An index is built with the shards and replicas the settings name, and with each facet's
global ordinals built at refresh, so that the first search after a write does not build them;
the server keeps the answers of searches without words in its request cache."""

import pytest

from search.engines import dsl
from search.facets import FACETS
from search.query import SearchQuery
from search.settings_checks import check_search_settings

REMOTE_ENGINES = ["elasticsearch", "opensearch"]


@pytest.mark.parametrize("engine", REMOTE_ENGINES, indirect=True)
def test_a_new_index_has_the_shards_and_replicas_the_settings_name(engine, settings):
    settings.SEARCH_INDEX_SHARDS, settings.SEARCH_INDEX_REPLICAS = 2, 1
    index = engine.create_index()
    found = engine.client.indices.get_settings(index=index)[index]["settings"]["index"]
    assert (found["number_of_shards"], found["number_of_replicas"]) == ("2", "1")


@pytest.mark.parametrize("engine", REMOTE_ENGINES, indirect=True)
def test_the_live_index_has_one_shard_and_no_replica_by_default(engine):
    index = engine._indices_of(engine.alias)[0]
    found = engine.client.indices.get_settings(index=index)[index]["settings"]["index"]
    assert (found["number_of_shards"], found["number_of_replicas"]) == ("1", "0")


@pytest.mark.parametrize("engine", REMOTE_ENGINES, indirect=True)
def test_facet_fields_build_their_global_ordinals_eagerly(engine):
    index = engine._indices_of(engine.alias)[0]
    fields = engine.client.indices.get_mapping(index=index)[index]["mappings"]["properties"]
    assert all(fields[facet.field]["eager_global_ordinals"] for facet in FACETS)
    assert "eager_global_ordinals" not in fields["title_sort"]


def test_replicas_are_no_part_of_the_schema_but_shards_are(settings):
    from search.engines.opensearch import OpenSearchEngine

    engine = OpenSearchEngine.__new__(OpenSearchEngine)
    engine.full_analysis = True
    schema = engine.schema_version()
    settings.SEARCH_INDEX_REPLICAS = 2
    assert engine.schema_version() == schema
    settings.SEARCH_INDEX_SHARDS = 3
    assert engine.schema_version() != schema


@pytest.mark.parametrize("engine", REMOTE_ENGINES, indirect=True)
def test_searches_without_words_use_the_servers_request_cache(engine, monkeypatch):
    asked = []
    search = engine.client.search
    monkeypatch.setattr(engine.client, "search",
                        lambda **kwargs: asked.append(kwargs["request_cache"]) or search(**kwargs))
    engine.search(SearchQuery())
    engine.search(SearchQuery(text="namai"))
    assert asked == [True, False]


@pytest.mark.parametrize(("shards", "replicas"), [(0, 0), ("2", 0), (1, -1), (True, 0)])
def test_a_wrong_count_of_shards_or_replicas_is_a_check_error(settings, shards, replicas):
    settings.SEARCH_INDEX_SHARDS, settings.SEARCH_INDEX_REPLICAS = shards, replicas
    messages = check_search_settings(None)
    assert [message.id for message in messages if message.is_serious()] == ["search.E025"]


def test_the_index_body_takes_its_counts_from_the_settings(settings):
    settings.SEARCH_INDEX_SHARDS, settings.SEARCH_INDEX_REPLICAS = 4, 2
    body = dsl.index_body(full_analysis=False)
    assert (body["settings"]["number_of_shards"], body["settings"]["number_of_replicas"]) == (4, 2)


def phrase_fields(body: object) -> set[str]:
    """The fields a request body searches phrases in."""
    if isinstance(body, list):
        return set().union(*map(phrase_fields, body))
    if not isinstance(body, dict):
        return set()
    found = set(body.get("match_phrase", {})) | set(body.get("match_phrase_prefix", {}))
    if body.get("type") == "phrase":
        found |= {field.partition("^")[0] for field in body["fields"]}
    return found.union(*map(phrase_fields, body.values()))


@pytest.mark.django_db
def test_words_keep_their_positions_only_in_the_fields_phrases_are_searched_in():
    """Scoring reads a word's frequency; positions cost the index room and writing time and
    only a phrase reads them (a synonym's alternative, marked in a snippet)."""
    phrased = phrase_fields([dsl.search_body(SearchQuery(text="neįgalieji senjorai")),
                             dsl.suggest_body("pas", "lt", None, 5, full_analysis=False)])
    properties = dsl.index_body(full_analysis=True)["mappings"]["properties"]
    options = {f"{name}{'.' + sub if sub else ''}": field.get("index_options", "positions")
               for name, top in properties.items() if top["type"] == "text"
               for sub, field in [("", top), *top.get("fields", {}).items()]}
    assert {options[field] for field in phrased} == {"positions"}
    assert {option for field, option in options.items()
            if field not in phrased and field != "words"} == {"freqs"}
