from opensearchpy import OpenSearch, helpers

from search.engines.remote import RemoteEngine


class OpenSearchEngine(RemoteEngine):
    """OpenSearch 2/3 through opensearch-py."""

    streaming_bulk = staticmethod(helpers.streaming_bulk)
    scan = staticmethod(helpers.scan)

    def make_client(self, url: str) -> OpenSearch:
        return OpenSearch(url, timeout=10, retry_on_timeout=False, max_retries=1)
