"""Settings shared by every environment; everything that differs comes from the environment.

Environment variables (defaults in brackets):
  DATABASE_URL       [sqlite:///<repo>/db.sqlite3]
  REDIS_URL          [unset: Celery uses a filesystem broker under .cache/broker]
  ELASTICSEARCH_URL  [unset]  public search on Elasticsearch 8
  OPENSEARCH_URL     [unset]  public search on OpenSearch 3 (used when ELASTICSEARCH_URL is unset)
                     neither set: the database search engine
  SEARCH_INDEX_SHARDS, SEARCH_INDEX_REPLICAS  [1, 0]  of an index built from now on
  SECRET_KEY         [an insecure development key; production refuses it and any weak key]
  ALLOWED_HOSTS      [localhost,127.0.0.1,.localhost]  comma separated
  DEBUG              [false]
"""

import math
import os
from collections import Counter
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent
INSECURE_SECRET_KEY = "insecure-development-key-change-me"
# What a production SECRET_KEY needs; `python -c "import secrets; print(secrets.token_urlsafe(50))"`
# and Django's get_random_secret_key() always meet it.
SECRET_KEY_MIN_LENGTH = 50
SECRET_KEY_MIN_DISTINCT_CHARACTERS = 10
SECRET_KEY_MIN_ENTROPY_BITS = 128


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def secret_key_weakness(key: str) -> str | None:
    """Why `key` cannot sign production sessions, password-reset links and CSRF tokens; None if fit.

    The key signs everything a visitor could forge, so it must not be guessable: long, varied,
    not a repeated word and not one of the well-known development keys. The estimate of entropy
    counts the characters' spread (Shannon) over the key's length; a random key has far more.
    """
    if not key:
        return "is not set"
    if key == INSECURE_SECRET_KEY:
        return "is the development default (SECRET_KEY is not set)"
    if key.startswith("django-insecure-"):
        return "is a development key made by `startproject` (prefix 'django-insecure-')"
    if len(key) < SECRET_KEY_MIN_LENGTH:
        return f"has {len(key)} characters; at least {SECRET_KEY_MIN_LENGTH} are needed"
    if len(set(key)) < SECRET_KEY_MIN_DISTINCT_CHARACTERS:
        return (f"uses {len(set(key))} distinct characters; "
                f"at least {SECRET_KEY_MIN_DISTINCT_CHARACTERS} are needed")
    grams = [key[i:i + 4] for i in range(len(key) - 3)]
    if len(set(grams)) < 0.75 * len(grams):
        return "repeats itself (a word or a run of one character written again and again)"
    counts = Counter(key).values()
    bits = -sum(n * math.log2(n / len(key)) for n in counts)
    if bits < SECRET_KEY_MIN_ENTROPY_BITS:
        return (f"has an estimated {bits:.0f} bits of entropy; "
                f"at least {SECRET_KEY_MIN_ENTROPY_BITS} are needed")
    return None


SECRET_KEY = os.environ.get("SECRET_KEY") or INSECURE_SECRET_KEY
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,.localhost")

INSTALLED_APPS = [
    "pages",
    "search",
    "workers",
    "cms",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",  # runserver leaves /static/ to WhiteNoise, DEBUG or not
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "ninja",  # the API's browsable docs (/api/v1/docs/) from local static files, not a CDN
    "corsheaders",
]

MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",  # first: it answers preflights itself
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.api.edge.LanguageVaryMiddleware",  # around LocaleMiddleware: see its docstring
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "cms.admin_scope.PageScopeMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "cms.unavailable.SearchUnavailableMiddleware",
]

# Cross-origin reads of the API (a search sent as JSON, as plone.restapi clients send it, is a
# read too); the origins each municipality allows are on its home page (cms.api.origins), so no
# origin is allowed here.
CORS_URLS_REGEX = r"^/api/v1/"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS", "POST"]
CORS_ALLOW_HEADERS = ["accept", "authorization", "content-type", "if-none-match",
                      "if-modified-since"]
CORS_EXPOSE_HEADERS = ["etag", "last-modified", "link"]
CORS_PREFLIGHT_MAX_AGE = 3600

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


