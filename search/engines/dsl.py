"""Index settings and request bodies shared by Elasticsearch and OpenSearch."""

from typing import Any

from django.utils import timezone

from search.analysis import OVERRIDDEN, fold, tokens
from search.conf import index_replicas, index_shards
from search.documents import expiry_text
from search.facets import FACETS
from search.lithuanian import TYPO_PREFIX_LENGTH, expanded, forgives_typo, query_words
from search.query import (
    CARD_FIELDS,
    EXACT,
    FOLDED,
    HIGHLIGHT_FIELDS,
    STAT_FIELDS,
    TYPO,
    WORD_MATCH,
    Bounds,
    SearchQuery,
)
from search.suggestions import MAX_EDITS, MIN_LENGTH, WORD_FIELDS
from search.synonyms import Unit
from search.synonyms import units as synonym_units

TEXT_FIELDS = {"title": 4, "summary": 2, "body": 1, "labels": 1}
SORT_FIELDS = {"date": "date", "start_date": "start_date", "budget": "budget",
               "title": "title_sort"}
FRAGMENTS = 3  # a field's highlighted passages at most, the best first (the title: whole)
FACET_BUCKETS = 1000  # larger than any vocabulary: no value is ever cut off
NEIGHBOURS = 20  # the indexed words near a typed word that the term suggester gives at most
ANY_FREQUENCY = 1_000_000  # a typed word's documents above which it gets no neighbours: none
SNIPPET_SUFFIXES = ("", ".lt")  # the analyses snippets mark, phrases too: words keep positions


def analysis(full: bool) -> dict[str, Any]:
    """Lithuanian stemming (with `search.analysis.STEM_OVERRIDES`) + accent folding + edge
    n-grams when analysis-common is available. A change here applies to an index built after
    it: `manage.py search_index rebuild`."""
    if not full:
        return {"analyzer": {name: {"type": "standard"} for name in
                             ("folded", "lt", "lt_exact", "en", "autocomplete",
                              "autocomplete_search", "words")}}
    return {
        "filter": {
            "lt_overrides": {"type": "stemmer_override",
                             "rules": [f"{form} => {stem}" for form, stem in OVERRIDDEN.items()]},
            "lt_stemmer": {"type": "stemmer", "language": "lithuanian"},
            "en_stemmer": {"type": "stemmer", "language": "english"},
            "edges": {"type": "edge_ngram", "min_gram": 1, "max_gram": 20},
            "word_length": {"type": "length", "min": MIN_LENGTH},
        },
        "analyzer": {
            "folded": {"tokenizer": "standard", "filter": ["lowercase", "asciifolding"]},
            # Snowball's Lithuanian rules need the diacritics: stem first, fold after.
            "lt": {"tokenizer": "standard",
                   "filter": ["lowercase", "lt_overrides", "lt_stemmer", "asciifolding"]},
            # … and the stems with their diacritics, for a match as typed
            "lt_exact": {"tokenizer": "standard",
                         "filter": ["lowercase", "lt_overrides", "lt_stemmer"]},
            "en": {"tokenizer": "standard", "filter": ["lowercase", "en_stemmer"]},
            "autocomplete": {"tokenizer": "standard",
                             "filter": ["lowercase", "asciifolding", "edges"]},
            "autocomplete_search": {"tokenizer": "standard",
                                    "filter": ["lowercase", "asciifolding"]},
            # the folded words that suggestions count (`search.suggestions`)
            "words": {"tokenizer": "standard",
                      "filter": ["lowercase", "asciifolding", "word_length"]},
        },
    }


def _analysed(analyzer: str, positions: bool, **options: Any) -> dict[str, Any]:
    """Word positions only where `positions`: scoring reads a word's frequency, a phrase its
    position."""
    return {"type": "text", "analyzer": analyzer,
            **({} if positions else {"index_options": "freqs"}), **options}


