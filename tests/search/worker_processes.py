"""What the tests of real worker processes share: the repository root they start from, the
database URL that lets a worker share the test's database, and waiting for a condition."""

import time
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def worker_database_url() -> str:
    settings_dict = connection.settings_dict
    if settings_dict["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{settings_dict['NAME']}"
    return (f"postgres://{settings_dict['USER']}:{settings_dict['PASSWORD']}@"
            f"{settings_dict['HOST']}:{settings_dict['PORT']}/{settings_dict['NAME']}")


def poll(condition, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.2)
