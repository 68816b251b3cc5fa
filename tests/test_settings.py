"""Settings: production refuses what is unsafe, logs errors, and the admin keeps to itself.

config.settings.production is started in a subprocess (as a server would start it): it reads
its environment once, at import, and raises ImproperlyConfigured there.
"""

import json
import os
import random
import secrets
import string
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.utils import get_random_secret_key
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from config.settings.base import INSECURE_SECRET_KEY, database_from_url, secret_key_weakness

ROOT = Path(__file__).resolve().parent.parent
STRONG_KEY = secrets.token_urlsafe(50)
# What every start (server, worker, manage.py) does first; the refusals happen here.
LOAD_SETTINGS = "from django.conf import settings; settings.DEBUG"

# A view that fails, served through the production middleware and handlers: its traceback must
# reach stdout as one JSON record of the django.request logger.
FAILING_REQUEST = """
import django
from django.urls import path


def broken(request):
    raise RuntimeError("the view failed on purpose")


urlpatterns = [path("broken/", broken)]
django.setup()

from django.test import Client
from django.test.utils import override_settings

with override_settings(ROOT_URLCONF="__main__"):
    response = Client(raise_request_exception=False).get(
        "/broken/", headers={"x-forwarded-proto": "https"})
print(f"status {response.status_code}", file=sys.stderr)
"""


def production(*args: str, secret_key: str | None = STRONG_KEY,
               **env: str) -> subprocess.CompletedProcess:
    """Run `args` (after the interpreter) with the production settings and a clean environment."""
    environ = {key: value for key, value in os.environ.items()
               # DJANGO_ALLOW_ASYNC_UNSAFE: set for the browser tests only
               if key not in {"SECRET_KEY", "DEBUG", "LOG_LEVEL", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    environ |= {"DJANGO_SETTINGS_MODULE": "config.settings.production", **env}
    if secret_key is not None:
        environ["SECRET_KEY"] = secret_key
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=environ,
                          capture_output=True, text=True, timeout=120)


def test_production_passes_the_deploy_checks():
    # on an engine with the Lithuanian analysis (the Elasticsearch test distribution has none,
    # which the check rightly reports as an error)
    result = production("manage.py", "check", "--deploy", "--fail-level", "WARNING",
                        ELASTICSEARCH_URL="")
    assert result.returncode == 0, result.stderr


def one_char_runs(length: int) -> str:
    """Mostly one character, with no 4 characters repeated: long and varied, yet guessable."""
    return "".join("aaa" + separator for separator in string.ascii_uppercase)[:length]


WEAK_KEYS = {
    "unset": (None, "is the development default"),
    "empty": ("", "is the development default"),
    "development default": (INSECURE_SECRET_KEY, "is the development default"),
    "startproject": ("django-insecure-" + get_random_secret_key(), "django-insecure-"),
    "short": (secrets.token_urlsafe(30), "at least 50 are needed"),
    "few characters": ("".join(random.Random(1).choices("abcdefgh1", k=64)),
                       "distinct characters"),
    "repeated word": ("savivaldybe-2025-" * 4, "repeats itself"),
    "low entropy": (one_char_runs(64), "bits of entropy"),
}


@pytest.mark.parametrize("name", WEAK_KEYS)
def test_production_refuses_a_weak_secret_key(name):
    key, reason = WEAK_KEYS[name]
    result = production("-c", LOAD_SETTINGS, secret_key=key)
    assert result.returncode != 0
    assert "ImproperlyConfigured: Production refuses to start: SECRET_KEY" in result.stderr
    assert reason in result.stderr
    if key:
        assert key not in result.stderr, "the error message must not print the key"


def test_generated_keys_are_never_refused():
    generators = [get_random_secret_key, lambda: secrets.token_urlsafe(50),
                  lambda: secrets.token_hex(25), lambda: secrets.token_hex(32)]
    refused = {key: weakness for make in generators for key in (make() for _ in range(500))
               if (weakness := secret_key_weakness(key))}
    assert not refused


def test_production_refuses_debug():
    result = production("-c", LOAD_SETTINGS, DEBUG="true")
    assert result.returncode != 0
    assert "DEBUG is on" in result.stderr


def test_production_logs_a_failing_request_as_one_json_line_on_stdout():
    result = production("-c", "import sys\n" + FAILING_REQUEST, ALLOWED_HOSTS="testserver")
    assert "status 500" in result.stderr, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    errors = [record for record in records if record["logger"] == "django.request"]
    assert len(errors) == 1, records
    error = errors[0]
    assert error["level"] == "ERROR"
    assert error["status_code"] == 500
    assert error["message"] == "Internal Server Error: /broken/"
    assert error["exception"].startswith("Traceback (most recent call last):")
    assert "RuntimeError: the view failed on purpose" in error["exception"]


def test_production_log_level_comes_from_the_environment():
    emit = ("import django, logging; django.setup(); "
            "logging.getLogger('search').info('shown'); "
            "logging.getLogger('search').warning('kept')")
    shown = production("-c", emit)
    quiet = production("-c", emit, LOG_LEVEL="warning")
    assert [json.loads(line)["message"] for line in shown.stdout.splitlines()] == ["shown", "kept"]
    assert [json.loads(line)["message"] for line in quiet.stdout.splitlines()] == ["kept"]


def test_celery_logs_through_the_same_json_lines():
    # What `celery worker` and `celery beat` do with their logging at start.
    emit = ("import django, logging; django.setup(); from config.celery import app; "
            "app.log.setup(loglevel='INFO', redirect_stdouts=False); "
            "logging.getLogger('celery.worker').info('ready')")
    result = production("-c", emit)
    assert [json.loads(line) | {"time": None} for line in result.stdout.splitlines()] == [
        {"time": None, "level": "INFO", "logger": "celery.worker", "message": "ready"}], (
        result.stdout + result.stderr)


def test_the_admin_calls_no_outside_service(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert "gravatar.com" not in html, "avatars would send editors' e-mail hashes abroad"
    assert 'data-controller="w-upgrade' not in html, "the browser would ask wagtail.org"


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["ataskaita.pdf", "sutartis.docx", "isakymas.adoc",
                                  "lentele.ods", "pastaba.txt"])
def test_office_documents_are_accepted(name):
    get_document_model()(title=name, file=SimpleUploadedFile(name, b"...")).clean()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["puslapis.html", "logotipas.svg", "scenarijus.js",
                                  "duomenys.xml", "programa.exe"])
