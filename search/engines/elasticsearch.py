import elastic_transport
from elasticsearch import Elasticsearch, helpers
from elasticsearch.serializer import OrjsonSerializer

from search.engines.remote import ASKED_AGAIN_BY_THE_CLIENT, RemoteEngine


class ElasticsearchEngine(RemoteEngine):
    """Elasticsearch 8 (client major matched to the server)."""

    streaming_bulk = staticmethod(helpers.streaming_bulk)
    scan = staticmethod(helpers.scan)
    connection_errors = (elastic_transport.ConnectionError, elastic_transport.ConnectionTimeout)

    def make_client(self, nodes: list[str]) -> Elasticsearch:
        """A request is asked again once, at once, for the statuses the OpenSearch client asks
        again for (`ASKED_AGAIN_BY_THE_CLIENT`): not a 429, the server asking for fewer."""
        return Elasticsearch(nodes, request_timeout=10, retry_on_timeout=False, max_retries=1,
                             retry_on_status=ASKED_AGAIN_BY_THE_CLIENT,
                             serializer=OrjsonSerializer())
