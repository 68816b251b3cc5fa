"""An HTTP proxy in front of a real engine server that answers some searches with a failure of
its own choosing, as a cluster answers while a node leaves it; everything else is forwarded."""

import http.client
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

UNAVAILABLE = (503, {"error": {"root_cause": [{"type": "no_shard_available_action_exception",
                                               "reason": "no shard available"}],
                               "type": "search_phase_execution_exception",
                               "reason": "all shards failed"}, "status": 503})
CONTEXT_LOST = (404, {"error": {"root_cause": [{"type": "search_context_missing_exception",
                                                "reason": "No search context found for id [7]"}],
                                "type": "search_phase_execution_exception",
                                "reason": "Partial shards failure", "phase": "fetch"},
                      "status": 404})
SHARDS_FAILED = (500, {"error": {"root_cause": [{"type": "node_closed_exception",
                                                  "reason": "node closed"}],
                                 "type": "search_phase_execution_exception",
                                 "reason": "all shards failed", "phase": "query"},
                       "status": 500})
TOO_BUSY = (429, {"error": {"root_cause": [{"type": "es_rejected_execution_exception",
                                            "reason": "rejected execution"}],
                            "type": "search_phase_execution_exception",
                            "reason": "all shards failed"}, "status": 429})
REFUSED = (400, {"error": {"root_cause": [{"type": "parsing_exception", "reason": "unknown"}],
                           "type": "parsing_exception", "reason": "unknown"}, "status": 400})


class FailingProxy(ThreadingHTTPServer):
    """`failures`: the answers (status, body) the next searches get, one each, in order; only
    searches whose body holds `failing_bodies_with`, when it is set."""

    daemon_threads = True

    def __init__(self, upstream: str) -> None:
        super().__init__(("127.0.0.1", 0), ForwardingHandler)
        self.upstream = urlsplit(upstream).netloc
        self.failures: list[tuple[int, dict]] = []
        self.failing_bodies_with = b""
        self.searches = 0
        self.searched: list[str] = []  # the addresses of the searches, query strings with them
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def failure_for(self, path: str, body: bytes) -> tuple[int, dict] | None:
        if "/_search" not in path or self.failing_bodies_with not in body:
            return None
        with self.lock:
            self.searches += 1
            self.searched.append(path)
            return self.failures.pop(0) if self.failures else None


class ForwardingHandler(BaseHTTPRequestHandler):
    server: FailingProxy

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def answer(self, status: int, headers: list[tuple[str, str]], body: bytes) -> None:
        self.send_response(status)
        for name, value in headers:
            if name.lower() not in ("transfer-encoding", "connection", "content-length"):
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def forward(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if failure := self.server.failure_for(self.path, body):
            status, answer = failure
            self.answer(status, [("Content-Type", "application/json"),
                                 ("X-Elastic-Product", "Elasticsearch")],
                        json.dumps(answer).encode())
            return
        upstream = http.client.HTTPConnection(self.server.upstream, timeout=30)
        try:
            upstream.request(self.command, self.path, body or None,
                             {name: value for name, value in self.headers.items()
                              if name.lower() not in ("host", "connection")})
            response = upstream.getresponse()
            self.answer(response.status, response.getheaders(), response.read())
        finally:
            upstream.close()

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = forward


@contextmanager
def failing_proxy(upstream: str) -> Iterator[FailingProxy]:
    proxy = FailingProxy(upstream)
    thread = threading.Thread(target=proxy.serve_forever, daemon=True)
    thread.start()
    try:
        yield proxy
    finally:
        proxy.shutdown()
        proxy.server_close()
