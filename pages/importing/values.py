"""Converters from JSON values to model values; each raises LineError with a clear reason."""

import datetime
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from bs4 import Tag
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from wagtail.admin.rich_text.converters.editor_html import DbWhitelister, EditorHTMLConverter


class LineError(Exception):
    """A problem with one import line; `key` names the offending key when there is one."""

    def __init__(self, message: str, key: str = "") -> None:
        super().__init__(message)
        self.key = key

    def __str__(self) -> str:
        return f"{self.key}: {self.args[0]}" if self.key else self.args[0]


Converter = Callable[[Any], Any]


def described(error: ValidationError) -> str:
    """A model's refusal in one line: each field refused with its messages."""
    if hasattr(error, "error_dict"):
        return "; ".join(f"{field}: {' '.join(messages)}"
                         for field, messages in error.message_dict.items())
    return " ".join(error.messages)

# Elements whose content is code or a separate document, never text: dropped whole.
UNSAFE_ELEMENTS = {"script", "style", "template", "noscript", "iframe", "object", "svg",
                   "math", "textarea", "title", "head"}
# Wagtail's pointers to its own pages, documents, images and embeds by id: an import's ids are
# not this database's, so such elements are kept as plain HTML only.
EDITOR_POINTERS = ("data-linktype", "data-embedtype")


class ImportWhitelister(DbWhitelister):
    """Wagtail's rich-text whitelist for a field's features (what the admin's editor can
    save), which also drops code elements with their content instead of keeping it as text."""

    def clean_tag_node(self, doc, tag: Tag) -> None:
        if tag.name in UNSAFE_ELEMENTS:
            tag.decompose()
            return
        for attribute in EDITOR_POINTERS:
            tag.attrs.pop(attribute, None)
        super().clean_tag_node(doc, tag)


def rich_text(features: list[str] | None) -> Converter:
    """HTML cleaned to what the admin's rich-text editor with these features (None: Wagtail's
    defaults) would store: no scripts, event handlers, styles or `javascript:` links."""
    whitelisters: list[ImportWhitelister] = []  # built on first use, once the registry is ready

    def convert(value: Any) -> str:
        if not whitelisters:
            whitelisters.append(ImportWhitelister(EditorHTMLConverter(features).converter_rules))
        return whitelisters[0].clean(text(value)).strip()

    return convert


def text(value: Any) -> str:
    if not isinstance(value, str):
        raise LineError(_("must be text"))
    return value.strip()


def boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise LineError(_("must be true or false"))
    return value


def whole_number(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise LineError(_("must be a whole number, not negative"))
    return value


def money(value: Any) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise LineError(_("an amount must be a number or text, e.g. \"346361.00\""))
    try:
        amount = Decimal(str(value).replace(" ", "").replace(",", "."))
    except InvalidOperation:
        raise LineError(_("“%(value)s” is not an amount") % {"value": value}) from None
    if not amount.is_finite():
        raise LineError(_("“%(value)s” is not an amount") % {"value": value})
    if amount < 0:
        raise LineError(_("an amount cannot be negative (%(value)s)") % {"value": value})
    try:
        return amount.quantize(Decimal("0.01"))
    except InvalidOperation:  # more digits than a decimal holds
        raise LineError(_("“%(value)s” is not an amount") % {"value": value}) from None


def coordinate(value: Any) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise LineError(_("a coordinate must be a number"))
    try:
        return Decimal(str(value)).quantize(Decimal("0.000001"))
    except InvalidOperation:
        raise LineError(_("“%(value)s” is not a coordinate") % {"value": value}) from None


def date(value: Any) -> datetime.date | None:
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(text(value))
    except ValueError:
        raise LineError(_("“%(value)s” is not a date in the format YYYY-MM-DD")
                        % {"value": value}) from None


def choice(choices: type[models.TextChoices]) -> Converter:
    def convert(value: Any) -> str:
        if value not in choices.values:
            allowed = ", ".join(choices.values)
            raise LineError(_("“%(value)s” is not allowed; allowed values: %(allowed)s")
                            % {"value": value, "allowed": allowed})
        return value

    return convert


def string_list(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise LineError(_("must be a list of texts"))
    return [item.strip() for item in value]


def object_list(value: Any) -> list[dict]:
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise LineError(_("must be a list of objects"))
    return value
