"""A collection ("rinkinys"): a saved faceted search shown as a page of its own.

The editor stores the query the residents' search page would build — text, facet filters and
sort — and the page, its API detail and its feed always show the live results of that query.
"""

from urllib.parse import parse_qs

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from search.query import MAX_PAGE_SIZE, SORTS

SORT_LABELS = {"relevance": ("Pagal atitikimą", "Best match"), "newest": ("Naujausi", "Newest"),
               "start_date": ("Pagal pradžios datą", "By start date"),
               "budget": ("Pagal biudžetą", "By budget")}
SORT_CHOICES = [(sort, SORT_LABELS[sort][0]) for sort in SORTS]


class CollectionPage(Page):
    query_text = models.CharField("paieškos žodžiai", max_length=500, blank=True)
    filters = models.CharField(
        "filtrai", max_length=2000, blank=True,
        help_text="Filtrai kaip paieškos puslapio adrese, pvz. "
                  "„target_group=senyvo-amziaus-asmenys&status=running“.")
    sort = models.CharField("rikiavimas", max_length=20, choices=SORT_CHOICES,
                            default="newest")
    page_size = models.PositiveSmallIntegerField("rezultatų puslapyje", default=20)
    intro = RichTextField("įžanga", blank=True)

    template = "cms/collection_page.html"
    parent_page_types = ["pages.MunicipalityHomePage"]
    subpage_types: list[str] = []
    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("query_text"), FieldPanel("filters"), FieldPanel("sort"),
                         FieldPanel("page_size")], heading="Išsaugota paieška"),
    ]

    class Meta:
        verbose_name = "rinkinys"
        verbose_name_plural = "rinkiniai"

    @property
    def filter_values(self) -> dict[str, list[str]]:
        return {key: values for key, values in parse_qs(self.filters.lstrip("?")).items()}

    @property
    def language(self) -> str:
        return self.locale.language_code if self.locale_id else "lt"

    def clean(self) -> None:
        super().clean()
        from cms.searching import search_query  # the one parser the API and search page use
        from search.query import QueryError

        if not 1 <= self.page_size <= MAX_PAGE_SIZE:
            raise ValidationError({"page_size": f"Nuo 1 iki {MAX_PAGE_SIZE}."})
        try:
            search_query(self.filter_values, text=self.query_text, sort=self.sort,
                         language=self.language)
        except QueryError as error:
            field = "sort" if error.parameter == "sort" else "filters"
            raise ValidationError({field: f"{error.parameter}: {error}"}) from error

    def get_context(self, request, *args, **kwargs):
        from cms.search_page import collection_context

        context = super().get_context(request, *args, **kwargs)
        context.update(collection_context(self, request))
        return context
