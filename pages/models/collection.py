"""A collection ("rinkinys"): a saved faceted search shown as a page of its own.

The editor stores the query the residents' search page would build — text, facet filters and
sort — and the page, its API detail and its feed always show the live results of that query.
The model only stores the query: the app that answers searches checks it (Wagtail hook
`check_collection_search`) and adds its live results to the page (`collection_page_context`).
"""

from urllib.parse import parse_qs

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from pages.forms import PageForm
from pages.listing import MAX_PAGE_SIZE, SORT_LABELS, SORTS

SORT_CHOICES = [(sort, SORT_LABELS[sort]) for sort in SORTS]
COLLECTION_CHECK_HOOK = "check_collection_search"  # fn(page) raising ValidationError
COLLECTION_CONTEXT_HOOK = "collection_page_context"  # fn(page, request) -> template context


class CollectionPage(Page):
    base_form_class = PageForm

    query_text = models.CharField(_("search words"), max_length=500, blank=True)
    filters = models.CharField(
        _("filters"), max_length=2000, blank=True,
        help_text=_("Filters as in the address of the search page, e.g. "
                    "“target_group=senyvo-amziaus-asmenys&status=running”."))
    sort = models.CharField(_("sort order"), max_length=20, choices=SORT_CHOICES,
                            default="newest")
    page_size = models.PositiveSmallIntegerField(_("results per page"), default=20)
    intro = RichTextField(_("introduction"), blank=True)

    template = "cms/collection_page.html"
    parent_page_types = ["pages.MunicipalityHomePage"]
    subpage_types: list[str] = []
    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("query_text"), FieldPanel("filters"), FieldPanel("sort"),
                         FieldPanel("page_size")], heading=_("Saved search")),
    ]

    class Meta:
        verbose_name = pgettext_lazy("saved search", "collection")
        verbose_name_plural = pgettext_lazy("saved search", "collections")

    @property
    def filter_values(self) -> dict[str, list[str]]:
        return {key: values for key, values in parse_qs(self.filters.lstrip("?")).items()}

    @property
    def language(self) -> str:
        return self.locale.language_code if self.locale_id else "lt"

    def clean(self) -> None:
        super().clean()
        if not 1 <= self.page_size <= MAX_PAGE_SIZE:
            raise ValidationError(
                {"page_size": _("From 1 to %(largest)s.") % {"largest": MAX_PAGE_SIZE}})
        for check_search in hooks.get_hooks(COLLECTION_CHECK_HOOK):
            check_search(self)

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        for live_results_context in hooks.get_hooks(COLLECTION_CONTEXT_HOOK):
            context.update(live_results_context(self, request))
        return context
