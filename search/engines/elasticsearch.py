from elastic_transport import TransportError
from elasticsearch import Elasticsearch, helpers
from elasticsearch.serializer import OrjsonSerializer

from search.engines.remote import RemoteEngine


class ElasticsearchEngine(RemoteEngine):
    """Elasticsearch 8 (client major matched to the server)."""

    streaming_bulk = staticmethod(helpers.streaming_bulk)
    scan = staticmethod(helpers.scan)
    connection_errors = (TransportError,)  # the transport's: answers with a status are ApiError

    def make_client(self, url: str) -> Elasticsearch:
        """A request is asked again once for the statuses the OpenSearch client asks again for:
        a 429 is the server asking for fewer requests, not one more."""
        return Elasticsearch(url, request_timeout=10, retry_on_timeout=False, max_retries=1,
                             retry_on_status=(502, 503, 504), serializer=OrjsonSerializer())
