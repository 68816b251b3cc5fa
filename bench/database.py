"""The benchmark database and its snapshot: `<instance>_base` (sites only) is copied to
`<instance>_cms` before a fresh import, so every run starts from the same state in seconds."""

import os

import psycopg


def _template() -> str:
    from django.conf import settings

    return f"{settings.INSTANCE}_base"


def _server_url() -> tuple[str, str]:
    from django.conf import settings

    database = settings.DATABASES["default"]
    url = (f"postgresql://{database['USER']}:{database['PASSWORD']}@{database['HOST']}:"
           f"{database['PORT']}/postgres")
    return url, database["NAME"]


def _run(*statements: str) -> None:
    from django.db import connections

    connections.close_all()
    url, _name = _server_url()
    with psycopg.connect(url, autocommit=True) as connection:
        for statement in statements:
            connection.execute(statement)


def _exists(name: str) -> bool:
    url, _name = _server_url()
    with psycopg.connect(url, autocommit=True) as connection:
        return bool(connection.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                                       [name]).fetchone())


def has_snapshot() -> bool:
    return _exists(_template())


def has_database() -> bool:
    return _exists(_server_url()[1])


def create_database() -> None:
    """The instance's own database, created once."""
    if not has_database():
        _run(f'CREATE DATABASE "{_server_url()[1]}"')


def snapshot() -> None:
    """Keep the current database (sites, no pages) as the template of every run."""
    name = _server_url()[1]
    _run(f'DROP DATABASE IF EXISTS "{_template()}"',
         f'CREATE DATABASE "{_template()}" TEMPLATE "{name}"')


def restore() -> None:
    """Replace the benchmark database with a fresh copy of the template (and any migration
    added since the template was made)."""
    from django.core.management import call_command

    name = _server_url()[1]
    if name == os.environ.get("BENCH_KEEP_DATABASE"):
        return
    _run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)',
         f'CREATE DATABASE "{name}" TEMPLATE "{_template()}"')
    call_command("migrate", verbosity=0)
