"""The tree of a municipality site: home page and one index page per content type."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from pages.models.taxonomy import Municipality


class MunicipalityHomePage(Page):
    """Root of one municipality's Wagtail Site (or of the national section)."""

    municipality = models.ForeignKey(Municipality, null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="home_pages",
                                     verbose_name="savivaldybė",
                                     help_text="Tuščia – nacionalinio lygio svetainė.")
    intro = RichTextField("įžanga", blank=True)
    api_allowed_origins = models.TextField(
        "API leidžiami šaltiniai (CORS)", blank=True,
        help_text="Svetainės, kurioms leidžiama naršyklėje skaityti šios savivaldybės API, "
                  "po vieną eilutėje, pvz. https://www.alytus.lt.")

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["pages.ProjectIndexPage", "pages.MeasureIndexPage",
                     "pages.ProviderIndexPage", "pages.NewsIndexPage", "pages.CollectionPage"]
    content_panels = [*Page.content_panels, FieldPanel("municipality"), FieldPanel("intro")]
    settings_panels = [*Page.settings_panels, FieldPanel("api_allowed_origins")]

    class Meta:
        verbose_name = "savivaldybės pradžios puslapis"
        verbose_name_plural = "savivaldybių pradžios puslapiai"


class IndexPage(Page):
    intro = RichTextField("įžanga", blank=True)
    parent_page_types = ["pages.MunicipalityHomePage"]
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    max_count_per_parent = 1
    template = "pages/index_page.html"

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = self.get_children().live().public().specific()
        context["children"] = children.order_by("-first_published_at")[:50]
        return context


class ProjectIndexPage(IndexPage):
    subpage_types = ["pages.ProjectPage"]

    class Meta:
        verbose_name = "projektų sąrašas"


class MeasureIndexPage(IndexPage):
    subpage_types = ["pages.FundingMeasurePage"]

    class Meta:
        verbose_name = "priemonių sąrašas"


class ProviderIndexPage(IndexPage):
    subpage_types = ["pages.ProviderPage"]

    class Meta:
        verbose_name = "paslaugų teikėjų sąrašas"


class NewsIndexPage(IndexPage):
    subpage_types = ["pages.NewsPage"]

    class Meta:
        verbose_name = "naujienų sąrašas"
