"""Choose the public search engine from settings: Elasticsearch, OpenSearch or the database."""

from functools import lru_cache

from django.conf import settings

from search.engines.base import SearchEngine

INDEX_ALIAS = "esparama-pages"


@lru_cache(maxsize=1)
def get_engine() -> SearchEngine:
    alias = getattr(settings, "SEARCH_INDEX_ALIAS", INDEX_ALIAS)
    if settings.ELASTICSEARCH_URL:
        from search.engines.elasticsearch import ElasticsearchEngine

        return ElasticsearchEngine(alias, settings.ELASTICSEARCH_URL)
    if settings.OPENSEARCH_URL:
        from search.engines.opensearch import OpenSearchEngine

        return OpenSearchEngine(alias, settings.OPENSEARCH_URL)
    from search.engines.database import DatabaseEngine

    return DatabaseEngine(alias)
