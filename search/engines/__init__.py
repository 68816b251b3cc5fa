"""Choose the public search engine from settings: Elasticsearch, OpenSearch or the database."""

from functools import lru_cache

from search import conf
from search.engines.base import SearchEngine


def get_engine() -> SearchEngine:
    return _engine(conf.elasticsearch_url(), conf.opensearch_url(), conf.index_alias())


@lru_cache(maxsize=8)
def _engine(elasticsearch_url: str, opensearch_url: str, alias: str) -> SearchEngine:
    if elasticsearch_url:
        from search.engines.elasticsearch import ElasticsearchEngine

        return ElasticsearchEngine(alias, elasticsearch_url)
    if opensearch_url:
        from search.engines.opensearch import OpenSearchEngine

        return OpenSearchEngine(alias, opensearch_url)
    from search.engines.database import DatabaseEngine

    return DatabaseEngine(alias)
