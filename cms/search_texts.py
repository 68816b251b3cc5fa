"""What the residents' search page shows besides the content: its addresses, the facets it
offers and the sentences built from figures, in the language that is active (gettext)."""

from django.utils.translation import gettext, ngettext, pgettext_lazy

SEARCH_PATHS = {"lt": "/paieska/", "en": "/en/search/"}
# Facets shown to residents, in this order; the site's municipality scope hides the place ones.
VISIBLE_FACETS = ("content_type", "target_group", "service_type", "municipality", "county",
                  "region", "status", "fund", "period", "programme", "start_year",
                  "budget_band", "measure")
PLACE_FACETS = ("municipality", "county", "region")  # hidden on a municipality's own site
VALUES_SHOWN = 8  # more values are folded under "show more"
SNIPPET_CHARACTERS = 160  # a result's excerpt is cut at a word boundary before this length
TYPE_LABEL = pgettext_lazy("result fact", "Type")
START_LABEL = pgettext_lazy("result fact", "Start")  # a project's start date
PUBLISHED_LABEL = pgettext_lazy("result fact", "Published")


def results_summary(count: int, query_text: str) -> str:
    """How many results were found, and for which words when the resident typed some."""
    if query_text:
        return ngettext("%(count)s result found for “%(query)s”.",
                        "%(count)s results found for “%(query)s”.",
                        count) % {"count": count, "query": query_text}
    return ngettext("%(count)s result found.", "%(count)s results found.",
                    count) % {"count": count}


def filters_button(selected: int) -> str:
    """The button that opens the filters, with the number of filter values selected."""
    return gettext("Filters (%(count)s)") % {"count": selected}


def show_results_button(count: int) -> str:
    """The button that applies the filters, with the number of results they give."""
    return ngettext("Show %(count)s result", "Show %(count)s results", count) % {"count": count}


def nothing_found(query_text: str, filters: list[str]) -> str:
    """What was searched when nothing was found: the words and the filters."""
    values = {"query": query_text, "filters": "; ".join(filters)}
    if query_text and filters:
        return gettext("Nothing found for “%(query)s” with the filters %(filters)s.") % values
    if query_text:
        return gettext("Nothing found for “%(query)s”.") % values
    if filters:
        return gettext("Nothing found with the filters %(filters)s.") % values
    return gettext("Nothing found.")


def without_filter(filter_label: str) -> str:
    return gettext("Search without the filter %(filter)s") % {"filter": filter_label}


def words_link(query_text: str) -> str:
    return gettext("Search for “%(query)s”") % {"query": query_text}


def search_failure(reason: str) -> str:
    return gettext("The search did not work: %(reason)s") % {"reason": reason}


def section_search_link(section_label: str) -> str:
    """The text of a section's link to the search page showing only that section's kind."""
    return gettext("Search with filters: %(section)s") % {"section": section_label}
