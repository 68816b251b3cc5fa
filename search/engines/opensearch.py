from typing import Any

import orjson
from opensearchpy import ConnectionError as OpenSearchConnectionError
from opensearchpy import OpenSearch, helpers
from opensearchpy.exceptions import SerializationError
from opensearchpy.serializer import JSONSerializer

from search.engines.remote import ASKED_AGAIN_BY_THE_CLIENT, RemoteEngine

CONNECTIONS_KEPT = 10


class OrjsonSerializer(JSONSerializer):
    """Requests and answers through orjson: a bulk request of documents and a search's
    aggregations are most of what the client does."""

    def dumps(self, data: Any) -> str:
        if isinstance(data, str):
            return data
        try:
            return orjson.dumps(data, default=self.default).decode()
        except TypeError as error:
            raise SerializationError(data, error) from error

    def loads(self, s: str) -> Any:
        try:
            return orjson.loads(s)
        except orjson.JSONDecodeError as error:
            raise SerializationError(s, error) from error


class OpenSearchEngine(RemoteEngine):
    """OpenSearch 2/3 through opensearch-py."""

    streaming_bulk = staticmethod(helpers.streaming_bulk)
    scan = staticmethod(helpers.scan)
    connection_errors = (OpenSearchConnectionError,)

    def make_client(self, nodes: list[str]) -> OpenSearch:
        """Connections kept open: as many as the Elasticsearch client keeps per node (a
        search's suggestion is asked beside it, a web server's threads share the client)."""
        return OpenSearch(nodes, timeout=10, retry_on_timeout=False, max_retries=1,
                          retry_on_status=ASKED_AGAIN_BY_THE_CLIENT,
                          pool_maxsize=CONNECTIONS_KEPT, serializer=OrjsonSerializer())
