"""Locks the processes sharing an index take in PostgreSQL (advisory locks, named by a text
key). SQLite lets one connection write at a time, so there each lock is already held."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection


@contextmanager
def one_at_a_time(key: str) -> Iterator[None]:
    """Nobody else holds `key` meanwhile. It is a lock of this connection's session, not of a
    transaction, so that what is done meanwhile is committed step by step; taken again by its
    holder, it is held until the outermost block ends."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(hashtext(%s))", [key])
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(hashtext(%s))", [key])


def until_commit(key: str, shared: bool = False) -> None:
    """Hold `key` until the current transaction ends: alone, or `shared` with others that
    share it (and so waiting for, and keeping out, whoever holds it alone)."""
    if connection.vendor != "postgresql":
        return
    assert connection.in_atomic_block, "a transaction's lock is taken inside one"
    function = "pg_advisory_xact_lock_shared" if shared else "pg_advisory_xact_lock"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {function}(hashtext(%s))", [key])

