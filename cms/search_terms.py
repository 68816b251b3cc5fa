"""The report "Search terms without results": per municipality the user may see, how often a
search for words found nothing over the last days, and the texts searched for most often
without results (from `search.searched_texts`). National administrators see every municipality,
municipal staff their own."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.models import Site

from cms.municipal_scope import MunicipalityTree, all_trees, sees_everything, working_trees
from search import searched_texts

REPORT_DAYS = 30


def report_trees(user) -> list[MunicipalityTree]:
    """Every municipality for national administrators; their own for municipal staff."""
    if not user.is_active:
        return []
    return all_trees() if sees_everything(user) else working_trees(user)


def site_names(trees: list[MunicipalityTree]) -> dict[int, str]:
    """Site id → the title of the municipality whose tree holds the site's root page."""
    names = {}
    for site in Site.objects.select_related("root_page"):
        tree = next((tree for tree in trees if tree.contains(site.root_page.path)), None)
        if tree is not None:
            names[site.pk] = tree.title
    return names


@dataclass(frozen=True)
class Rate:
    municipality: str
    searches: int
    without_results: int

    @property
    def percent(self) -> str:
        return number_format(100 * self.without_results / self.searches, 1)


class SearchTermsView(ReportView):
    page_title = _("Search terms without results")
    header_icon = "search"
    results_template_name = "cms/admin/search_terms_results.html"
    index_url_name = "cms_search_terms"
    index_results_url_name = "cms_search_terms_results"
    columns = [Column("municipality", label=pgettext_lazy("search terms", "Municipality")),
               Column("text", label=_("Search text")),
               Column("without", label=_("Searches without results")),
               Column("searches", label=_("Searches"))]

    def dispatch(self, request, *args, **kwargs):
        self.sites = site_names(report_trees(request.user))
        if not self.sites:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def rows(self) -> QuerySet:
        return searched_texts.since(REPORT_DAYS).filter(site__in=self.sites)

    def get_queryset(self) -> QuerySet:
        return searched_texts.without_results(self.rows())

    def decorate_paginated_queryset(self, rows: list) -> list:
        return [{**row, "municipality": self.sites[row["site"]]} for row in rows]

    def get_context_data(self, **kwargs) -> dict:
        totals = searched_texts.totals_by_site(self.rows())
        rates = [Rate(self.sites[site], searches, without)
                 for site, (searches, without) in totals.items()]
        return {**super().get_context_data(**kwargs), "report_days": REPORT_DAYS,
                "rates": sorted(rates, key=lambda rate: rate.municipality)}
