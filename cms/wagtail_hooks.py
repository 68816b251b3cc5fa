"""Admin glue: the shared vocabularies and the search's synonym sets as one snippet menu group;
search health, publishing log and search terms views; a municipality's staff's dashboard and their
translations of their own pages; the guards keeping site structure pages from being deleted or
moved, and rows that unpublished drafts link to from being deleted. Search on the pages: the
check of a collection's saved search, its live results, and each section's link to the search
page."""

from collections.abc import Callable

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup
from wagtail_localize import wagtail_hooks as localize_hooks

from cms.admin_views import RebuildView, RetryFailedView, SearchHealthView, can_view_health
from cms.audit import PublishingLogView
from cms.dashboard import municipality_panel, own_pages_summary
from cms.municipal_scope import (
    reachable_pages,
    sees_everything,
    visible_trees,
    workable_pages,
)
from cms.search_page import collection_context, section_search_context
from cms.search_terms import SearchTermsView, report_trees
from cms.searching import check_collection_search
from cms.structure_guard import refuse_structural_change
from cms.translation_access import offered_buttons, translation_urls
from pages import models as content
from pages.models.collection import COLLECTION_CHECK_HOOK, COLLECTION_CONTEXT_HOOK
from pages.models.structure import SECTION_CONTEXT_HOOK
from pages.public import is_expired, restrictions_above_sources
from pages.references import drafts_naming, refusal


def term_viewset(term_model: type, extra_columns: tuple[str, ...] = ()) -> type[SnippetViewSet]:
    return type(f"{term_model.__name__}ViewSet", (SnippetViewSet,), {
        "model": term_model,
        "list_display": ["label_lt", "label_en", "slug", *extra_columns],
        "search_fields": ["label_lt", "label_en", "slug"],
    })


