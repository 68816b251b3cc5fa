"""Read a JSON Lines file into numbered lines, reporting what cannot be parsed."""

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _


@dataclass
class Line:
    number: int
    data: Any = None
    error: str = ""


def read_lines(path: Path) -> Iterator[Line]:
    with path.open(encoding="utf-8") as handle:
        for number, raw in enumerate(handle, start=1):
            stripped = raw.strip()
            if not stripped or stripped.startswith("#"):
                continue
            try:
                yield Line(number, json.loads(stripped))
            except json.JSONDecodeError as error:
                yield Line(number, error=_("invalid JSON: %(reason)s (column %(column)s)")
                           % {"reason": error.msg, "column": error.colno})
