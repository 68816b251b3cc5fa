"""Benchmark settings: the project's own, isolated from the tests sharing the same services.

Derived from the environment that `scripts/services.sh env` prints:
  * the database `bench_cms` on the same PostgreSQL (BENCH_DATABASE_URL overrides);
  * Redis database 5 and Celery queue `bench`, so no other worker drains our outbox;
  * the public index behind the alias `bench-pages` on OpenSearch (BENCH_ENGINE=elasticsearch
    for the ES test server, which has no analysis module);
  * Wagtail's own search backend on the same engine when BENCH_WAGTAIL_BACKEND=engine (used
    only by bench/reindex.py to time `update_index`); otherwise the project's default.
"""

import os

_db = os.environ.get("DATABASE_URL", "postgres://cms:cms@127.0.0.1:55432/cms")
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL") or (
    _db.rsplit("/", 1)[0] + "/bench_cms")
os.environ["REDIS_URL"] = os.environ.get("REDIS_URL", "redis://127.0.0.1:56379/0").rsplit(
    "/", 1)[0] + "/5"
os.environ["CELERY_QUEUE"] = "bench"
ENGINE = os.environ.get("BENCH_ENGINE", "opensearch")
if ENGINE == "opensearch":
    os.environ.pop("ELASTICSEARCH_URL", None)

from config.settings.base import *  # noqa: E402, F403

SEARCH_INDEX_ALIAS = "bench-pages"
ALLOWED_HOSTS = ["*"]
LOGGING = {"version": 1, "disable_existing_loggers": False,
           "root": {"handlers": [], "level": "WARNING"}}

if os.environ.get("BENCH_WAGTAIL_BACKEND") == "engine":
    WAGTAILSEARCH_BACKENDS = {"default": (
        {"BACKEND": "modelsearch.backends.opensearch3",
         "URLS": [OPENSEARCH_URL], "INDEX": "bench-wagtail"}  # noqa: F405
        if ENGINE == "opensearch" else
        {"BACKEND": "modelsearch.backends.elasticsearch8",
         "URLS": [ELASTICSEARCH_URL], "INDEX": "bench-wagtail"})}  # noqa: F405
