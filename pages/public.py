"""What the public may see: the one definition every public output and the search index use.

A page is public when it is live, not expired (`expire_at` empty or still ahead, judged when
read, not only once the scheduled job has unpublished it) and neither it nor any ancestor
carries a view restriction. An alias is served with its source's restrictions (Wagtail's
`get_view_restrictions`), so an alias of a page in a restricted subtree is not public either.
A page waiting in moderation is public only through its live version; a page never published
is not public at all.
"""

from collections.abc import Iterable
from functools import reduce
from operator import or_
from typing import TypeVar

from django.db.models import Q, QuerySet
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

PageT = TypeVar("PageT", bound=Page)


def not_expired() -> Q:
    return Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now())


def below_any(paths: Iterable[str], field: str = "path") -> Q:
    """Pages at or below any of these tree paths (none when there are none)."""
    return reduce(or_, (Q(**{f"{field}__startswith": path}) for path in paths), Q(pk__in=[]))


def public_pages(pages: QuerySet | None = None) -> QuerySet:
    """Only the public pages of `pages` (every page when None)."""
    pages = Page.objects.all() if pages is None else pages
    return pages.live().filter(not_expired()).exclude(below_any(restricted_paths()))


def is_expired(page: Page) -> bool:
    return page.expire_at is not None and page.expire_at <= timezone.now()


def restricted_paths() -> list[str]:
    """Paths of the pages whose subtrees are not public: every page carrying a view
    restriction, and every alias of a page at or below one."""
    paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))
    if paths:
        paths += Page.objects.filter(below_any(paths, "alias_of__path")).values_list(
            "path", flat=True)
    return paths


def restrictions_above_sources(page: Page) -> QuerySet[PageViewRestriction]:
    """The view restrictions on the ancestors of this page's source, and of its ancestors'
    sources, where they are aliases. Wagtail serves an alias with its source's own restrictions
    only; these are the ones it leaves out."""
    sources = [ancestor.alias_of for ancestor in [page, *page.get_ancestors()]
               if ancestor.alias_of_id]
    paths = {source.path[:end] for source in sources
             for end in range(Page.steplen, len(source.path) + 1, Page.steplen)}
    return PageViewRestriction.objects.filter(page__path__in=paths)


def is_public(page: Page, restricted: list[str] | None = None) -> bool:
    """Whether this page instance is public; `restricted` (see `restricted_paths`) saves a
    query when many pages are judged at once."""
    if not page.live or is_expired(page):
        return False
    restricted = restricted_paths() if restricted is None else restricted
    return not any(page.path.startswith(path) for path in restricted)


def public_only(pages: Iterable[PageT | None]) -> list[PageT]:
    """The public ones of these page instances, in their order (None skipped)."""
    restricted = restricted_paths()
    return [page for page in pages if page is not None and is_public(page, restricted)]
