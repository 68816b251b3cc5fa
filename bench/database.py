"""The benchmark database and its snapshots: `<instance>_base` (sites only) is copied to
`<instance>_cms` before a fresh import, so every run starts from the same state in seconds; a
finished load is dumped beside its pages file, so that the next run restores it in minutes
instead of importing again for hours."""

import os
import subprocess
from pathlib import Path

import psycopg


def _template() -> str:
    from django.conf import settings

    return f"{settings.INSTANCE}_base"


def _database_url(name: str) -> str:
    from django.conf import settings

    database = settings.DATABASES["default"]
    return (f"postgresql://{database['USER']}:{database['PASSWORD']}@{database['HOST']}:"
            f"{database['PORT']}/{name}")


def _server_url() -> tuple[str, str]:
    from django.conf import settings

    return _database_url("postgres"), settings.DATABASES["default"]["NAME"]


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


def loaded_dump(pages_file: Path) -> Path:
    """Where the load of `pages_file` into this instance is dumped."""
    from django.conf import settings

    return pages_file.with_name(f"{settings.INSTANCE}-{pages_file.stem}.dump")


def dump_loaded(pages_file: Path) -> Path:
    """Dump the loaded database (custom format, compressed lightly: quick to write and read)."""
    from django.db import connections

    connections.close_all()
    path = loaded_dump(pages_file)
    partial = path.with_suffix(".partial")
    subprocess.run(["pg_dump", "--format=custom", "--compress=1", f"--file={partial}",
                    _database_url(_server_url()[1])], check=True)
    partial.replace(path)
    return path


def restore_loaded(pages_file: Path, jobs: int = 2) -> bool:
    """Replace the benchmark database with the dumped load of `pages_file`, if there is one
    (and any migration added since); whether there was."""
    from django.core.management import call_command

    path = loaded_dump(pages_file)
    if not path.exists():
        return False
    name = _server_url()[1]
    _run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"')
    subprocess.run(["pg_restore", f"--jobs={jobs}", "--no-owner",
                    f"--dbname={_database_url(name)}", str(path)], check=True)
    call_command("migrate", verbosity=0)
    return True