def _text(name: str, autocomplete: bool = False) -> dict[str, Any]:
    """A text field, folded, with its analyses as sub-fields; those a snippet marks keep the
    words' positions, for the phrases it marks (`_highlight_query`)."""
    def analysed(suffix: str, analyzer: str, **options: Any) -> dict[str, Any]:
        return _analysed(analyzer, name in HIGHLIGHT_FIELDS and suffix in SNIPPET_SUFFIXES,
                         **options)

    fields = {"lt": analysed(".lt", "lt"), "exact": analysed(".exact", "lt_exact"),
              "en": analysed(".en", "en")}
    if autocomplete:
        fields["autocomplete"] = analysed(".autocomplete", "autocomplete",
                                          search_analyzer="autocomplete_search")
    return {**analysed("", "folded"), "fields": fields}


def index_body(full_analysis: bool) -> dict[str, Any]:
    """A new index: its shards and replicas as the settings say (`search.conf`); each facet's
    global ordinals built when the index refreshes, not by the first search after it."""
    keyword = {"type": "keyword"}
    facet_keyword = {"type": "keyword", "eager_global_ordinals": True}
    properties = {
        "id": {"type": "long"},
        "translation_key": keyword, "site": keyword,
        "url": {"type": "keyword", "index": False},
        "title": _text("title", autocomplete=True), "title_sort": keyword,
        "summary": _text("summary"), "body": _text("body"), "labels": _text("labels"),
        "codes": _analysed("folded", positions=False),
        # the words of the fields a query searches, only to tell which documents hold one:
        # the statistics of „did you mean“ (`search.suggestions`)
        "words": {"type": "text", "analyzer": "words", "index_options": "docs", "norms": False},
        "date": {"type": "date"}, "start_date": {"type": "date"},
        "budget": {"type": "double"},
        "expires_at": {"type": "date"},
        "fingerprint": {"type": "keyword", "index": False},
        **{facet.field: facet_keyword for facet in FACETS},
    }
    for name in WORD_FIELDS:
        properties[name] = {**properties[name], "copy_to": "words"}
    return {
        "settings": {"number_of_shards": index_shards(), "number_of_replicas": index_replicas(),
                     "analysis": analysis(full_analysis)},
        "mappings": {
            "dynamic": False,
            "_source": {"excludes": ["title_sort"]},  # the engine's own sort key
            "properties": properties,
        },
    }


def sortable_title(title: str) -> str:
    """The title as it sorts: its folded words, as the database engine's `title_terms`."""
    return " ".join(fold(word) for word in tokens(title))


def _facet_filter(key: str, values: list[str]) -> dict[str, Any]:
    return {"terms": {key: values}}


def _range_filter(name: str, bounds: Bounds) -> dict[str, Any]:
    ends = {"gte": bounds.low, "lte": bounds.high}
    return {"range": {name: {end: str(value) if name == "date" else value
                             for end, value in ends.items() if value is not None}}}


def _sort(query: SearchQuery) -> list[dict[str, Any]]:
    """By the query's order, documents without its value last, then by id: each result has
    a distinct sort key (what `search_after` continues from)."""
    order = query.order
    by_value = {"order": "desc" if order.descending else "asc", "missing": "_last",
                **({"unmapped_type": "keyword"} if order.field == "title" else {})}
    relevance = [{"_score": "desc"}] if query.sort == "relevance" else []
    return [*relevance, {SORT_FIELDS[order.field]: by_value}, {"id": "asc"}]


def _stat(name: str, filters: list[dict[str, Any]]) -> dict[str, Any]:
    extra = {} if name == "budget" else {"format": "yyyy-MM-dd"}
    return {"filter": {"bool": {"filter": filters}},
            "aggs": {"min": {"min": {"field": name, **extra}},
                     "max": {"max": {"field": name, **extra}}}}


def _match(word: str, fields: list[str], boost: float, **options: Any) -> dict[str, Any]:
    return {"multi_match": {"query": word, "fields": fields, "operator": "and",
                            "boost": boost, **options}}


def _fields(suffix: str, title_boost: bool = True) -> list[str]:
    return [f"{name}{suffix}^{boost if title_boost else 1}"
            for name, boost in TEXT_FIELDS.items()]


