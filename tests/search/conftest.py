import os
import threading
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection

from search.engines import get_engine
from search.engines.base import IndexAction
from tests.search.documents import DOCUMENTS

ENGINES = ["elasticsearch", "opensearch", "database"]
ANALYSING_ENGINES = ["opensearch", "database"]  # the Elasticsearch test zip has no analysis-common
URL_SETTINGS = {"elasticsearch": "ELASTICSEARCH_URL", "opensearch": "OPENSEARCH_URL"}


def use_engine(kind: str, settings) -> None:
    """Point the settings at one engine, with an index alias of this test's own."""
    settings.SEARCH_INDEX_ALIAS = f"test-{kind}-{uuid.uuid4().hex[:10]}"
    for engine_kind, setting in URL_SETTINGS.items():
        url = os.environ.get(setting, "") if engine_kind == kind else ""
        if engine_kind == kind and not url:
            pytest.fail(f"{setting} is not set: start the engines with `make services`.")
        setattr(settings, setting, url)


def drop_indices(engine) -> None:
    client = getattr(engine, "client", None)
    if client is not None:
        client.indices.delete(index=f"{engine.alias}*", ignore_unavailable=True)


def engine_fixture(kinds: list[str]):
    @pytest.fixture(params=kinds)
    def fixture(request, settings, db):
        use_engine(request.param, settings)
        engine = get_engine()
        engine.ensure_index()
        yield engine
        drop_indices(engine)

    return fixture


engine = engine_fixture(ENGINES)


def holding(engine, documents: list[dict]):
    """The engine, holding these documents (version 1), refreshed."""
    results = engine.bulk([IndexAction(doc["id"], 1, doc) for doc in documents])
    assert not [result for result in results if result.error]
    engine.refresh()
    return engine


@pytest.fixture
def loaded(engine):
    """The engine holding the shared test documents, refreshed."""
    return holding(engine, DOCUMENTS)


analysing_engine = engine_fixture(ANALYSING_ENGINES)


def as_another_process(action: Callable[[], Any]) -> Any:
    """Run `action` in this thread as another process would, on a connection of its own."""
    try:
        return action()
    finally:
        connection.close()


def elsewhere(action: Callable[[], object], outcome: list) -> threading.Thread:
    """Start `action` in a thread of its own, as another process; its result (or the exception
    it raised) is added to `outcome`."""
    def run() -> None:
        try:
            outcome.append(as_another_process(action))
        except Exception as error:
            outcome.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    return thread
