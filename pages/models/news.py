from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from pages.links import PublicLinksModel
from pages.models.common import (
    ImageFields,
    SourceFields,
    copied_untranslated,
    described,
    edit_tabs,
    title_panel,
    vocabulary,
)
from pages.models.taxonomy import Municipality, TargetGroup


class NewsTag(TaggedItemBase):
    content_object = ParentalKey("pages.NewsPage", on_delete=models.CASCADE,
                                 related_name="tagged_items", verbose_name=_("news item"))

    class Meta:
        verbose_name = _("news item tag")
        verbose_name_plural = _("news item tags")


class NewsPage(PublicLinksModel, SourceFields, ImageFields, Page):
    class Kind(models.TextChoices):
        EVENT = "event", _("Event")
        LAUNCH = "launch", _("Project launch")
        COMPLETION = "completion", _("Project completion")
        ANNOUNCEMENT = "announcement", _("Announcement")

    date_published = models.DateField(_("publication date"), null=True, blank=True,
                                      help_text=_("Empty: the date of first publication is used."))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices,
                            default=Kind.ANNOUNCEMENT)
    lead = models.TextField(_("lead"))
    body = RichTextField(_("text"), blank=True)
    municipality = models.ForeignKey(Municipality, null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="news",
                                     verbose_name=_("municipality"))
    about_projects = ParentalManyToManyField("pages.ProjectPage", blank=True,
                                             related_name="news", verbose_name=_("about projects"))
    about_measures = ParentalManyToManyField("pages.FundingMeasurePage", blank=True,
                                             related_name="news",
                                             verbose_name=_("about funding measures"))
    mentioned_providers = ParentalManyToManyField("pages.ProviderPage", blank=True,
                                                  related_name="mentioned_in_news",
                                                  verbose_name=_("organisations mentioned"))
    target_groups = ParentalManyToManyField(TargetGroup, blank=True, related_name="news",
                                            verbose_name=_("target groups"))
    tags = ClusterTaggableManager(through=NewsTag, blank=True,
                                  verbose_name=pgettext_lazy("page field", "tags"))

    # Terms are shared by both languages: a translation that wagtail-localize syncs takes its
    # source's target groups.
    override_translatable_fields = [
        SynchronizedField("target_groups"),
        *copied_untranslated("date_published", *ImageFields.untranslated_fields,
                             *SourceFields.untranslated_fields)]
    template = "pages/content_page.html"
    parent_page_types = ["pages.NewsIndexPage"]
    subpage_types: list[str] = []
    content_panels = [
        title_panel,
        MultiFieldPanel([FieldPanel("date_published"), FieldPanel("kind")],
                        heading=_("News item")),
        described("lead", _("One or two sentences that say what happened."), public=True),
        described("body", _("The whole news item."), public=True),
        InlinePanel("people", label=_("People mentioned")),
        *ImageFields.image_panels,
        *SourceFields.source_panels,
    ]
    classification_panels = [
        FieldPanel("municipality"),
        vocabulary("target_groups", _("Whom the news concerns: tick every group.")),
        FieldPanel("tags"),
        MultiFieldPanel([FieldPanel("about_projects"), FieldPanel("about_measures"),
                         FieldPanel("mentioned_providers")], heading=_("Related")),
    ]
    edit_handler = edit_tabs(content_panels, classification_panels)

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")


class NewsPerson(TranslatableMixin, Orderable):
    """A person mentioned in a news item, kept as plain text."""

    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="people",
                       verbose_name=_("news item"))
    name = models.CharField(_("full name"), max_length=255)
    position = models.CharField(_("position"), max_length=255, blank=True)
    panels = [FieldPanel("name"), FieldPanel("position")]
    override_translatable_fields = copied_untranslated("name")

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("person mentioned")
        verbose_name_plural = _("people mentioned")