def _in_language(query: dict[str, Any], language: str) -> dict[str, Any]:
    return {"bool": {"must": [query], "filter": [{"term": {"language": language}}]}}


def _lithuanian(query: dict[str, Any]) -> dict[str, Any]:
    """Lithuanian stems match the pages that are not in English."""
    return {"bool": {"must": [query], "must_not": [{"term": {"language": "en"}}]}}


def _word_query(word: str, language: str, typed: bool = True) -> dict[str, Any]:
    """The best of a word's matches: with its diacritics as typed on the Lithuanian stems (or,
    for a query in English, on the English pages' stems); folded, as a folded Lithuanian stem
    or one of the word's expansions (`search.lithuanian.expanded`); with one typo in a `typed`
    word (not a synonym set's alternative) when it is long (`forgives_typo`), not in a stem and
    without the title's boost."""
    parts = tokens(word)
    spellings = expanded(parts[0]) if len(parts) == 1 else ()
    tiers = [
        _lithuanian(_match(word, _fields(".exact"), EXACT)),
        _match(word, [*_fields(""), "codes^5"], FOLDED),
        _lithuanian(_match(word, _fields(".lt"), FOLDED)),
        *(_lithuanian(_match(spelling, _fields(".lt"), FOLDED)) for spelling in spellings),
    ]
    if language == "en":
        tiers.append(_in_language(_match(word, _fields(".en"), EXACT), "en"))
    if typed and len(parts) == 1 and forgives_typo(fold(parts[0])):
        tiers.append(_match(word, _fields("", title_boost=False), TYPO, fuzziness=1,
                            prefix_length=TYPO_PREFIX_LENGTH))
    return {"dis_max": {"queries": tiers}}


def _counted(query: dict[str, Any], words: int = 1) -> dict[str, Any]:
    """`WORD_MATCH` for each of the `words` a match counts as, added to its score: pages
    matching more words come first."""
    return {"function_score": {"query": query, "functions": [{"weight": WORD_MATCH * words}],
                               "boost_mode": "sum"}}


def _summed(queries: list[dict[str, Any]]) -> dict[str, Any]:
    """Matches one of the queries, scored as the sum of those matching."""
    return queries[0] if len(queries) == 1 else {"bool": {"should": queries}}


def _unit_query(unit: Unit, words: list[str], language: str) -> dict[str, Any]:
    """The best of a unit's options (`search.synonyms.Unit`): its words, or a replacement's
    best alternative, counted as the words it stands for, with the unit's words besides it."""
    options = [_summed([_counted(_word_query(words[position], language))
                        for position in unit.words])]
    for replacement in unit.replacements:
        alternatives = {"dis_max": {"queries": [
            _word_query(alternative, language, typed=False)
            for alternative in replacement.alternatives]}}
        options.append(_summed([
            _counted(alternatives, replacement.counts_as),
            *(_counted(_word_query(words[position], language))
              for position in replacement.besides)]))
    return options[0] if len(options) == 1 else {"dis_max": {"queries": options}}


def _text_query(text: str, language: str) -> dict[str, Any] | None:
    """Pages matching one of the query's units (words, not only function words, or their
    synonyms), ranked by how many words they match, then how well."""
    typed = query_words(text)
    if not typed:
        return None
    words = [word for word, _joining in typed]
    return {"bool": {
        "should": [_unit_query(unit, words, language)
                   for unit in synonym_units(typed, language)],
        "minimum_should_match": 1,
    }}


def _highlight_query(text: str, language: str) -> dict[str, Any]:
    """What a hit's snippet marks: the query's words, and a synonym's alternative only where
    the page holds it as a phrase (the highlighter marks every term of a query wherever it is,
    even those of an alternative that the page does not hold)."""
    typed = query_words(text)
    alternatives = dict.fromkeys(alternative for unit in synonym_units(typed, language)
                                 for replacement in unit.replacements
                                 for alternative in replacement.alternatives)
    fields = [f"{name}{suffix}" for name in HIGHLIGHT_FIELDS for suffix in SNIPPET_SUFFIXES]
    return {"bool": {"should": [
        *(_word_query(word, language) for word, _joining in typed),
        *({"multi_match": {"query": alternative, "type": "phrase", "fields": fields}}
          for alternative in alternatives)]}}


