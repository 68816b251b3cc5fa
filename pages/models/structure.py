"""The tree of a municipality site: home page and one index page per content kind.

A section lists its public children a page at a time; the app serving the residents' search adds
the link to the search showing the section's content kind (Wagtail hook `section_page_context`).
"""

from typing import Any

from django.core.paginator import Page as ListingPage
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404, HttpRequest, QueryDict
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Locale, Page

from pages.forms import PageForm
from pages.kinds import section_models
from pages.listing import parsed_whole_number
from pages.models.collection import CollectionPage
from pages.models.news import NewsPage
from pages.models.taxonomy import Municipality
from pages.public import public_pages

INDEX_TEMPLATE = "pages/index_page.html"
INDEX_PAGE_SIZE = 20
SECTION_CONTEXT_HOOK = "section_page_context"  # fn(page, request) -> template context
INDEX_TEXTS = {"none": _("Nothing has been published yet."), "pages": _("Pages"),
               "previous": _("Previous page"), "next": _("Next page"), "page": _("page")}
INDEX_COUNT = _("%(count)s in total.")
LATEST_NEWS_COUNT = 5
ACCESSIBILITY_TEMPLATE = "pages/accessibility_statement.html"
ACCESSIBILITY_ROUTES = {"lt": "prieinamumo_deklaracija", "en": "accessibility_statement"}


def latest_news(home: Page, locale: Locale) -> list[Page]:
    """The newest public news items of a site, in the home page's language."""
    news = public_pages(NewsPage.objects.descendant_of(home).filter(locale=locale))
    return list(news.order_by("-date_published", "-first_published_at", "-pk")
                [:LATEST_NEWS_COUNT])


class MunicipalityHomePage(RoutablePageMixin, Page):
    """Root of one municipality's Wagtail Site (or of the national section).

    Its accessibility statement is served below it, at `prieinamumo-deklaracija/` (Lithuanian)
    or `accessibility-statement/` (English); an empty statement shows the standard text."""

    base_form_class = PageForm

    municipality = models.ForeignKey(Municipality, null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="home_pages",
                                     verbose_name=_("municipality"),
                                     help_text=_("Empty: the national site."))
    intro = RichTextField(_("introduction"), blank=True)
    api_allowed_origins = models.TextField(
        _("origins allowed to read the API (CORS)"), blank=True,
        help_text=_("Websites whose pages may read this municipality's API in the browser, "
                    "one a line, e.g. https://www.alytus.lt."))
    accessibility_statement = RichTextField(
        _("accessibility statement"), blank=True,
        help_text=_("Shown on the site's accessibility statement page, linked from every "
                    "page's footer. Empty: a standard statement with the site's contacts."))

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["pages.CollectionPage"]  # after the section of every content kind
    content_panels = [*Page.content_panels, FieldPanel("municipality"), FieldPanel("intro"),
                      FieldPanel("accessibility_statement")]
    settings_panels = [*Page.settings_panels, FieldPanel("api_allowed_origins")]

    class Meta:
        verbose_name = _("municipality home page")
        verbose_name_plural = _("municipality home pages")

    @classmethod
    def clean_subpage_models(cls) -> list[type[Page]]:
        """The section of every registered content kind, then `subpage_types`."""
        return [*section_models(), *super().clean_subpage_models()]

    @property
    def language(self) -> str:
        return self.locale.language_code if self.locale_id else "lt"

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        # The sections of each content kind, and the collections staff put on the home page.
        sections = list(public_pages(self.get_children().type(*section_models(), CollectionPage))
                        .specific())
        context.update({"sections": sections, "latest_news": latest_news(self, self.locale),
                        "news_section": next((section for section in sections
                                              if isinstance(section, NewsIndexPage)), None)})
        return context

    def accessibility_statement_url(self, request: HttpRequest | None = None) -> str:
        """The address of the site's accessibility statement in the home page's language."""
        route = ACCESSIBILITY_ROUTES.get(self.language, ACCESSIBILITY_ROUTES["lt"])
        return self.get_url(request) + self.reverse_subpage(route).lstrip("/")

    @path("prieinamumo-deklaracija/", name=ACCESSIBILITY_ROUTES["lt"])
    @path("accessibility-statement/", name=ACCESSIBILITY_ROUTES["en"])
    def accessibility_statement_page(self, request: HttpRequest) -> TemplateResponse:
        """The statement at the address of the home page's own language only."""
        if request.routable_resolver_match.url_name != ACCESSIBILITY_ROUTES.get(self.language):
            raise Http404
        return self.render(request, template=ACCESSIBILITY_TEMPLATE)