def test_documents_a_browser_would_run_are_refused(name):
    document = get_document_model()(title=name, file=SimpleUploadedFile(name, b"<script>"))
    with pytest.raises(ValidationError):
        document.clean()


@pytest.mark.django_db
def test_private_documents_are_served_through_wagtail(client, django_user_model, settings,
                                                      tmp_path):
    settings.MEDIA_ROOT = tmp_path
    private = Collection.get_first_root_node().add_child(name="Vidaus dokumentai")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    document = get_document_model().objects.create(
        title="Vidaus tvarka", collection=private,
        file=SimpleUploadedFile("vidaus-tvarka.pdf", b"%PDF-1.7 private"))
    assert document.url.startswith("/documents/"), (
        f"{document.url}: a link straight to the file would skip the collection's privacy")
    anonymous = client.get(document.url)
    assert anonymous.status_code == 302 and "/login" in anonymous["Location"]
    client.force_login(django_user_model.objects.create_user("darbuotojas", password="x"))
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.7 private"


def test_sqlite_gets_wal_and_immediate_transactions():
    database = database_from_url("sqlite:////tmp/example.sqlite3")
    assert database["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in database["OPTIONS"]["init_command"]


def test_postgres_url_is_parsed():
    database = database_from_url("postgres://cms:secret@db:5432/cms")
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["NAME"], database["USER"]) == ("db", "cms", "cms")


# The plugin's own settings: a host project that sets none of them gets the documented defaults,
# and a wrong value is a system check message that names the setting.

PLUGIN_SETTINGS = ["ELASTICSEARCH_URL", "OPENSEARCH_URL", "SEARCH_INDEX_ALIAS",
                   "SEARCH_BASIC_ANALYSIS_ALLOWED", "SEARCH_SHARED_CACHE"]
LOCAL_CACHE = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


@pytest.fixture
def host_without_plugin_settings(settings):
    """Settings as a host project has them: none of the plugin's, and no `shared` cache."""
    for name in PLUGIN_SETTINGS:
        if hasattr(settings, name):
            delattr(settings, name)
    settings.CACHES = LOCAL_CACHE
    return settings


def check_ids(messages: list) -> set[str]:
    return {message.id for message in messages}


def test_a_host_without_the_plugins_settings_gets_the_database_engine_and_default_cache(
        host_without_plugin_settings):
    from django.core.cache import caches

    from search import conf
    from search.engines import get_engine
    from search.engines.database import DatabaseEngine
    from search.settings_checks import check_search_settings

    engine = get_engine()
    assert isinstance(engine, DatabaseEngine)
    assert engine.alias == conf.DEFAULT_INDEX_ALIAS
    assert conf.shared_cache() is caches["default"]
    assert check_ids(check_search_settings(None)) == {"search.W024"}


