"""What the residents' search page shows besides the content: its addresses, the facets it
offers and the sentences built from figures, in the language that is active (gettext)."""

from django.utils.translation import gettext, ngettext

SEARCH_PATHS = {"lt": "/paieska/", "en": "/en/search/"}
# Facets shown to residents, in this order; the site's municipality scope hides the place ones.
VISIBLE_FACETS = ("content_type", "target_group", "service_type", "municipality", "region",
                  "status", "fund", "period", "programme", "start_year", "budget_band",
                  "measure")
PLACE_FACETS = ("municipality", "region")
VALUES_SHOWN = 8  # more values are folded under "show more"


def results_summary(count: int, query_text: str) -> str:
    """How many results were found, and for which words when the resident typed some."""
    if query_text:
        return ngettext("%(count)s result found for “%(query)s”.",
                        "%(count)s results found for “%(query)s”.",
                        count) % {"count": count, "query": query_text}
    return ngettext("%(count)s result found.", "%(count)s results found.",
                    count) % {"count": count}


def search_failure(reason: str) -> str:
    return gettext("The search did not work: %(reason)s") % {"reason": reason}


def section_search_link(section_label: str) -> str:
    """The text of a section's link to the search page showing only that section's kind."""
    return gettext("Search with filters: %(section)s") % {"section": section_label}
