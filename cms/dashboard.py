"""The admin dashboard of a municipality's staff: their municipality's figures, not everyone's.

Wagtail's page count covers every page under the closest common ancestor of a user's pages: for
a municipality's staff, whose pages are in the Lithuanian and the English tree, that is the whole
instance. Their dashboard counts their own trees instead, and a panel shows their municipality's
pages, pages waiting for review and search health. Superusers and national administrators keep
Wagtail's figures and the full search health panel.
"""

from dataclasses import dataclass

from django.http import HttpRequest
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState

from cms.health import HealthReport, health_report
from cms.municipal_scope import MunicipalityTree, sees_everything, working_trees
from pages.kinds import content_kinds


@dataclass(frozen=True)
class MunicipalityFigures:
    tree: MunicipalityTree
    home: Page
    live: int
    drafts: int
    in_review: int


def municipality_figures(tree: MunicipalityTree) -> MunicipalityFigures:
    """Content pages of the tree in both languages, and those in a review workflow."""
    pages = Page.objects.filter(tree.pages_filter()).type(*[kind.model for kind in content_kinds()])
    in_review = pages.filter(_workflow_states__in=WorkflowState.objects.active()).distinct()
    return MunicipalityFigures(tree, Page.objects.get(path=tree.paths[0]),
                               live=pages.filter(live=True).count(),
                               drafts=pages.filter(live=False).count(),
                               in_review=in_review.count())


def own_trees(user) -> list[MunicipalityTree]:
    """The municipalities a user works for; none for whom sees every municipality."""
    return [] if sees_everything(user) else working_trees(user)


class OwnPagesSummaryItem(PagesSummaryItem):
    """Wagtail's "N pages" summary, counting the user's municipalities' pages."""

    def get_context_data(self, parent_context: dict) -> dict:
        trees = own_trees(self.request.user)
        homes = Page.objects.filter(path__in=[tree.paths[0] for tree in trees])
        total = Page.objects.none()
        for tree in trees:
            total |= Page.objects.filter(tree.pages_filter())
        return {"root_page": homes.first(), "total_pages": total.count(),
                "site_name": ", ".join(tree.title for tree in trees)}


class MunicipalityPanel(Component):
    name = "municipality"
    template_name = "cms/admin/municipality_panel.html"
    order = 50  # first on the dashboard

    def __init__(self, trees: list[MunicipalityTree]) -> None:
        self.trees = trees

    def get_context_data(self, parent_context: dict) -> dict:
        search: HealthReport = health_report(self.trees, everything=False)
        indexed = {figures.tree.slug: figures for figures in search.trees}
        return {"municipalities": [(municipality_figures(tree), indexed[tree.slug])
                                   for tree in self.trees],
                "search": search}


def own_pages_summary(request: HttpRequest, summary_items: list) -> None:
    """Hook `construct_homepage_summary_items`."""
    if own_trees(request.user):
        summary_items[:] = [OwnPagesSummaryItem(request) if type(item) is PagesSummaryItem
                            else item for item in summary_items]


def municipality_panel(request: HttpRequest, panels: list) -> None:
    """Hook `construct_homepage_panels`."""
    if trees := own_trees(request.user):
        panels.append(MunicipalityPanel(trees))
