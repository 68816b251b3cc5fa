"""Choose the public search engine from settings: Elasticsearch, OpenSearch or the database."""

from functools import lru_cache

from django.conf import settings

from search.engines.base import SearchEngine

INDEX_ALIAS = "esparama-pages"


def get_engine() -> SearchEngine:
    return _engine(settings.ELASTICSEARCH_URL, settings.OPENSEARCH_URL,
                   getattr(settings, "SEARCH_INDEX_ALIAS", INDEX_ALIAS))


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
