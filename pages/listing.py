"""How lists of pages are ordered and cut into pages: the sort orders residents, the API and
saved searches (collections) choose from, the largest page of a list, and page numbers read from
a link."""

import re

from django.utils.translation import gettext_lazy as _

# sort → label, in the order they are offered
SORT_LABELS = {"relevance": _("Best match"), "newest": _("Newest"),
               "start_date": _("By start date"), "budget": _("By budget")}
SORTS = tuple(SORT_LABELS)
MAX_PAGE_SIZE = 50
DIGITS = re.compile(r"[0-9]{1,6}")


def parsed_whole_number(raw: str | None) -> int | None:
    """The number written in ASCII digits (at most six), else None: `str.isdigit` and `int`
    also take superscripts, other scripts' digits, signs, blanks and underscores."""
    return int(raw) if raw is not None and DIGITS.fullmatch(raw) else None
