import os

from config.settings.base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Tests that need a real broker or engine get them from `make services`' exports.
if not REDIS_URL:  # noqa: F405
    CELERY_BROKER_URL = "memory://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {}
SEARCH_INDEX_ALIAS = os.environ.get("SEARCH_INDEX_ALIAS", "test-pages")
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    (BASE_DIR / ".cache").mkdir(exist_ok=True)  # noqa: F405
    # A file, not memory, so that a real Celery worker process can share the test database.
    # One file per test process, so that parallel runs never share it.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(BASE_DIR / ".cache" / f"test-db-{os.getpid()}.sqlite3")}  # noqa: F405
# The Elasticsearch test distribution has no analysis module; the tests use it knowingly (the
# Lithuanian analysis is tested on OpenSearch and the database engine).
SEARCH_BASIC_ANALYSIS_ALLOWED = True
# Templates render {% static %} without `collectstatic`: plain names, no manifest to read (a
# manifest left in STATIC_ROOT by a demo run could be stale). tests/browser/test_demo.py checks
# the hashed, compressed files as the demo serves them.
STORAGES = {**STORAGES, "staticfiles": {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
# WhiteNoise serves the apps' own static directories, looked up per request, as with DEBUG on:
# it neither scans nor warns about STATIC_ROOT each time a test client loads the middleware.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Each test process keeps its own keys in the shared cache, and the processes it starts (which
# inherit its environment) share them: parallel runs never read each other's kept answers.
_TEST_RUN = os.environ.setdefault("ESPARAMA_TEST_RUN", str(os.getpid()))
CACHES["shared"]["KEY_PREFIX"] = (  # noqa: F405
    f"test-{_TEST_RUN}-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}")
if "MAX_ENTRIES" in CACHES["shared"].get("OPTIONS", {}):  # noqa: F405
    # the processes share one folder: none drops another's generations while it runs
    CACHES["shared"]["OPTIONS"]["MAX_ENTRIES"] = 1_000_000  # noqa: F405
