import os
import subprocess
import sys
from pathlib import Path

from config.settings.base import database_from_url

ROOT = Path(__file__).resolve().parent.parent


def check_production(secret_key: str | None) -> subprocess.CompletedProcess:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.production"}
    env.pop("SECRET_KEY", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests only
    if secret_key is not None:
        env["SECRET_KEY"] = secret_key
    return subprocess.run([sys.executable, "manage.py", "check", "--deploy"], cwd=ROOT, env=env,
                          capture_output=True, text=True)


def test_production_refuses_the_default_secret_key():
    result = check_production(None)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_starts_with_a_real_secret_key():
    result = check_production("a-real-secret-" + "x" * 50)
    assert result.returncode == 0, result.stderr


def test_sqlite_gets_wal_and_immediate_transactions():
    database = database_from_url("sqlite:////tmp/example.sqlite3")
    assert database["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in database["OPTIONS"]["init_command"]


def test_postgres_url_is_parsed():
    database = database_from_url("postgres://cms:secret@db:5432/cms")
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["NAME"], database["USER"]) == ("db", "cms", "cms")
