"""Relevance on the judged query set (tests/search/judged_queries.jsonl, see bench/relevance.py):
the whole demo content imported once for the module, searched on each engine with the
Lithuanian analysis. Prints recall@10, nDCG@10 and the zero-result rate, overall and per
language and kind of query, and holds the targets: recall@10 ≥ 0.95, zero-result rate ≤ 2 %.
"""

import json
import sys

import pytest
from django.db import transaction
from django.test import override_settings

from bench.relevance import TARGETS, engine_search, evaluate, import_ids, judgements, table
from cms.conf import demo_content_file
from search import pipeline
from search.engines import get_engine
from search.rebuild import run_rebuild
from tests.api.conftest import (
    DATABASE_ENGINE,
    import_lines,
    refresh_planner_statistics,
    remote_engine_settings,
)
from tests.search.conftest import ANALYSING_ENGINES, drop_indices


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo content, published and indexed by the database engine; rolled back after the
    module."""
    lines = [json.loads(text) for text in
             demo_content_file().read_text(encoding="utf-8").splitlines() if text.strip()]
    with django_db_blocker.unblock(), override_settings(**DATABASE_ENGINE):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            import_lines(lines, tmp_path_factory.mktemp("demo"))
            pipeline.drain()
            refresh_planner_statistics()
            yield import_ids()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture(params=ANALYSING_ENGINES)
def judged_engine(request, demo_content, django_db_blocker):
    """An engine holding the demo content, and the import ids of its pages."""
    kind = request.param
    engine_settings = DATABASE_ENGINE if kind == "database" else remote_engine_settings(kind)
    with override_settings(**engine_settings):
        if kind != "database":
            with django_db_blocker.unblock():
                run_rebuild()
        engine = get_engine()
        engine.refresh()
        yield kind, engine, demo_content
        if kind != "database":
            drop_indices(engine)


def test_judged_queries_reach_the_targets(judged_engine, db):
    kind, engine, ids = judged_engine
    judged = judgements()
    assert len(judged) >= 150 and {judgement.language for judgement in judged} == {"lt", "en"}
    scores = evaluate(engine_search(engine), judged, ids)
    sys.stdout.write("\n" + "\n".join(table({kind: scores})) + "\n")
    figures = scores["all"].figures()
    assert figures["recall@10"] >= TARGETS["recall@10"], figures
    assert figures["zero-result rate"] <= TARGETS["zero-result rate"], figures