class SynonymSetViewSet(SnippetViewSet):
    """The search's synonym sets, kept by national administrators beside the vocabularies."""

    model = content.SynonymSet
    icon = "list-ul"
    list_display = ["__str__", "language", "note"]
    list_filter = ["language"]
    search_fields = ["terms", "note"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Vocabularies")
    menu_icon = "tag"
    menu_order = 300
    items = (
        term_viewset(content.TargetGroup, ("broader",)),
        term_viewset(content.ServiceType, ("category", "code")),
        term_viewset(content.Fund, ("abbreviation_lt",)),
        term_viewset(content.Agency, ("abbreviation",)),
        term_viewset(content.Programme, ("period",)),
        term_viewset(content.Priority, ("programme",)),
        term_viewset(content.Municipality, ("county",)),
        term_viewset(content.County, ("region",)),
        term_viewset(content.Region),
        SynonymSetViewSet,
    )


register_snippet(TaxonomyGroup)
hooks.register(COLLECTION_CHECK_HOOK, check_collection_search)
hooks.register(COLLECTION_CONTEXT_HOOK, collection_context)
hooks.register(SECTION_CONTEXT_HOOK, section_search_context)
hooks.register("construct_homepage_summary_items", own_pages_summary, order=1)  # after Wagtail's
hooks.register("construct_homepage_panels", municipality_panel)


# Ahead of every app's URLs, wagtail-localize's included: its addresses reach the guarded views.
hooks.register("register_admin_urls", translation_urls, order=-1)


def replace_hook(hook_name: str, registered: Callable, replacement: Callable) -> None:
    """Put `replacement` in the place (and order) of a function registered for a hook: Wagtail
    has no way to take a hook function back."""
    entries = hooks._hooks[hook_name]
    index = [function for function, _order in entries].index(registered)
    entries[index] = (replacement, entries[index][1])


# wagtail-localize's translation buttons on a page's header and in its listing's "More" menu,
# shown to whom the guarded views admit.
for button_hook in ("register_page_header_buttons", "register_page_listing_more_buttons"):
    replace_hook(button_hook, localize_hooks.page_listing_more_buttons,
                 offered_buttons(localize_hooks.page_listing_more_buttons))


@hooks.register("register_admin_urls")
def editorial_urls() -> list:
    return [
        path("paieskos-bukle/", SearchHealthView.as_view(), name="cms_search_health"),
        path("paieskos-bukle/kartoti/", RetryFailedView.as_view(),
             name="cms_search_health_retry"),
        path("paieskos-bukle/perkurti/", RebuildView.as_view(), name="cms_search_health_rebuild"),
        path("publikavimo-zurnalas/", PublishingLogView.as_view(), name="cms_publishing_log"),
        path("publikavimo-zurnalas/rezultatai/", PublishingLogView.as_view(results_only=True),
             name="cms_publishing_log_results"),
        path("paieskos-be-rezultatu/", SearchTermsView.as_view(), name="cms_search_terms"),
        path("paieskos-be-rezultatu/rezultatai/", SearchTermsView.as_view(results_only=True),
             name="cms_search_terms_results"),
    ]


class SearchHealthMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return can_view_health(request.user)


class PublishingLogMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return bool(visible_trees(request.user))


class SearchTermsMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return bool(report_trees(request.user))


@hooks.register("register_admin_menu_item")
def search_health_menu_item() -> MenuItem:
    return SearchHealthMenuItem(_("Search health"), reverse("cms_search_health"),
                                icon_name="search", order=900)


@hooks.register("register_reports_menu_item")
def publishing_log_menu_item() -> MenuItem:
    return PublishingLogMenuItem(_("Publishing log"), reverse("cms_publishing_log"),
                                 icon_name="history", order=50)


@hooks.register("register_reports_menu_item")
def search_terms_menu_item() -> MenuItem:
    return SearchTermsMenuItem(_("Search terms without results"), reverse("cms_search_terms"),
                               icon_name="search", order=60)


@hooks.register("construct_reports_menu")
def national_reports(request, menu_items: list) -> None:
    """Wagtail's page types usage names each type's last edited page in every municipality."""
    if not sees_everything(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]


@hooks.register("before_serve_page")
def refuse_expired_page(page, request, serve_args, serve_kwargs):
    """Past its expiry a page is no longer public, even before the scheduled job ran."""
    if is_expired(page):
        raise Http404


@hooks.register("before_serve_page")
def refuse_alias_of_restricted_subtree(page, request, serve_args, serve_kwargs):
    """An alias of a page in a restricted subtree is served only to whom those restrictions
    admit, as its source is (Wagtail itself checks the source page's own restrictions only)."""
    if any(not restriction.accept_request(request)
           for restriction in restrictions_above_sources(page)):
        raise Http404


@hooks.register("construct_page_chooser_queryset")
def choosable_pages(pages, request):
    reachable = reachable_pages(request.user)
    return pages if reachable is None else pages.filter(reachable)


@hooks.register("construct_explorer_page_queryset")
def explorable_pages(parent_page, pages, request):
    workable = workable_pages(request.user)
    return pages if workable is None else pages.filter(workable)


@hooks.register("before_delete_page")
def guard_structure_on_delete(request, page):
    return refuse_structural_change(request, [page])


def refuse_deleting_what_drafts_name(request, instances: list, back_to: str):
    """A row an unpublished draft links to is kept (see `pages.references`): say which drafts."""
    drafts = drafts_naming(instances)
    if not drafts:
        return None
    named = [instance for instance in instances if drafts_naming([instance])]
    messages.error(request, refusal(
        named, drafts, lambda draft: draft.permissions_for_user(request.user).can_edit()))
    return redirect(back_to)


@hooks.register("before_delete_page")
def guard_drafts_links_on_delete(request, page):
    return refuse_deleting_what_drafts_name(
        request, [page.specific, *page.get_descendants().specific()],
        reverse("wagtailadmin_explore", args=[page.get_parent().pk]))


@hooks.register("before_delete_snippet")
def guard_drafts_links_on_snippet_delete(request, instances):
    instances = list(instances)
    listing = reverse(instances[0].snippet_viewset.get_url_name("list"))
    return refuse_deleting_what_drafts_name(request, instances, listing)


@hooks.register("before_move_page")
def guard_structure_on_move(request, page, destination):
    return refuse_structural_change(request, [page])


@hooks.register("before_bulk_action")
def guard_structure_on_bulk_action(request, action_type, objects, action):
    pages = [item for item in objects if isinstance(item, Page)]
    if action_type not in ("delete", "move") or not pages:
        return None
    if refused := refuse_structural_change(request, pages):
        return refused
    if action_type == "delete":
        return refuse_deleting_what_drafts_name(
            request, [descendant for page in pages
                      for descendant in page.get_descendants(inclusive=True).specific()],
            reverse("wagtailadmin_explore", args=[pages[0].get_parent().pk]))
    return None
