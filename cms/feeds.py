"""RSS and Atom feeds: each municipality site's news, and each collection's live results.

Feed readers show an item's description as HTML (Atom says so: `type="html"`), so the plain
text of a lead or summary is escaped into HTML first: text that looks like markup is shown as
typed, never run.
"""

from datetime import date, datetime, time

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from cms.api.params import is_page_id
from cms.api.resources.collections import live_results
from cms.scope import site_scope
from pages.models import CollectionPage, MunicipalityHomePage, NewsPage
from pages.public import public_pages
from search.query import Hit

FEED_SIZE = 30


def as_moment(day: date | None) -> datetime | None:
    return timezone.make_aware(datetime.combine(day, time(12))) if day else None


class NewsFeed(Feed):
    description_template = None

    def get_object(self, request: HttpRequest, language: str = "lt") -> MunicipalityHomePage:
        scope = site_scope(request)
        home = scope.home_in(language) if scope else None
        if home is None:
            raise Http404
        self.request = request
        return home

    def title(self, home: MunicipalityHomePage) -> str:
        with translation.override(home.locale.language_code):
            return _("%(site)s: news") % {"site": home.title}

    def link(self, home: MunicipalityHomePage) -> str:
        return home.get_full_url(self.request)

    def description(self, home: MunicipalityHomePage) -> str:
        return self.title(home)

    def items(self, home: MunicipalityHomePage):
        return (public_pages(NewsPage.objects.descendant_of(home))
                .order_by("-date_published", "-first_published_at", "pk")[:FEED_SIZE])

    def item_title(self, item: NewsPage) -> str:
        return item.title

    def item_description(self, item: NewsPage) -> str:
        return escape(item.lead)

    def item_link(self, item: NewsPage) -> str:
        return item.get_full_url(self.request)

    def item_pubdate(self, item: NewsPage) -> datetime | None:
        return as_moment(item.date_published) or item.first_published_at


class CollectionFeed(Feed):
    def get_object(self, request: HttpRequest, page_id: int) -> CollectionPage:
        scope = site_scope(request)
        collection = (public_pages(CollectionPage.objects.filter(pk=page_id)).first()
                      if is_page_id(page_id) else None)
        if scope is None or collection is None or not scope.contains(collection):
            raise Http404
        self.request = request
        return collection

    def title(self, collection: CollectionPage) -> str:
        return collection.title

    def link(self, collection: CollectionPage) -> str:
        return collection.get_full_url(self.request)

    def description(self, collection: CollectionPage) -> str:
        return collection.search_description or collection.title

    def items(self, collection: CollectionPage) -> list[Hit]:
        return live_results(collection)[1].hits

    def item_title(self, hit: Hit) -> str:
        return hit.title

    def item_description(self, hit: Hit) -> str:
        return escape(hit.summary)

    def item_link(self, hit: Hit) -> str:
        return hit.url

    def item_pubdate(self, hit: Hit) -> datetime | None:
        return as_moment(date.fromisoformat(hit.date[:10])) if hit.date else None


class AtomNewsFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description


class AtomCollectionFeed(CollectionFeed):
    feed_type = Atom1Feed
    subtitle = CollectionFeed.description
