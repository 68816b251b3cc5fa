"""Templates name a related page only when it is public: `{% with x=page.measure|public %}`."""

from django import template
from wagtail.models import Page

from pages.public import is_public, public_pages

register = template.Library()


@register.filter
def public(page: Page | None) -> Page | None:
    """The page in the active language (or as it is) when public; None otherwise (also for
    a missing relation, which templates give as an empty string)."""
    if not isinstance(page, Page):
        return None
    localized = page.localized
    return next((candidate for candidate in (localized, page) if is_public(candidate)), None)


@register.filter
def public_children(page: Page) -> list[Page]:
    return list(public_pages(page.get_children()).specific())