def database_from_url(url: str) -> dict:
    """Parse DATABASE_URL; SQLite gets WAL and IMMEDIATE transactions so a worker can share it."""
    database = dj_database_url.parse(url, conn_max_age=60)
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database["CONN_MAX_AGE"] = 0
        database["OPTIONS"] = {
            "transaction_mode": "IMMEDIATE",
            "timeout": 30,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    return database


DATABASES = {
    "default": database_from_url(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]

# Languages: Lithuanian first, English second.
LANGUAGE_CODE = "lt"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("lt", "Lietuvių"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_ALLOW_UNICODE_SLUGS = False  # page addresses in ASCII letters: "senjoru-uzsiemimai"
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Vilnius"
# A translation created by wagtail-localize stays a draft until a translator publishes it.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Static files are served by the application itself (WhiteNoise), as in production: collected
# into STATIC_ROOT by `collectstatic`, with content-hashed names (cached for good by browsers)
# and gzip/Brotli copies. A proxy in front may serve STATIC_ROOT itself (docker-compose.yml).
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"

WAGTAIL_SITE_NAME = "Savivaldybių ES projektai"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's own index serves admin search only; the public index lives in `search/`.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILADMIN_USER_LOGIN_FORM = "cms.admin_forms.LoginForm"
WAGTAILADMIN_PERMITTED_LANGUAGES = [("lt", "Lietuvių"), ("en", "English")]
# The admin calls no outside service: no avatars from gravatar.com (they would send a hash of
# every editor's e-mail address abroad), no release check against wagtail.org from the browser.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Documents: only office and e-signed formats are accepted (no HTML, SVG or scripts a browser
# would run on the site's origin), and every download goes through Wagtail's serve view, which
# enforces the privacy of the document's collection. MEDIA_ROOT/documents/ is never served
# directly (docker-compose.yml's proxy serves /media/images/ only).
WAGTAILDOCS_EXTENSIONS = [
    "pdf", "txt", "rtf", "csv",
    "doc", "docx", "xls", "xlsx", "ppt", "pptx",
    "odt", "ods", "odp",
    "adoc", "asice",  # Lithuanian e-signed documents (ADOC, ASiC-E)
]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024  # the proxy accepts bodies up to 60 MB

REDIS_URL = os.environ.get("REDIS_URL", "")
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
OPENSEARCH_URL = os.environ.get("OPENSEARCH_URL", "")


def whole_number_from_environment(name: str, default: int) -> int | str:
    """A whole number from the environment; anything else as given, for the system checks
    (search.E025) to name."""
    value = os.environ.get(name, "").strip()
    return int(value) if value.isascii() and value.isdigit() else (value or default)


# An index built from now on: its primary shards and each shard's replicas.
SEARCH_INDEX_SHARDS = whole_number_from_environment("SEARCH_INDEX_SHARDS", 1)
SEARCH_INDEX_REPLICAS = whole_number_from_environment("SEARCH_INDEX_REPLICAS", 0)

# Celery: Redis when REDIS_URL is set, else a filesystem broker: `make demo` needs no services.
CELERY_BROKER_URL = REDIS_URL or "filesystem://"
CELERY_BROKER_TRANSPORT_OPTIONS = (
    {}
    if REDIS_URL
    else {
        "data_folder_in": str(BASE_DIR / ".cache" / "broker"),
        "data_folder_out": str(BASE_DIR / ".cache" / "broker"),
        "processed_folder": str(BASE_DIR / ".cache" / "broker-processed"),
        "control_folder": str(BASE_DIR / ".cache" / "broker-control"),
        "store_processed": False,
    }
)
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("CELERY_QUEUE", "celery")
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_PUBLISH_RETRY = False
CELERY_BEAT_SCHEDULE = {
    "drain-search-outbox": {"task": "workers.tasks.drain_outbox", "schedule": 10.0},
    "publish-scheduled-pages": {"task": "workers.tasks.publish_scheduled_pages",
                                "schedule": 60.0},
    "reconcile-search-index": {"task": "workers.tasks.reconcile_index_slice",
                               "schedule": 60.0},
    "prune-searched-texts": {"task": "workers.tasks.prune_searched_texts",
                             "schedule": 24 * 60 * 60.0},
}

# Cache shared by web and worker processes (the admin shows the worker's rebuild progress).
# Without Redis, files: past MAX_ENTRIES Django drops a third of them at random, the index's
# generations among them (every kept answer is then read again), so it keeps more than its 300.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "shared": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
          "LOCATION": str(BASE_DIR / ".cache" / "shared"), "OPTIONS": {"MAX_ENTRIES": 5000}},
}
