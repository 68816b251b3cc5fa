"""A node of a two-node OpenSearch cluster (two shards, one replica each) stops in the middle of
500 published changes and a rebuild, and returns: nothing is lost, nothing is stale on either
node, and the residents' search answers, complete, throughout.

The product names both nodes (OPENSEARCH_URL), the one that stops first: its client asks them
in turn, and the other while one does not answer. The node that stops (SIGTERM, as a host
shutting down sends it) and starts again is not the cluster manager: a two-node cluster's
voting configuration holds one node, and with the manager gone it would elect no other, so
surviving that takes three nodes.
"""

import threading
import traceback
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor

import pytest
from django.db import connection, transaction
from wagtail.models import Page

from pages.public import public_pages
from search import outbox, pipeline
from search.documents import build_documents, searchable_page_ids
from search.engines import get_engine
from search.query import SearchQuery
from search.rebuild import run_rebuild
from tests.factories import add_provider, home
from tests.search.cluster import Node, TwoNodeCluster, two_node_cluster
from tests.search.conftest import drop_indices
from tests.search.worker_processes import poll

pytestmark = [
    pytest.mark.engine, pytest.mark.services,
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="publishing, draining and rebuilding at once: PostgreSQL"),
]

PAGES = 60
PUBLISHES = 500
REBUILD_BATCH = 10  # the rebuild writes in several batches, the node stopping between two
WAIT_SECONDS = 120
SEARCH_EVERY = 0.05  # seconds: a steady stream of residents' searches


@pytest.fixture
def cluster() -> Iterator[TwoNodeCluster]:
    with two_node_cluster() as started:
        yield started


@pytest.fixture
def engine(cluster, settings):
    settings.SEARCH_INDEX_SHARDS, settings.SEARCH_INDEX_REPLICAS = 2, 1
    settings.ELASTICSEARCH_URL = ""
    settings.OPENSEARCH_URL = ",".join(node.url for node in stopping_first(cluster))
    settings.SEARCH_INDEX_ALIAS = f"test-cluster-{uuid.uuid4().hex[:10]}"
    engine = get_engine()
    yield engine
    drop_indices(engine)


def stopping_first(cluster: TwoNodeCluster) -> list[Node]:
    """The nodes, the one that stops (not the manager) first."""
    return sorted(cluster.nodes, key=lambda node: node is cluster.manager())


class Run:
    """Threads that publish, drain when asked (as the worker does), rebuild and search, each
    with its own database connection; a failure in any of them fails the test."""

    def __init__(self) -> None:
        self.pool = ThreadPoolExecutor(4)
        self.futures: list[Future] = []
        self.drain_asked = threading.Event()
        self.node_stopped = threading.Event()
        self.finished = threading.Event()

    def finish(self) -> None:
        """Let every thread end, wherever it waits, and wait for them."""
        for event in (self.finished, self.node_stopped, self.drain_asked):
            event.set()
        self.pool.shutdown()

    def submit(self, work: Callable[[], object]) -> Future:
        def run() -> object:
            try:
                return work()
            finally:
                connection.close()

        future = self.pool.submit(run)
        self.futures.append(future)
        return future

    def wait_for(self, event: threading.Event, what: str) -> None:
        def done() -> bool:
            for future in self.futures:
                if future.done() and future.exception():
                    raise future.exception()
            return event.is_set()

        poll(done, WAIT_SECONDS, what)

    def drain_when_asked(self) -> None:
        while not self.finished.is_set():
            self.drain_asked.wait()
            self.drain_asked.clear()
            pipeline.drain()


