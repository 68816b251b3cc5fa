"""How lists of pages are ordered and cut into pages: the sort orders residents, the API and
saved searches (collections) choose from, the largest page of a list, and page numbers read from
a link."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class SortOrder:
    """What a sort orders by (`date`, `title`, `start_date`, `budget`) and which way; pages
    lacking the value come last either way. `relevance` ranks by the search words first."""

    field: str
    descending: bool


# The sorts residents and collections are offered (sort → label), in the order offered.
SORT_LABELS = {"relevance": _("Best match"), "newest": _("Newest"),
               "start_date": _("By start date"), "budget": _("By budget")}
SORTS = tuple(SORT_LABELS)
# Every sort the API takes, search and lists alike. A sort's name orders as residents expect
# (titles from A, the newest, latest start or largest budget first); a "-" in front reverses
# it. `oldest` is the reverse of `newest`.
SORT_ORDERS = {
    "relevance": SortOrder("date", descending=True),  # without search words: newest first
    "newest": SortOrder("date", descending=True), "oldest": SortOrder("date", descending=False),
    "title": SortOrder("title", descending=False), "-title": SortOrder("title", descending=True),
    "start_date": SortOrder("start_date", descending=True),
    "-start_date": SortOrder("start_date", descending=False),
    "budget": SortOrder("budget", descending=True),
    "-budget": SortOrder("budget", descending=False),
}
MAX_PAGE_SIZE = 50
DIGITS = re.compile(r"[0-9]{1,6}")


def parsed_whole_number(raw: str | None) -> int | None:
    """The number written in ASCII digits (at most six), else None: `str.isdigit` and `int`
    also take superscripts, other scripts' digits, signs, blanks and underscores."""
    return int(raw) if raw is not None and DIGITS.fullmatch(raw) else None
