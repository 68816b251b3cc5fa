"""Templates name a related page only when it is public: `{% with x=page.measure|public %}`,
and link it with `{% page_link x %}`."""

from django import template
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import SafeString
from wagtail.models import Page
from wagtail.templatetags.wagtailcore_tags import pageurl

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


@register.simple_tag(takes_context=True)
def page_link(context: template.Context, page: Page, text: str = "") -> SafeString:
    """A link to the page, named by `text` or else its title. A page in another language than
    the one shown (one not translated yet) says which, for screen readers and translators."""
    language = page.locale.language_code
    shown = translation.get_language()
    return format_html('<a href="{}"{}>{}</a>', pageurl(context, page),
                       format_html(' lang="{}"', language) if language != shown else "",
                       text or page.title)
