"""Count SQL statements (by kind and table) while a block runs."""

import re
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

TABLE = re.compile(r'\b(?:FROM|INTO|UPDATE)\s+"?([a-z_0-9]+)"?', re.IGNORECASE)


class QueryCounter:
    def __init__(self) -> None:
        self.by_kind: Counter[str] = Counter()
        self.by_table: Counter[str] = Counter()

    @property
    def total(self) -> int:
        return sum(self.by_kind.values())

    def __call__(self, execute: Callable, sql: str, params: Any, many: bool,
                 context: dict) -> Any:
        self.by_kind[sql.split(None, 1)[0].upper()] += 1
        match = TABLE.search(sql)
        self.by_table[match.group(1) if match else "?"] += 1
        return execute(sql, params, many, context)


@contextmanager
def counting() -> Iterator[QueryCounter]:
    from django.db import connection

    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        yield counter
