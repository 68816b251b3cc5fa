"""The one small interface every public search engine implements."""

import hashlib
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any, ClassVar

from search.conf import basic_analysis_allowed as basic_analysis_allowed
from search.query import SearchQuery, SearchResponse

Document = dict[str, Any]


@dataclass(frozen=True)
class IndexAction:
    """Put `document` (or delete when None) at `version`; an older version never wins."""

    page_id: int
    version: int
    document: Document | None


@dataclass(frozen=True)
class ActionResult:
    page_id: int
    version: int
    error: str = ""  # empty: acknowledged (stored, or a newer version already there)


@dataclass(frozen=True)
class RetryLater(ActionResult):
    """Not written for a passing reason (overload, a write block, no index behind the alias):
    to be tried again later, without counting as one of the page's failed attempts."""


class SearchUnavailable(Exception):
    """The engine could not answer a search now: its server is unreachable, or failed to answer
    (a node leaving the cluster, a shard copy moving) even when asked again. Residents are told
    to try again in a moment; it is never a refused query."""


def fingerprint(*parts: str) -> str:
    """A short digest of what an index is built with."""
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:16]


class SearchEngine(ABC):
    """Public search index behind an alias; rebuilds write a new index and swap it in."""

    # whether every call (bulk, search, statistics) only talks to the engine's server, never to
    # the database, so that it may run in another thread beside the caller's database work
    talks_only_to_its_server: ClassVar[bool] = False

    def __init__(self, alias: str) -> None:
        self.alias = alias

    @abstractmethod
    def ensure_index(self) -> None:
        """Create the live index and its alias when there is none."""

    def cannot_answer(self, error: Exception) -> bool:
        """Whether `error` says the engine's server could not answer now (rather than that it
        refused a request): only an engine with a server of its own says so."""
        return False

    @abstractmethod
    def create_index(self) -> str:
        """Create an empty new index for a rebuild and let writes reach it too; return its name.
        It is the only rebuilding index: one left by a rebuild that ended without dropping it
        (its process stopped, or the engine could not be reached then) is dropped."""

    @abstractmethod
    def promote(self, index: str) -> None:
        """Atomically make `index` the live one and drop the index it replaces."""

    @abstractmethod
    def abandon(self, index: str) -> None:
        """Drop a rebuild index that will not be promoted; never the live index (which a late
        task of a rebuild that went live may name)."""

    @abstractmethod
    def bulk(self, actions: list[IndexAction], index: str | None = None) -> list[ActionResult]:
        """Apply actions to `index`, or to every index writes reach (live and rebuilding)."""

    @abstractmethod
    def search(self, query: SearchQuery) -> SearchResponse: ...

    @abstractmethod
    def suggest(self, prefix: str, language: str, municipality: str | None,
                limit: int) -> list[dict[str, Any]]:
        """Titles starting with the words typed: each `{id, title, url, content_type}`."""

    @abstractmethod
    def nearby_words(self, words: list[str], municipality: str | None,
                     languages: list[str]) -> dict[str, dict[str, int]]:
        """For each folded word: the folded words of the public documents (of `municipality`,
        in `languages`; all when None or empty) near it (`search.suggestions.is_near`, or more:
        `suggestions` keeps those near enough), each with the number of documents holding it;
        the word itself among them when a document holds it; a word no neighbour can replace
        alone (`search.suggestions.given_neighbours`)."""

    @abstractmethod
    def indexed_versions(self) -> dict[int, int]:
        """Page id → version of every document in the live index (for reconcile)."""

    @abstractmethod
    def indexed_fingerprints(self, after: int, upto: int | None) -> dict[int, tuple[int, str]]:
        """Page id → (version, fingerprint) of the live index's documents with ids in
        (after, upto]; no upper bound when `upto` is None (for reconcile)."""

    @abstractmethod
    def schema_version(self) -> str:
        """What this engine builds an index with now (its mapping and analysis, and how a
        document's fingerprint is made), as a digest: an index built with another one holds
        stale terms, lacks fields or holds fingerprints that no longer compare."""

    @abstractmethod
    def live_schema(self) -> str:
        """The schema version the live index was built with; "" when unknown or no index."""

    @abstractmethod
    def refresh(self) -> None:
        """Make recent writes visible to search."""

    def missing_analysis(self) -> str:
        """What the server lacks for the Lithuanian analysis; empty when it has everything."""
        return ""

    def count(self) -> int:
        return len(self.indexed_versions())
