"""Wagtail hooks of the content models."""

from django.utils.html import escape
from wagtail import hooks
from wagtail.rich_text.feature_registry import FeatureRegistry
from wagtail.rich_text.pages import PageLinkHandler

from pages.public import public_only


class PublicPageLinkHandler(PageLinkHandler):
    """Rich text links to pages, written out (on public pages, in the API, in previews) with an
    address only when the page linked is public, in the reader's language where its translation
    is: a link to a draft, an expired or a restricted page would lead the reader nowhere and give
    its address, made from its title, away."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        pages = cls.get_many(attrs_list)
        candidates = [[page.localized, page] if page else [] for page in pages]
        public = {page.pk for page in public_only(page for both in candidates for page in both)}
        shown = [next((page for page in both if page.pk in public), None) for both in candidates]
        return [f'<a href="{escape(page.url)}">' if page and page.url else "<a>"
                for page in shown]


@hooks.register("register_rich_text_features", order=1)  # after Wagtail's own page links
def public_page_links(features: FeatureRegistry) -> None:
    features.register_link_type(PublicPageLinkHandler)