def test_wrong_search_settings_are_check_errors(settings):
    from search.settings_checks import check_search_settings

    settings.ELASTICSEARCH_URL = "localhost:9200"
    settings.OPENSEARCH_URL = 9200
    settings.SEARCH_INDEX_ALIAS = "Paieška"
    settings.SEARCH_BASIC_ANALYSIS_ALLOWED = "false"
    settings.SEARCH_SHARED_CACHE = "redis"
    messages = check_search_settings(None)
    assert check_ids(messages) == {"search.E020", "search.E021", "search.E022", "search.E023"}
    assert all(message.is_serious() for message in messages)
    text = "\n".join(str(message) for message in messages)
    for name in ["ELASTICSEARCH_URL", "OPENSEARCH_URL", "SEARCH_INDEX_ALIAS",
                 "SEARCH_BASIC_ANALYSIS_ALLOWED", "SEARCH_SHARED_CACHE"]:
        assert name in text


def test_an_engine_url_may_name_a_clusters_nodes_each_checked(settings):
    from search.settings_checks import check_search_settings

    nodes = "http://elastic:secret@es-1:9200, http://elastic:secret@es-2:9200"
    settings.ELASTICSEARCH_URL = nodes
    assert check_search_settings(None) == []
    settings.ELASTICSEARCH_URL = f"{nodes},es-3:9200"
    assert check_ids(check_search_settings(None)) == {"search.E020"}


def test_search_settings_check_messages_are_lithuanian_by_default_and_english_in_english(
        settings):
    from django.utils import translation

    from search.settings_checks import check_search_settings

    settings.SEARCH_BASIC_ANALYSIS_ALLOWED = "false"
    with translation.override("lt"):
        assert [message.msg for message in check_search_settings(None)] == [
            "SEARCH_BASIC_ANALYSIS_ALLOWED turi būti True arba False."]
    with translation.override("en"):
        assert [message.msg for message in check_search_settings(None)] == [
            "SEARCH_BASIC_ANALYSIS_ALLOWED must be True or False."]


def test_the_reference_project_passes_the_plugins_checks():
    from cms.checks import check_host_project
    from search.settings_checks import check_search_settings

    assert check_host_project(None) == []
    assert check_search_settings(None) == []


def test_a_host_missing_what_the_plugin_needs_gets_check_errors(settings, monkeypatch):
    from cms import checks

    # a stand-in for the settings: changing INSTALLED_APPS itself would reload every app
    host = SimpleNamespace(
        INSTALLED_APPS=[app for app in settings.INSTALLED_APPS if app != "corsheaders"],
        MIDDLEWARE=[name for name in settings.MIDDLEWARE if "corsheaders" not in name],
        WAGTAIL_I18N_ENABLED=False, LANGUAGES=[("lt", "Lietuvių")])
    monkeypatch.setattr(checks, "settings", host)
    assert check_ids(checks.check_host_project(None)) == {"cms.E001", "cms.E002", "cms.E003",
                                                          "cms.E004", "cms.E005"}


def test_the_page_scope_middleware_must_follow_authentication(settings, monkeypatch):
    from cms import checks

    scope, authentication = checks.SCOPE_MIDDLEWARE, checks.AUTHENTICATION_MIDDLEWARE
    before = [scope, *(name for name in settings.MIDDLEWARE if name != scope)]
    assert before.index(scope) < before.index(authentication)
    monkeypatch.setattr(checks, "settings", SimpleNamespace(**{
        name: getattr(settings, name) for name in (
            "INSTALLED_APPS", "WAGTAIL_I18N_ENABLED", "LANGUAGES", "WAGTAIL_CONTENT_LANGUAGES",
            "WAGTAIL_ALLOW_UNICODE_SLUGS")}, MIDDLEWARE=before))
    assert check_ids(checks.check_host_project(None)) == {"cms.E006"}


def test_cms_listed_after_wagtails_apps_gets_a_check_warning(settings, monkeypatch):
    from cms import checks

    # cms last, and named by its AppConfig: Wagtail's catalogues would win over the plugin's
    later_cms = [*(app for app in settings.INSTALLED_APPS if app != "cms"), "cms.apps.CmsConfig"]
    host = SimpleNamespace(INSTALLED_APPS=later_cms, MIDDLEWARE=settings.MIDDLEWARE,
                           WAGTAIL_I18N_ENABLED=True, LANGUAGES=settings.LANGUAGES,
                           WAGTAIL_CONTENT_LANGUAGES=settings.WAGTAIL_CONTENT_LANGUAGES,
                           WAGTAIL_ALLOW_UNICODE_SLUGS=False)
    monkeypatch.setattr(checks, "settings", host)
    messages = checks.check_host_project(None)
    assert check_ids(messages) == {"cms.W001"}
    assert not messages[0].is_serious()
    assert "wagtail.admin, wagtail," in messages[0].msg
