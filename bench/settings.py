"""Benchmark settings: the project's own, isolated from the tests sharing the same services.

Derived from the environment that `scripts/services.sh env` prints, and named after
BENCH_INSTANCE (default `bench`; e.g. `smoke` for a small run beside a large one):
  * the database `<instance>_cms` on the same PostgreSQL (BENCH_DATABASE_URL overrides);
  * Redis database 5 (6 for other instances) and the Celery queue `<instance>`, so no other
    worker drains our outbox, and the shared cache's keys prefixed with `<instance>`;
  * the public index behind the alias `<instance>-pages` on OpenSearch (BENCH_ENGINE=elasticsearch
    for the ES test server, which has no analysis module);
  * Wagtail's own search backend on the same engine when BENCH_WAGTAIL_BACKEND=engine (used
    only by bench/reindex.py to time `update_index`); otherwise the project's default.
"""

import os

INSTANCE = os.environ.get("BENCH_INSTANCE", "bench")
_db = os.environ.get("DATABASE_URL", "postgres://cms:cms@127.0.0.1:55432/cms")
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL") or (
    _db.rsplit("/", 1)[0] + f"/{INSTANCE}_cms")
os.environ["REDIS_URL"] = os.environ.get("REDIS_URL", "redis://127.0.0.1:56379/0").rsplit(
    "/", 1)[0] + ("/5" if INSTANCE == "bench" else "/6")
os.environ["CELERY_QUEUE"] = INSTANCE
ENGINE = os.environ.get("BENCH_ENGINE", "opensearch")
if ENGINE == "opensearch":
    os.environ.pop("ELASTICSEARCH_URL", None)

from config.settings.base import *  # noqa: E402, F403

SEARCH_INDEX_ALIAS = f"{INSTANCE}-pages"
CACHES["shared"]["KEY_PREFIX"] = INSTANCE  # noqa: F405  (generations, kept answers, progress)
# a bench on the Elasticsearch test distribution measures speed, knowingly without the module
SEARCH_BASIC_ANALYSIS_ALLOWED = ENGINE != "opensearch"
WAGTAIL_INDEX = f"{INSTANCE}-wagtail-"  # prefix of modelsearch's per-model indexes
ALLOWED_HOSTS = ["*"]
LOGGING = {"version": 1, "disable_existing_loggers": False,
           "root": {"handlers": [], "level": "WARNING"}}

if os.environ.get("BENCH_WAGTAIL_BACKEND") == "engine":
    WAGTAILSEARCH_BACKENDS = {"default": (
        {"BACKEND": "modelsearch.backends.opensearch3",
         "URLS": [OPENSEARCH_URL], "INDEX_PREFIX": WAGTAIL_INDEX}  # noqa: F405
        if ENGINE == "opensearch" else
        {"BACKEND": "modelsearch.backends.elasticsearch8",
         "URLS": [ELASTICSEARCH_URL], "INDEX_PREFIX": WAGTAIL_INDEX})}  # noqa: F405
