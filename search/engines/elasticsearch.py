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
        return Elasticsearch(url, request_timeout=10, retry_on_timeout=False, max_retries=1,
                             serializer=OrjsonSerializer())
