"""Index settings and request bodies shared by Elasticsearch and OpenSearch."""

from typing import Any

from django.utils import timezone

from search.analysis import tokens
from search.documents import expiry_text
from search.facets import FACETS
from search.lithuanian import alternatives
from search.query import CARD_FIELDS, SearchQuery

TEXT_FIELDS = {"title": 4, "summary": 2, "body": 1, "labels": 1}
HIGHLIGHT_FIELDS = ["title", "summary", "body"]
SORTS = {
    "relevance": [{"_score": "desc"}, {"date": {"order": "desc", "missing": "_last"}}],
    "newest": [{"date": {"order": "desc", "missing": "_last"}}],
    "start_date": [{"start_date": {"order": "desc", "missing": "_last"}}],
    "budget": [{"budget": {"order": "desc", "missing": "_last"}}],
}
FACET_BUCKETS = 1000  # larger than any vocabulary: no value is ever cut off


def analysis(full: bool) -> dict[str, Any]:
    """Lithuanian stemming + accent folding + edge n-grams when analysis-common is available."""
    if not full:
        return {"analyzer": {name: {"type": "standard"} for name in
                             ("folded", "lt", "en", "autocomplete", "autocomplete_search")}}
    return {
        "filter": {
            "lt_stemmer": {"type": "stemmer", "language": "lithuanian"},
            "en_stemmer": {"type": "stemmer", "language": "english"},
            "edges": {"type": "edge_ngram", "min_gram": 1, "max_gram": 20},
        },
        "analyzer": {
            "folded": {"tokenizer": "standard", "filter": ["lowercase", "asciifolding"]},
            # Snowball's Lithuanian rules need the diacritics: stem first, fold after.
            "lt": {"tokenizer": "standard", "filter": ["lowercase", "lt_stemmer", "asciifolding"]},
            "en": {"tokenizer": "standard", "filter": ["lowercase", "en_stemmer"]},
            "autocomplete": {"tokenizer": "standard",
                             "filter": ["lowercase", "asciifolding", "edges"]},
            "autocomplete_search": {"tokenizer": "standard",
                                    "filter": ["lowercase", "asciifolding"]},
        },
    }


def _text(autocomplete: bool = False) -> dict[str, Any]:
    fields: dict[str, Any] = {"lt": {"type": "text", "analyzer": "lt"},
                              "en": {"type": "text", "analyzer": "en"}}
    if autocomplete:
        fields["autocomplete"] = {"type": "text", "analyzer": "autocomplete",
                                  "search_analyzer": "autocomplete_search"}
    return {"type": "text", "analyzer": "folded", "fields": fields}


def index_body(full_analysis: bool) -> dict[str, Any]:
    keyword = {"type": "keyword"}
    return {
        "settings": {"number_of_shards": 1, "number_of_replicas": 0,
                     "analysis": analysis(full_analysis)},
        "mappings": {
            "dynamic": False,
            "properties": {
                "id": {"type": "long"},
                "translation_key": keyword, "site": keyword,
                "url": {"type": "keyword", "index": False},
                "title": _text(autocomplete=True),
                "summary": _text(), "body": _text(), "labels": _text(),
                "codes": {"type": "text", "analyzer": "folded"},
                "date": {"type": "date"}, "start_date": {"type": "date"},
                "budget": {"type": "double"},
                "expires_at": {"type": "date"},
                "fingerprint": {"type": "keyword", "index": False},
                **{facet.field: keyword for facet in FACETS},
            },
        },
    }


def _facet_filter(key: str, values: list[str]) -> dict[str, Any]:
    return {"terms": {key: values}}


def _match(word: str, fields: list[str]) -> dict[str, Any]:
    return {"multi_match": {"query": word, "fields": fields, "operator": "and",
                            "fuzziness": "AUTO:6,100", "prefix_length": 1}}


def _word_query(word: str) -> dict[str, Any]:
    """A word matches as typed, or (the best of them) as one of the spellings of its ending
    with diacritics restored, on the Lithuanian fields (`search.lithuanian`)."""
    fields = [f"{name}{suffix}^{boost}" for name, boost in TEXT_FIELDS.items()
              for suffix in ("", ".lt", ".en")]
    typed = _match(word, [*fields, "codes^5"])
    parts = tokens(word)
    spellings = alternatives(parts[0]) if len(parts) == 1 else ()
    if not spellings:
        return typed
    lithuanian = [f"{name}.lt^{boost}" for name, boost in TEXT_FIELDS.items()]
    return {"dis_max": {"queries": [typed, *(_match(spelling, lithuanian)
                                             for spelling in spellings)]}}


def _text_query(text: str) -> list[dict[str, Any]]:
    """Every word must match some field (stemmed, folded, or with one typo when long)."""
    return [_word_query(word) for word in text.split()]


def not_expired() -> dict[str, Any]:
    """A document past its `expires_at` is no longer right to serve, even before it is
    rewritten; judged by this process's clock, as the database engine does."""
    return {"bool": {"should": [{"bool": {"must_not": {"exists": {"field": "expires_at"}}}},
                                {"range": {"expires_at": {"gt": expiry_text(timezone.now())}}}],
                     "minimum_should_match": 1}}


def search_body(query: SearchQuery) -> dict[str, Any]:
    scope = [not_expired()]
    if query.municipality:
        scope.append({"term": {"municipality": query.municipality}})
    selected = {key: _facet_filter(key, values) for key, values in query.filters.items()}
    aggregations = {
        facet.key: {
            "filter": {"bool": {"filter": [clause for key, clause in selected.items()
                                           if key != facet.key]}},
            "aggs": {"values": {"terms": {"field": facet.field, "size": FACET_BUCKETS}}},
        }
        for facet in FACETS
    }
    body: dict[str, Any] = {
        "query": {"bool": {"must": _text_query(query.text) or [{"match_all": {}}],
                           "filter": scope}},
        "post_filter": {"bool": {"filter": list(selected.values())}},
        "aggs": aggregations,
        "sort": [*SORTS[query.sort], {"id": "asc"}],
        "from": query.offset,
        "size": query.page_size,
        "track_total_hits": True,
        "_source": ["id", "content_type", "title", "url", "language", "municipality", "date",
                    "summary", *CARD_FIELDS],
    }
    if query.text:
        body["highlight"] = {"pre_tags": ["<mark>"], "post_tags": ["</mark>"],
                             "encoder": "html", "number_of_fragments": 1,
                             "fragment_size": 200,
                             "fields": {f"{name}{suffix}": {} for name in HIGHLIGHT_FIELDS
                                        for suffix in ("", ".lt")}}
    return body


def suggest_body(prefix: str, language: str, municipality: str | None, limit: int,
                 full_analysis: bool) -> dict[str, Any]:
    match = ({"match": {"title.autocomplete": {"query": prefix, "operator": "and"}}}
             if full_analysis else {"match_phrase_prefix": {"title": prefix}})
    filters = [not_expired(), {"term": {"language": language}}]
    if municipality:
        filters.append({"term": {"municipality": municipality}})
    return {"query": {"bool": {"must": [match], "filter": filters}}, "size": limit,
            "sort": [{"_score": "desc"}, {"id": "asc"}],
            "_source": ["id", "title", "url", "content_type"]}
