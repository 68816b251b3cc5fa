"""A search the engine's server cannot answer. One the server failed (a 5xx, as a cluster
answers while a node leaves it) is asked once more, by the client or by the engine; failing
again, with the server too busy (a 429, not asked again) or not reached, it is
`SearchUnavailable`. A shard that cannot answer fails the search rather than leaving its hits
out. A refused request stays the
client's error, asked once. The servers are real: a proxy in front of them fails the searches
it is told to."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from search import outbox
from search.engines import get_engine
from search.engines.base import SearchUnavailable
from search.models import OutboxEntry
from search.query import SearchQuery
from tests.search.conftest import URL_SETTINGS
from tests.search.documents import DOCUMENTS
from tests.search.failing_proxy import (
    CONTEXT_LOST,
    REFUSED,
    SHARDS_FAILED,
    TOO_BUSY,
    UNAVAILABLE,
    FailingProxy,
    failing_proxy,
)

remote_engines = pytest.mark.parametrize("engine", list(URL_SETTINGS), indirect=True)


def url_setting(settings) -> str:
    return next(name for name in URL_SETTINGS.values() if getattr(settings, name))


@pytest.fixture
def proxy(loaded, settings) -> FailingProxy:
    """The proxy in front of the test's engine, holding the shared documents."""
    setting = url_setting(settings)
    with failing_proxy(getattr(settings, setting)) as started:
        setattr(settings, setting, started.url)
        yield started


@remote_engines
@pytest.mark.parametrize("failure", [SHARDS_FAILED, CONTEXT_LOST])
def test_a_search_the_server_failed_is_answered_when_asked_again(proxy, failure):
    proxy.failures = [failure]
    assert get_engine().search(SearchQuery()).count == len(DOCUMENTS)
    assert proxy.searches == 2


@remote_engines
def test_every_search_asks_for_complete_results(proxy):
    engine = get_engine()
    engine.search(SearchQuery(text="paslaugos"))
    engine.suggest("pasl", "lt", None, 5)
    engine.nearby_words(["paslaugos"], None, ["lt"])
    assert len(proxy.searched) >= 3
    assert all("allow_partial_search_results=false" in path for path in proxy.searched)


@remote_engines
@pytest.mark.parametrize("failure", [SHARDS_FAILED, UNAVAILABLE, CONTEXT_LOST])
def test_a_search_the_server_fails_twice_is_unavailable_after_two_asks(proxy, failure):
    proxy.failures = [failure] * 3
    with pytest.raises(SearchUnavailable):
        get_engine().search(SearchQuery(text="paslaugos"))
    assert (proxy.searches, len(proxy.failures)) == (2, 1)


@remote_engines
def test_a_search_the_server_fails_again_is_unavailable(proxy):
    engine = get_engine()
    proxy.failures = [SHARDS_FAILED] * 2
    with pytest.raises(SearchUnavailable):
        engine.search(SearchQuery(text="paslaugos"))
    proxy.failures = [SHARDS_FAILED] * 2
    with pytest.raises(SearchUnavailable):
        engine.suggest("pasl", "lt", None, 5)
    assert proxy.searches == 4
    assert engine.search(SearchQuery()).count == len(DOCUMENTS)  # the server answers again


@remote_engines
def test_a_search_the_server_is_too_busy_for_is_unavailable_without_asking_again(proxy):
    proxy.failures = [TOO_BUSY]
    with pytest.raises(SearchUnavailable):
        get_engine().search(SearchQuery(text="paslaugos"))
    assert proxy.searches == 1


@remote_engines
def test_a_refused_search_is_asked_once_and_stays_the_clients_error(proxy):
    proxy.failures = [REFUSED]
    with pytest.raises(Exception) as raised:
        get_engine().search(SearchQuery())
    assert not isinstance(raised.value, SearchUnavailable)
    assert raised.value.status_code == 400
    assert proxy.searches == 1


@remote_engines
def test_a_server_not_reached_is_unavailable(engine, settings):
    setattr(settings, url_setting(settings), "http://127.0.0.1:9")  # nothing listens there
    unreachable = get_engine()
    for ask in (lambda: unreachable.search(SearchQuery(text="paslaugos")),
                lambda: unreachable.suggest("pasl", "lt", None, 5),
                lambda: unreachable.nearby_words(["paslaugos"], None, ["lt"])):
        with pytest.raises(SearchUnavailable):
            ask()


@remote_engines
def test_a_cluster_named_by_its_nodes_answers_while_one_of_them_is_not_reached(loaded, settings):
    """The node named first does not answer: every request goes on to the other."""
    setting = url_setting(settings)
    setattr(settings, setting, f"http://127.0.0.1:9, {getattr(settings, setting)}")
    cluster = get_engine()
    for _ in range(4):  # the client asks the nodes in turn
        assert cluster.search(SearchQuery(text="paslaugos")).count
        assert cluster.suggest("pasl", "lt", None, 5)
    cluster.refresh()


@remote_engines
@pytest.mark.parametrize("action", ["status", "drain", "rebuild", "reconcile"])
def test_an_operator_command_says_the_engine_did_not_answer(engine, settings, action):
    outbox.record_changes([10**9])  # a change waiting to be written
    setattr(settings, url_setting(settings), "http://127.0.0.1:9")  # nothing listens there
    with pytest.raises(CommandError, match="Paieškos variklis neatsakė") as refused:
        call_command("search_index", action, "--no-progress", stdout=StringIO())
    assert "127.0.0.1" in str(refused.value)
    assert OutboxEntry.objects.get(page_id=10**9).pending
