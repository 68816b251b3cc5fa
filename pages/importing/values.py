"""Converters from JSON values to model values; each raises LineError with a clear reason."""

import datetime
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import models


class LineError(Exception):
    """A problem with one import line; `key` names the offending key when there is one."""

    def __init__(self, message: str, key: str = "") -> None:
        super().__init__(message)
        self.key = key

    def __str__(self) -> str:
        return f"{self.key}: {self.args[0]}" if self.key else self.args[0]


Converter = Callable[[Any], Any]


def text(value: Any) -> str:
    if not isinstance(value, str):
        raise LineError("turi būti tekstas")
    return value.strip()


def boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise LineError("turi būti true arba false")
    return value


def whole_number(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise LineError("turi būti neneigiamas sveikasis skaičius")
    return value


def money(value: Any) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise LineError("suma turi būti skaičius arba tekstas, pvz. \"346361.00\"")
    try:
        amount = Decimal(str(value).replace(" ", "").replace(",", "."))
    except InvalidOperation:
        raise LineError(f"„{value}“ nėra suma") from None
    if not amount.is_finite():
        raise LineError(f"„{value}“ nėra suma")
    if amount < 0:
        raise LineError(f"suma negali būti neigiama ({value})")
    return amount.quantize(Decimal("0.01"))


def coordinate(value: Any) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise LineError("koordinatė turi būti skaičius")
    try:
        return Decimal(str(value)).quantize(Decimal("0.000001"))
    except InvalidOperation:
        raise LineError(f"„{value}“ nėra koordinatė") from None


def date(value: Any) -> datetime.date | None:
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(text(value))
    except ValueError:
        raise LineError(f"„{value}“ nėra data formatu MMMM-MM-DD") from None


def choice(choices: type[models.TextChoices]) -> Converter:
    def convert(value: Any) -> str:
        if value not in choices.values:
            allowed = ", ".join(choices.values)
            raise LineError(f"„{value}“ netinka; galimos reikšmės: {allowed}")
        return value

    return convert


def string_list(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise LineError("turi būti tekstų sąrašas")
    return [item.strip() for item in value]


def object_list(value: Any) -> list[dict]:
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise LineError("turi būti objektų sąrašas")
    return value