def _joining_words(text: str, language: str) -> list[dict[str, Any]]:
    """Function words: they add to a page's score but make no page match."""
    return [_word_query(word, language) for word, joining in query_words(text) if joining]


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

    def ranges_except(name: str | None) -> list[dict[str, Any]]:
        return [_range_filter(key, bounds) for key, bounds in query.ranges_except(name).items()]

    aggregations = {
        facet.key: {
            "filter": {"bool": {"filter": [*(clause for key, clause in selected.items()
                                             if key != facet.key), *ranges_except(None)]}},
            "aggs": {"values": {"terms": {"field": facet.field, "size": FACET_BUCKETS}}},
        }
        for facet in FACETS
    } | {f"stats_{name}": _stat(name, [*selected.values(), *ranges_except(name)])
         for name in STAT_FIELDS}
    body: dict[str, Any] = {
        "query": {"bool": {"must": [_text_query(query.text, query.language)
                                    or {"match_all": {}}],
                           "should": _joining_words(query.text, query.language),
                           "filter": scope}},
        "post_filter": {"bool": {"filter": [*selected.values(), *ranges_except(None)]}},
        "aggs": aggregations,
        "sort": _sort(query),
        # after a sort key, one more than shown tells whether a next page exists
        "from": 0 if query.after else query.offset,
        "size": query.page_size + 1 if query.after else query.page_size,
        "track_total_hits": True,
        "_source": ["id", "content_type", "title", "url", "language", "municipality", "date",
                    "summary", *CARD_FIELDS],
    }
    if query.after:
        body["search_after"] = query.after
    if query.text:
        body["highlight"] = {"pre_tags": ["<mark>"], "post_tags": ["</mark>"],
                             "encoder": "html", "number_of_fragments": FRAGMENTS,
                             "order": "score", "fragment_size": 200,
                             "highlight_query": _highlight_query(query.text, query.language),
                             "fields": {f"{name}{suffix}": {"number_of_fragments": 0}
                                        if name == "title" else {}
                                        for name in HIGHLIGHT_FIELDS
                                        for suffix in SNIPPET_SUFFIXES}}
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


def _word_scope(municipality: str | None, languages: list[str]) -> list[dict[str, Any]]:
    scope = [not_expired()]
    if municipality:
        scope.append({"term": {"municipality": municipality}})
    if languages:
        scope.append({"terms": {"language": languages}})
    return scope


def nearby_words_body(words: list[str], municipality: str | None,
                      languages: list[str]) -> dict[str, Any]:
    """The documents in scope holding each folded word (`word_counts_body`) and when the first
    document in scope expires (what the counts hold until), and a term suggester per word
    (named by its position) over the documents' `words`: the indexed words near it, whatever
    their documents (deleted ones too, until merged), each with the number of documents of the
    shard holding it."""
    body = word_counts_body(words, municipality, languages)
    body["aggs"]["expiring"] = {"min": {"field": "expires_at"}}
    return {**body, "suggest": {
        str(position): {"text": word, "term": {
            "field": "words", "suggest_mode": "always", "max_edits": MAX_EDITS,
            "prefix_length": 1, "min_word_length": MIN_LENGTH, "size": NEIGHBOURS,
            "max_term_freq": ANY_FREQUENCY}}
        for position, word in enumerate(words)}}


def word_counts_body(terms: list[str], municipality: str | None,
                     languages: list[str]) -> dict[str, Any]:
    """The number of public documents in scope holding each of the folded words."""
    return {"size": 0, "track_total_hits": False,
            "query": {"bool": {"filter": _word_scope(municipality, languages)}},
            "aggs": {"words": {"filters": {"filters": {term: {"term": {"words": term}}
                                                      for term in terms}}}}}
