from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from pages.links import PublicLinksModel
from pages.models.common import ImageFields, SourceFields
from pages.models.taxonomy import Municipality


class NewsTag(TaggedItemBase):
    content_object = ParentalKey("pages.NewsPage", on_delete=models.CASCADE,
                                 related_name="tagged_items")


class NewsPage(PublicLinksModel, SourceFields, ImageFields, Page):
    class Kind(models.TextChoices):
        EVENT = "event", "Renginys"
        LAUNCH = "launch", "Projekto pradžia"
        COMPLETION = "completion", "Projekto pabaiga"
        ANNOUNCEMENT = "announcement", "Pranešimas"

    date_published = models.DateField("paskelbimo data", null=True, blank=True,
                                      help_text="Tuščia – naudojama pirmojo paskelbimo data.")
    kind = models.CharField("rūšis", max_length=20, choices=Kind.choices,
                            default=Kind.ANNOUNCEMENT)
    lead = models.TextField("įvadas")
    body = RichTextField("tekstas", blank=True)
    municipality = models.ForeignKey(Municipality, null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="news",
                                     verbose_name="savivaldybė")
    about_projects = ParentalManyToManyField("pages.ProjectPage", blank=True,
                                             related_name="news", verbose_name="apie projektus")
    about_measures = ParentalManyToManyField("pages.FundingMeasurePage", blank=True,
                                             related_name="news", verbose_name="apie priemones")
    mentioned_providers = ParentalManyToManyField("pages.ProviderPage", blank=True,
                                                  related_name="mentioned_in_news",
                                                  verbose_name="minimos organizacijos")
    tags = ClusterTaggableManager(through=NewsTag, blank=True, verbose_name="žymos")

    template = "pages/content_page.html"
    parent_page_types = ["pages.NewsIndexPage"]
    subpage_types: list[str] = []
    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("date_published"), FieldPanel("kind"),
                         FieldPanel("municipality"), FieldPanel("tags")], heading="Naujiena"),
        FieldPanel("lead"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("about_projects"), FieldPanel("about_measures"),
                         FieldPanel("mentioned_providers")], heading="Susiję"),
        InlinePanel("people", label="Minimi asmenys"),
        *ImageFields.image_panels,
        *SourceFields.source_panels,
    ]

    class Meta:
        verbose_name = "naujiena"
        verbose_name_plural = "naujienos"


class NewsPerson(Orderable):
    """A person mentioned in a news item, kept as plain text."""

    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="people")
    name = models.CharField("vardas, pavardė", max_length=255)
    position = models.CharField("pareigos", max_length=255, blank=True)
    panels = [FieldPanel("name"), FieldPanel("position")]
