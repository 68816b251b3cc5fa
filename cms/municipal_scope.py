"""Which municipalities' figures and logs a user sees in the admin.

Superusers and holders of the search health permissions (national administrators) see every
municipality; a moderator sees the municipalities where they may publish.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.http import HttpRequest
from wagtail.models import GroupPagePermission, Page

from cms.permissions import SEARCH_HEALTH_PERMISSIONS
from pages.models import MunicipalityHomePage
from pages.public import public_pages

HOME_PATH_LENGTH = 2 * Page.steplen  # home pages are children of the root node


@dataclass(frozen=True)
class MunicipalityTree:
    """A municipality's Lithuanian home page and its translations, each a root-level page."""

    slug: str
    title: str
    paths: tuple[str, ...]
    national: bool = False

    def contains(self, path: str) -> bool:
        return path[:HOME_PATH_LENGTH] in self.paths

    def pages_filter(self, prefix: str = "") -> Q:
        """Q matching pages (or, with `prefix`, objects pointing at pages) inside this tree."""
        query = Q()
        for path in self.paths:
            query |= Q(**{f"{prefix}path__startswith": path})
        return query


def all_trees() -> list[MunicipalityTree]:
    homes = MunicipalityHomePage.objects.select_related("locale").order_by("title")
    paths_by_key: dict = {}
    for home in homes:
        paths_by_key.setdefault(home.translation_key, []).append(home.path)
    return [MunicipalityTree(home.slug, home.title, tuple(paths_by_key[home.translation_key]),
                             national=home.municipality_id is None)
            for home in homes if home.locale.language_code == "lt"]


def sees_everything(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perms(SEARCH_HEALTH_PERMISSIONS))


def visible_trees(user) -> list[MunicipalityTree]:
    if sees_everything(user):
        return all_trees()
    if not user.is_active:
        return []
    granted = GroupPagePermission.objects.filter(group__user=user,
                                                 permission__codename="publish_page")
    home_paths = {path[:HOME_PATH_LENGTH]
                  for path in granted.values_list("page__path", flat=True)}
    return [tree for tree in all_trees() if home_paths & set(tree.paths)]


def working_trees(user) -> list[MunicipalityTree]:
    """The trees where the user holds any page permission (editors and moderators alike)."""
    granted = GroupPagePermission.objects.filter(group__user=user)
    home_paths = {path[:HOME_PATH_LENGTH]
                  for path in granted.values_list("page__path", flat=True)}
    return [tree for tree in all_trees() if home_paths & set(tree.paths)]


def draft_trees(user) -> list[MunicipalityTree] | None:
    """The trees whose unpublished work the user sees: the national tree and those they work
    on; None for superusers and for holders of a permission on the tree's root (Wagtail's
    own groups hold theirs there), who see every tree's."""
    if user.is_superuser or GroupPagePermission.objects.filter(group__user=user,
                                                               page__depth=1).exists():
        return None
    own = working_trees(user)
    return [tree for tree in all_trees() if tree.national or tree in own]


def workable_pages(user) -> Q | None:
    """Pages a user may open in the admin's page views: the tree's root and the pages of their
    `draft_trees`. None: no limit."""
    trees = draft_trees(user)
    if trees is None:
        return None
    condition = Q(depth=1)
    for tree in trees:
        condition |= tree.pages_filter()
    return condition


def reachable_pages(user) -> Q | None:
    """Pages a user may find in the admin's choosers and searches: the `workable_pages` and
    other municipalities' public pages, never their drafts or private pages. None: no limit."""
    workable = workable_pages(user)
    return None if workable is None else workable | Q(pk__in=public_pages().values("pk"))


def shown_title(request: HttpRequest, page: Page) -> str:
    """The title the admin names a page by: the latest draft's within the user's
    `draft_trees`, elsewhere the published one (a title edited in a draft is unpublished work)."""
    if not hasattr(request, "draft_trees"):  # read once per request
        request.draft_trees = draft_trees(request.user)
    trees = request.draft_trees
    if trees is None or page.depth == 1 or tree_of(trees, page.path):
        return page.get_admin_display_title()
    return page.title


def tree_of(trees: list[MunicipalityTree], path: str) -> MunicipalityTree | None:
    return next((tree for tree in trees if tree.contains(path)), None)