def page_link(params: QueryDict, number: int) -> str:
    """`?…` for another page of a listing, the other parameters kept."""
    copy = params.copy()
    copy.pop("page", None)
    if number > 1:
        copy["page"] = str(number)
    return "?" + copy.urlencode()


def listing_pagination(params: QueryDict, listing: ListingPage) -> dict[str, Any] | None:
    """Links to the neighbouring and nearby pages of a listing; None when it has one page."""
    if listing.paginator.num_pages == 1:
        return None
    nearby = listing.paginator.get_elided_page_range(listing.number, on_each_side=2,
                                                     on_ends=1)
    return {
        "numbers": [{"number": number, "current": number == listing.number,
                     "url": page_link(params, number)}
                    for number in nearby if number != Paginator.ELLIPSIS],
        "previous": page_link(params, listing.number - 1) if listing.has_previous() else None,
        "next": page_link(params, listing.number + 1) if listing.has_next() else None,
    }


class IndexPage(Page):
    """A section of a site: lists its public children, newest first, a page at a time.

    Each section type declares the shared template: Wagtail would otherwise expect a template
    named after each class."""

    base_form_class = PageForm

    intro = RichTextField(_("introduction"), blank=True)
    parent_page_types = ["pages.MunicipalityHomePage"]
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    max_count_per_parent = 1

    class Meta:
        abstract = True

    @property
    def language(self) -> str:
        return self.locale.language_code if self.locale_id else "lt"

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        children = public_pages(self.get_children()).specific().order_by(
            "-first_published_at", "-pk")
        # Any ?page= but a page number shows the first page; one beyond the end, the last.
        number = parsed_whole_number(request.GET.get("page")) or 1
        listing = Paginator(children, INDEX_PAGE_SIZE).get_page(number)
        with translation.override(self.language):
            texts = {key: str(text) for key, text in INDEX_TEXTS.items()}
            count_text = INDEX_COUNT % {"count": listing.paginator.count}
        context.update({
            "children": listing.object_list, "listing": listing, "texts": texts,
            "count_text": count_text,
            "pagination": listing_pagination(request.GET, listing),
        })
        for section_context in hooks.get_hooks(SECTION_CONTEXT_HOOK):
            context.update(section_context(self, request))
        return context


class ProjectIndexPage(IndexPage):
    subpage_types = ["pages.ProjectPage"]
    template = INDEX_TEMPLATE

    class Meta:
        verbose_name = _("project list")
        verbose_name_plural = _("project lists")


class MeasureIndexPage(IndexPage):
    subpage_types = ["pages.FundingMeasurePage"]
    template = INDEX_TEMPLATE

    class Meta:
        verbose_name = _("funding measure list")
        verbose_name_plural = _("funding measure lists")


class ProviderIndexPage(IndexPage):
    subpage_types = ["pages.ProviderPage"]
    template = INDEX_TEMPLATE

    class Meta:
        verbose_name = _("service provider list")
        verbose_name_plural = _("service provider lists")


class NewsIndexPage(IndexPage):
    subpage_types = ["pages.NewsPage"]
    template = INDEX_TEMPLATE

    class Meta:
        verbose_name = _("news list")
        verbose_name_plural = _("news lists")
