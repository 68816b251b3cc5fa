"""The plugin's public URLs: the API, feeds and the residents' search page.

Included before Wagtail's page serving, so `/paieska/` and `/en/search/` are served on every
municipality site (a page with the same path would be shadowed).
"""

from django.urls import include, path, re_path
from wagtail.utils.urlpatterns import decorate_urlpatterns

from cms import feeds
from cms.api.api import api
from cms.api.edge import at_the_edge, unknown_path, with_problems
from cms.search_page import search_page

api_patterns, api_app, api_namespace = api.urls

urlpatterns = [
    path("api/v1/", include((decorate_urlpatterns(decorate_urlpatterns(
        api_patterns, with_problems), at_the_edge), api_app), namespace=api_namespace)),
    # Any other path under the API, ending in a slash (others get the slash added first).
    re_path(r"^api/v1/(?:[\s\S]*/)?$", at_the_edge(unknown_path), name="api-unknown"),
    *decorate_urlpatterns([
        path("feeds/news.rss", feeds.NewsFeed(), name="news-rss"),
        path("feeds/news.atom", feeds.AtomNewsFeed(), name="news-atom"),
        path("en/feeds/news.rss", feeds.NewsFeed(), {"language": "en"}, name="news-rss-en"),
        path("en/feeds/news.atom", feeds.AtomNewsFeed(), {"language": "en"},
             name="news-atom-en"),
        path("feeds/collections/<int:page_id>.rss", feeds.CollectionFeed(),
             name="collection-rss"),
        path("feeds/collections/<int:page_id>.atom", feeds.AtomCollectionFeed(),
             name="collection-atom"),
    ], at_the_edge),
    path("paieska/", search_page, {"language": "lt"}, name="search"),
    path("en/search/", search_page, {"language": "en"}, name="search-en"),
]
