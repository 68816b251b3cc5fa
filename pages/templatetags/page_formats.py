"""Dates and sums of money written as residents of the active language expect them:
„2017 m. liepos 20 d.“ and „346 361,00 €“ in Lithuanian, "20 July 2017" and "€346,361.00" in
English."""

import datetime
from decimal import Decimal

from django import template
from django.utils import formats, numberformat, translation
from django.utils.translation import gettext

from pages.models.taxonomy import Period

register = template.Library()

# Django's English long date is American ("July 20, 2017"); residents read "20 July 2017".
LONG_DATE_FORMATS = {"en": "j F Y"}
# Lithuanian groups thousands with a space (Django's Lithuanian locale has a dot).
THOUSAND_SEPARATORS = {"lt": " "}


def active_language() -> str:
    return (translation.get_language() or "lt")[:2]


@register.filter
def long_date(value: datetime.date | None) -> str:
    """The date in words, in the active language; empty for no date."""
    if not value:
        return ""
    date_format = LONG_DATE_FORMATS.get(active_language(), "DATE_FORMAT")
    return formats.date_format(value, date_format, use_l10n=True)


def grouped(value: Decimal, decimal_places: int | None) -> str:
    """The number with the active language's decimal sign and thousands grouping."""
    language = active_language()
    return numberformat.format(
        value, formats.get_format("DECIMAL_SEPARATOR", language), decimal_pos=decimal_places,
        grouping=3, force_grouping=True,
        thousand_sep=THOUSAND_SEPARATORS.get(
            language, formats.get_format("THOUSAND_SEPARATOR", language)))


@register.filter
def euros(value: Decimal | int | None) -> str:
    """A sum in euros with cents, grouped and signed as the active language writes it; empty
    for no sum."""
    if value is None or value == "":
        return ""
    # Translators: where the euro sign stands beside a sum of money
    return gettext("€%(amount)s") % {"amount": grouped(Decimal(value), 2)}


@register.filter
def number(value: Decimal | int | None) -> str:
    """A quantity grouped as the active language writes it, its decimals only when it has
    any; empty for none."""
    if value is None or value == "":
        return ""
    value = Decimal(value)
    return grouped(value, None if value % 1 else 0)


@register.filter
def period_label(value: str | None) -> str:
    """An EU programming period as written for readers: 2014–2020."""
    return str(Period(value).label) if value in Period.values else value or ""
