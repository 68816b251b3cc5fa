"""The settings the public search reads, each with its default.

A host project sets none of them to get the embedded default: the database search engine, the
index alias `esparama-pages` and, for what web and worker processes share (rebuild progress,
index drift, the vocabulary's generation), the `shared` cache when CACHES defines one, else the
`default` cache. `search.settings_checks` validates them at start-up.

  ELASTICSEARCH_URL              [""]  Elasticsearch 8, e.g. http://user:password@host:9200;
                                       a cluster: its nodes' URLs separated by commas
  OPENSEARCH_URL                 [""]  OpenSearch 3, used when ELASTICSEARCH_URL is empty (the
                                       same form)
  SEARCH_INDEX_ALIAS             ["esparama-pages"]  the alias the public index lives behind
  SEARCH_BASIC_ANALYSIS_ALLOWED  [False]  accept a server without the Lithuanian analysis
  SEARCH_SHARED_CACHE            ["shared" if CACHES has it, else "default"]  a cache alias
  SEARCH_INDEX_SHARDS            [1]  primary shards of an index built from now on
  SEARCH_INDEX_REPLICAS          [0]  replicas of each shard of an index built from now on
"""

from typing import Any

from django.conf import settings
from django.core.cache import BaseCache, caches

DEFAULT_INDEX_ALIAS = "esparama-pages"
SHARED_CACHE_ALIAS = "shared"
DEFAULT_INDEX_SHARDS = 1
DEFAULT_INDEX_REPLICAS = 0


def elasticsearch_url() -> Any:
    """The Elasticsearch server's URL; empty for none."""
    return getattr(settings, "ELASTICSEARCH_URL", "")


def opensearch_url() -> Any:
    """The OpenSearch server's URL; empty for none (and ignored when Elasticsearch is set)."""
    return getattr(settings, "OPENSEARCH_URL", "")


def engine_nodes(url: str) -> list[str]:
    """The nodes an engine URL names: one URL, or a cluster's, separated by commas. The client
    asks them in turn, and another when one does not answer."""
    return [node.strip() for node in url.split(",") if node.strip()]


def index_alias() -> Any:
    """The alias the public index is read and written through."""
    return getattr(settings, "SEARCH_INDEX_ALIAS", DEFAULT_INDEX_ALIAS)


def basic_analysis_allowed() -> bool:
    """Set SEARCH_BASIC_ANALYSIS_ALLOWED only where a server without the analysis module is
    knowingly used (the Elasticsearch test distribution): searches then miss inflected and
    unaccented Lithuanian words."""
    return bool(getattr(settings, "SEARCH_BASIC_ANALYSIS_ALLOWED", False))


def index_shards() -> Any:
    """Primary shards of a new index: 1 holds the public pages of every municipality (tens of
    thousands of small documents); more only split each search's work."""
    return getattr(settings, "SEARCH_INDEX_SHARDS", DEFAULT_INDEX_SHARDS)


def index_replicas() -> Any:
    """Replicas of each shard of a new index: 0 on one server; on a cluster, 1 or more keep
    the index searchable while a node is down and share the searches."""
    return getattr(settings, "SEARCH_INDEX_REPLICAS", DEFAULT_INDEX_REPLICAS)


def shared_cache_alias() -> str:
    """The cache that web and worker processes share: SEARCH_SHARED_CACHE, else the `shared`
    cache when CACHES defines one, else the `default` cache."""
    configured = getattr(settings, "SEARCH_SHARED_CACHE", None)
    if configured is not None:
        return configured
    return SHARED_CACHE_ALIAS if SHARED_CACHE_ALIAS in settings.CACHES else "default"


def shared_cache() -> BaseCache:
    return caches[shared_cache_alias()]
