"""The engine over an Elasticsearch-compatible server; ES and OpenSearch are tiny subclasses."""

import inspect
import json
import logging
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from functools import cached_property, partial
from typing import Any, NoReturn

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext

from search.conf import engine_nodes
from search.documents import fingerprinted
from search.engines import dsl
from search.engines.base import (
    ActionResult,
    IndexAction,
    RetryLater,
    SearchEngine,
    SearchUnavailable,
    basic_analysis_allowed,
    fingerprint,
)
from search.facets import FACETS
from search.freshness import ExactUntil, index_changed, kept_until_expiry
from search.locks import one_at_a_time
from search.query import (
    HIGHLIGHT_FIELDS,
    STAT_FIELDS,
    Highlight,
    Hit,
    SearchQuery,
    SearchResponse,
    Stat,
    card_facts,
    facet_listing,
)
from search.suggestions import given_neighbours, settled

logger = logging.getLogger(__name__)

NEARBY_WORDS_SECONDS = 3600  # exact until the index generation moves on or a document expires
TOO_MANY_REQUESTS = 429
ASKED_AGAIN_BY_THE_CLIENT = (502, 503, 504)  # once, at once: both clients' retry_on_status
# overloaded, unavailable, flood-stage disk block
RETRY_LATER_STATUSES = {TOO_MANY_REQUESTS, *ASKED_AGAIN_BY_THE_CLIENT}
RETRY_LATER_ERRORS = {"cluster_block_exception", "index_not_found_exception",
                      "index_closed_exception", "unavailable_shards_exception"}
SEARCH_AGAIN_AFTER_SECONDS = 0.25  # a search the server failed otherwise is asked again after


def status_of(error: Exception) -> int | None:
    """The HTTP status a client's error carries, if the server answered."""
    status = getattr(error, "status_code", None)
    return status if isinstance(status, int) else None


def failed_on_the_server(error: Exception) -> bool:
    """Whether the server answered a request with a failure of its own (a 5xx status)."""
    return (status_of(error) or 0) >= 500


def lost_between_phases(error: Exception) -> bool:
    """Whether a shard lost the search's context between its query and fetch phases (its node
    left the cluster, its copy moved, its index was replaced): a new search gets a new one."""
    answer = getattr(error, "info", None)
    causes = answer.get("error", {}).get("root_cause", []) if isinstance(answer, dict) else []
    return any(isinstance(cause, dict) and cause.get("type") == "search_context_missing_exception"
               for cause in causes)


def verdict(ok: bool, outcome: dict[str, Any]) -> str:
    """What one bulk item's outcome means: "written" (stored, a newer version is there, or
    nothing to delete), "later" (the server cannot write now) or "failed" (the document)."""
    error = outcome.get("error")
    kind = error.get("type") if isinstance(error, dict) else getattr(
        outcome.get("exception"), "error", "")
    if ok or outcome["status"] == 409 or (outcome["status"] == 404 and not error):
        return "written"
    if (not isinstance(outcome["status"], int) or outcome["status"] in RETRY_LATER_STATUSES
            or kind in RETRY_LATER_ERRORS):
        return "later"  # a status that is not a number: the server was not reached
    return "failed"