@pytest.fixture
def run() -> Iterator[Run]:
    started = Run()
    yield started
    started.finish()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_node_stopping_during_publishes_and_a_rebuild_loses_nothing(
        cluster, engine, sites, monkeypatch, run):
    # each transaction's commit asks for a drain, which the drain thread runs (as a worker)
    monkeypatch.setattr(outbox, "schedule_drain", run.drain_asked.set)
    monkeypatch.setattr(outbox, "RETRY_LATER_SECONDS", 1)
    providers = [add_provider(home("alytus"), f"Teikėjas {number}", publish=True).pk
                 for number in range(PAGES)]
    pipeline.drain()
    engine.refresh()
    assert engine.count() == PAGES
    cluster.wait_for_green(through=cluster.manager())

    victim = stopping_first(cluster)[0]
    halfway, rebuild_started, outage = (threading.Event() for _ in range(3))
    answers: list[int] = []  # each search's count of results
    failures: list[str] = []
    answered_in_outage = 0  # while the stopped node was out of the cluster

    def publish() -> None:
        """Each change in a transaction of its own, recorded as publishing records it."""
        for number in range(PUBLISHES):
            if number == PUBLISHES // 2:
                halfway.set()
                assert run.node_stopped.wait(WAIT_SECONDS)
            page_id = providers[number % PAGES]
            with transaction.atomic():
                Page.objects.filter(pk=page_id).update(
                    title=f"Teikėjas {number % PAGES} leidimas {number}")
                outbox.record_changes([page_id])

    def rebuild() -> str:
        def first_batch_written(size: int) -> None:
            rebuild_started.set()
            assert run.node_stopped.wait(WAIT_SECONDS)

        return run_rebuild(on_batch=first_batch_written, batch_size=REBUILD_BATCH)

    def search() -> None:
        nonlocal answered_in_outage
        while not run.finished.wait(SEARCH_EVERY):
            try:
                answers.append(engine.search(SearchQuery(text="teikejas", page_size=1)).count)
                answered_in_outage += outage.is_set()
            except Exception as error:  # counted: the test reports every failed search
                failures.append(f"{traceback.format_exc()}the server's answer: "
                                f"{getattr(error, 'info', None)}")

    drainer = run.submit(run.drain_when_asked)
    searcher = run.submit(search)
    publisher = run.submit(publish)
    rebuilder = run.submit(rebuild)
    run.wait_for(halfway, "250 publishes")
    run.wait_for(rebuild_started, "the rebuild's first batch")
    cluster.stop(victim)
    poll(lambda: cluster.health(cluster.manager())["number_of_nodes"] == 1, WAIT_SECONDS,
         "the stopped node leaving the cluster")
    outage.set()
    run.node_stopped.set()
    cluster.start(victim)
    publisher.result(timeout=WAIT_SECONDS)
    rebuilt = rebuilder.result(timeout=WAIT_SECONDS)
    poll(lambda: cluster.joined(victim), WAIT_SECONDS, "the stopped node returning")
    outage.clear()
    cluster.wait_for_green(through=victim)

    def drained() -> bool:
        pipeline.drain()
        return not outbox.waiting().exists()

    poll(drained, WAIT_SECONDS, "an empty outbox")
    run.finished.set()
    run.drain_asked.set()
    drainer.result(timeout=WAIT_SECONDS)
    searcher.result(timeout=WAIT_SECONDS)

    assert engine._indices_of(engine.alias) == [rebuilt]
    ids = searchable_page_ids()
    built = {pk: document for pk, document in build_documents(ids).items() if document}
    assert set(built) == set(public_pages(Page.objects.filter(pk__in=ids))
                             .values_list("pk", flat=True))
    expected = {pk: document["fingerprint"] for pk, document in built.items()}
    for node in cluster.nodes:  # what each node's own copies hold
        response = engine.client.search(index=engine.alias, preference=f"_only_nodes:{node.name}",
                                        body={"size": 10_000, "_source": ["fingerprint"]})
        indexed = {int(hit["_id"]): hit["_source"]["fingerprint"]
                   for hit in response["hits"]["hits"]}
        lost = set(expected) - set(indexed)
        stale = {pk for pk in set(expected) & set(indexed) if indexed[pk] != expected[pk]}
        assert (lost, stale) == (set(), set()), f"{node.name}: lost {lost}, stale {stale}"
        assert set(indexed) == set(expected)
    assert not failures, (f"{len(failures)} of {len(answers) + len(failures)} searches failed; "
                          f"the first:\n{failures[0]}")
    assert answered_in_outage > 0
    assert set(answers) == {PAGES}, "a search answered with results missing"