class RemoteEngine(SearchEngine):
    """Subclasses set the client and its bulk helpers."""

    analysis_module = "analysis-common"
    talks_only_to_its_server = True

    def __init__(self, alias: str, url: str) -> None:
        super().__init__(alias)
        self.client = self.make_client(engine_nodes(url))

    def make_client(self, nodes: list[str]) -> Any:
        raise NotImplementedError

    streaming_bulk: Callable[..., Iterator]
    scan: Callable[..., Iterator]
    connection_errors: tuple[type[Exception], ...]  # the client's: the server was not reached

    @property
    def building_alias(self) -> str:
        return f"{self.alias}-building"

    @cached_property
    def full_analysis(self) -> bool:
        """Whether the server has the analysis module (the Elasticsearch test zip has not)."""
        nodes = self.client.nodes.info(metric="plugins")["nodes"].values()
        return all(any(module["name"] == self.analysis_module for module in node["modules"])
                   for node in nodes)

    def missing_analysis(self) -> str:
        if self.full_analysis:
            return ""
        return gettext("The %(engine)s server lacks the %(module)s module: no Lithuanian "
                       "stemming, no accent folding, no autocomplete.") % {
            "engine": type(self).__name__, "module": self.analysis_module}

    def _indices_of(self, alias: str) -> list[str]:
        if not self.client.indices.exists_alias(name=alias):
            return []
        return sorted(self.client.indices.get_alias(name=alias))

    def _new_index(self, **settings: Any) -> str:
        name = f"{self.alias}-{datetime.now(UTC):%Y%m%d%H%M%S%f}"
        if (missing := self.missing_analysis()) and not basic_analysis_allowed():
            raise ImproperlyConfigured(missing)  # never a silent fallback to basic analysis
        body = dsl.index_body(self.full_analysis)
        body["settings"].update(settings)
        body["mappings"]["_meta"] = {"schema": self.schema_version()}
        self.client.indices.create(index=name, body=body)
        return name

    def schema_version(self) -> str:
        """Replicas are left out: a cluster's replicas say nothing of what an index holds."""
        body = dsl.index_body(self.full_analysis)
        del body["settings"]["number_of_replicas"]
        return fingerprint(json.dumps(body, sort_keys=True), inspect.getsource(fingerprinted))

    def live_schema(self) -> str:
        indices = self._indices_of(self.alias)
        if not indices:
            return ""
        mappings = self.client.indices.get_mapping(index=indices[0])[indices[0]]["mappings"]
        return mappings.get("_meta", {}).get("schema", "")

    def ensure_index(self) -> None:
        """Processes finding no index create one at a time: the first, behind the alias."""
        if self._indices_of(self.alias):
            return
        with one_at_a_time(f"first index:{self.alias}"):
            if not self._indices_of(self.alias):
                index = self._new_index()
                self.client.indices.update_aliases(
                    body={"actions": [{"add": {"index": index, "alias": self.alias}}]})

    def create_index(self) -> str:
        """Nobody searches a rebuilding index: it is not refreshed until it is promoted. The
        building alias moves to it alone (writes through an alias of two indices fail)."""
        left = self._indices_of(self.building_alias)
        index = self._new_index(refresh_interval="-1")
        self.client.indices.update_aliases(body={"actions": [
            *({"remove": {"index": name, "alias": self.building_alias}} for name in left),
            {"add": {"index": index, "alias": self.building_alias}},
        ]})
        for name in left:
            self.abandon(name)
        return index

    def promote(self, index: str) -> None:
        self.client.indices.put_settings(index=index, body={"index": {"refresh_interval": None}})
        self.client.indices.refresh(index=index)
        old = [name for name in self._indices_of(self.alias) if name != index]
        building = self.client.indices.exists_alias(name=self.building_alias, index=index)
        self.client.indices.update_aliases(body={"actions": [
            *({"remove": {"index": name, "alias": self.alias}} for name in old),
            *([{"remove": {"index": index, "alias": self.building_alias}}] if building else []),
            {"add": {"index": index, "alias": self.alias}},
        ]})
        for name in old:
            self.client.indices.delete(index=name)

    def abandon(self, index: str) -> None:
        if self.client.indices.exists_alias(name=self.alias, index=index):
            logger.warning("The live index %s is not dropped as a rebuild's.", index)
            return
        self.client.indices.delete(index=index, ignore_unavailable=True)

    def _operations(self, actions: list[IndexAction], indices: list[str]) -> Iterator[dict]:
        for index in indices:
            for action in actions:
                operation = {"_index": index, "_id": str(action.page_id),
                             "version": action.version, "version_type": "external"}
                if action.document is None:
                    yield {**operation, "_op_type": "delete"}
                else:
                    yield {**operation, "_op_type": "index",
                           "_source": self.source_of(action.document)}

    @staticmethod
    def source_of(document: dict) -> dict:
        """What the engine is sent of a document: the document, with the sortable title that
        only searches read."""
        return {**document, "title_sort": dsl.sortable_title(document.get("title") or "")}

    def bulk(self, actions: list[IndexAction], index: str | None = None) -> list[ActionResult]:
        """Write through the aliases, never to an index name that may be gone: a write to a
        missing index would create a stray one and be acknowledged. An action is acknowledged
        only when every target stored it (or holds a newer version)."""
        targets = [index] if index else [self.alias] + (
            [self.building_alias] if self.client.indices.exists_alias(name=self.building_alias)
            else [])
        verdicts: dict[int, tuple[str, str]] = {}
        for ok, item in self.streaming_bulk(self.client, self._operations(actions, targets),
                                            raise_on_error=False, raise_on_exception=False,
                                            max_retries=3, chunk_size=500,
                                            require_alias=index is None):
            outcome = next(iter(item.values()))
            page_id, found = int(outcome["_id"]), verdict(ok, outcome)
            if found != "written" and verdicts.get(page_id, ("",))[0] != "failed":
                verdicts[page_id] = (found, str(outcome.get("error") or outcome)[:2000])
        results = []
        for action in actions:
            found, error = verdicts.get(action.page_id, ("written", ""))
            result = RetryLater if found == "later" else ActionResult
            results.append(result(action.page_id, action.version, error))
        return results

    def refresh(self) -> None:
        self.client.indices.refresh(index=self.alias)
        index_changed()  # what searches see changed: so may what was kept from them

    def _search(self, body: dict[str, Any], **params: Any) -> dict[str, Any]:
        """The server's answer to a search request, complete: a shard that cannot answer fails
        the search rather than leaving its hits out. A search the server failed to answer (a
        5xx, or a shard's context `lost_between_phases`: a node leaving the cluster, a shard
        copy moving) is asked once more, a moment later, unless the client asked again
        already (`ASKED_AGAIN_BY_THE_CLIENT`, and a server not reached). Still failing, or not
        reached, it is `SearchUnavailable`."""
        params["allow_partial_search_results"] = False
        try:
            return self._search_or_create(body, params)
        except Exception as error:
            if not (lost_between_phases(error) or failed_on_the_server(error)
                    and status_of(error) not in ASKED_AGAIN_BY_THE_CLIENT):
                self.raise_unavailable(error)
            logger.warning("A search failed on the server and is asked again: %s", error)
        time.sleep(SEARCH_AGAIN_AFTER_SECONDS)
        try:
            return self._search_or_create(body, params)
        except Exception as error:
            self.raise_unavailable(error)

    def cannot_answer(self, error: Exception) -> bool:
        """Unreachable, a 5xx, or too busy (a 429, not asked again so as not to add to the
        server's load)."""
        return (failed_on_the_server(error) or status_of(error) == TOO_MANY_REQUESTS
                or lost_between_phases(error) or isinstance(error, self.connection_errors))

    def raise_unavailable(self, error: Exception) -> NoReturn:
        """`SearchUnavailable` for an error saying the server `cannot_answer` now; any other
        error (a refused request) as it is."""
        if self.cannot_answer(error):
            raise SearchUnavailable(str(error)) from error
        raise error

    def _search_or_create(self, body: dict[str, Any], params: dict[str, Any]) -> dict[str, Any]:
        """An index not created yet (nothing was published since the engine was set up) is
        created, empty, and asked again."""
        try:
            return self.client.search(index=self.alias, body=body, **params)
        except Exception as error:
            if getattr(error, "error", None) != "index_not_found_exception":
                raise
        self.ensure_index()
        return self.client.search(index=self.alias, body=body, **params)

    def search(self, query: SearchQuery) -> SearchResponse:
        """A search without words is kept in the server's request cache (by default it keeps
        only requests for no hits); a refresh that changes the index drops what it kept."""
        response = self._search(dsl.search_body(query), request_cache=not query.text)
        found, count = response["hits"]["hits"], response["hits"]["total"]["value"]
        more = (len(found) > query.page_size if query.after
                else query.offset + len(found) < count)
        found = found[:query.page_size]
        return SearchResponse(count, query.page, query.page_size,
                              [self._hit(hit, bool(query.text)) for hit in found],
                              facet_listing(self._counts(response["aggregations"]),
                                            query.filters, query.language),
                              stats=self._stats(response["aggregations"]),
                              next_after=found[-1]["sort"] if more and found else None,
                              language=query.language)

    @staticmethod
    def _hit(hit: dict, has_words: bool) -> Hit:
        source, highlight = hit["_source"], hit.get("highlight", {})
        summary = source.get("summary") or ""
        snippet = next((fragments[0] for fragments in highlight.values()), "")
        return Hit(id=source["id"], content_type=source["content_type"], title=source["title"],
                   url=source["url"], locale=source["language"],
                   municipality=source.get("municipality", []), date=source.get("date"),
                   summary=summary,
                   highlight=(snippet or source["title"]) if has_words else summary,
                   score=hit.get("_score"), highlights=RemoteEngine._highlights(highlight),
                   **card_facts(source))

    @staticmethod
    def _highlights(highlight: dict[str, list[str]]) -> list[Highlight]:
        """Per field, the passages of whichever of its analyses (folded, stemmed) marked the
        most words."""
        found = []
        for name in HIGHLIGHT_FIELDS:
            analyses = [fragments for field, fragments in highlight.items()
                        if field.split(".")[0] == name]
            if analyses:
                found.append(Highlight(name, max(
                    analyses, key=lambda fragments: sum(part.count("<mark>")
                                                        for part in fragments))))
        return found

    @staticmethod
    def _stats(aggregations: dict) -> dict[str, Stat]:
        def value(bound: dict) -> float | str | None:
            return bound.get("value_as_string", bound["value"]) if bound["value"] is not None \
                else None

        return {name: Stat(value(aggregations[f"stats_{name}"]["min"]),
                           value(aggregations[f"stats_{name}"]["max"])) for name in STAT_FIELDS}

    @staticmethod
    def _counts(aggregations: dict) -> dict[str, dict[str, int]]:
        return {facet.key: {bucket["key"]: bucket["doc_count"]
                            for bucket in aggregations[facet.key]["values"]["buckets"]}
                for facet in FACETS}

    def suggest(self, prefix: str, language: str, municipality: str | None,
                limit: int) -> list[dict[str, Any]]:
        try:
            full_analysis = self.full_analysis  # read from the server once
        except Exception as error:
            self.raise_unavailable(error)
        body = dsl.suggest_body(prefix, language, municipality, limit, full_analysis)
        response = self._search(body)
        return [hit["_source"] for hit in response["hits"]["hits"]]

    def nearby_words(self, words: list[str], municipality: str | None,
                     languages: list[str]) -> dict[str, dict[str, int]]:
        """The words' counts in scope beside the term suggester's words near each, then, for
        the words those do not settle, the neighbours' counts in scope: one or two round
        trips, kept in the shared cache under the index generation until the first document
        in scope expires."""
        name = ":".join(("search:nearby-words", self.alias, municipality or "*",
                         ",".join(languages) or "*", fingerprint(" ".join(words))))
        return kept_until_expiry(
            name, partial(self._nearby_words, words, municipality, languages),
            NEARBY_WORDS_SECONDS)

    def _nearby_words(self, words: list[str], municipality: str | None,
                      languages: list[str]) -> ExactUntil[dict[str, dict[str, int]]]:
        response = self._search(dsl.nearby_words_body(words, municipality, languages))
        # neighbour → documents of the index holding it: a bound above its count in scope,
        # when one shard answers (of several, only those suggesting it add theirs)
        suggested = response["suggest"]
        near = {word: {option["text"]: option["freq"] for entry in suggested[str(position)]
                       for option in entry["options"]}
                for position, word in enumerate(words)}
        counts = self._word_counts(response["aggregations"])
        bounded = response["_shards"]["total"] == 1
        uncounted = {term for word in words
                     if not (bounded and settled(counts.get(word, 0), near[word].values()))
                     for term in near[word]} - set(words)
        if uncounted:
            counts |= self._word_counts(self._search(dsl.word_counts_body(
                sorted(uncounted), municipality, languages))["aggregations"])
        expiring = response["aggregations"]["expiring"]["value"]
        return ExactUntil({word: given_neighbours(word, {term: counts[term]
                                                          for term in (word, *near[word])
                                                          if counts.get(term)})
                           for word in words},
                          datetime.fromtimestamp(expiring / 1000, UTC) if expiring else None)

    @staticmethod
    def _word_counts(aggregations: dict) -> dict[str, int]:
        return {term: bucket["doc_count"]
                for term, bucket in aggregations["words"]["buckets"].items()}

    def indexed_fingerprints(self, after: int, upto: int | None) -> dict[int, tuple[int, str]]:
        ids = {"gt": after, **({"lte": upto} if upto is not None else {})}
        return {int(hit["_id"]): (int(hit["_version"]), hit["_source"].get("fingerprint", ""))
                for hit in self.scan(self.client, index=self.alias, _source=["fingerprint"],
                                     query={"query": {"range": {"id": ids}}, "version": True})}

    def indexed_versions(self) -> dict[int, int]:
        return {int(hit["_id"]): int(hit["_version"]) for hit in self.scan(
            self.client, index=self.alias, query={"query": {"match_all": {}}, "version": True},
            _source=False)}
