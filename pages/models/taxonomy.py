"""Shared taxonomies: one record per term, a stable slug and a label per language.

Terms are not translated by wagtail-localize: an English page points at the same term as its
Lithuanian source, so facet values (slugs) are identical in both languages, and the label is
chosen by language when shown.
"""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


def in_language(lithuanian: str, english: str, language: str | None) -> str:
    """The English text in English when there is one, else the Lithuanian; `language` defaults
    to the active one."""
    language = (language or translation.get_language() or "lt")[:2]
    return english if language == "en" and english else lithuanian


class Term(index.Indexed, models.Model):
    slug = models.SlugField(_("code (slug)"), max_length=120, unique=True, allow_unicode=False,
                            help_text=_("A permanent key, the same in both languages."))
    label_lt = models.CharField(_("name in Lithuanian"), max_length=255)
    label_en = models.CharField(_("name in English"), max_length=255)

    panels = [FieldPanel("slug"), FieldPanel("label_lt"), FieldPanel("label_en")]
    search_fields = [
        index.SearchField("label_lt"),
        index.SearchField("label_en"),
        index.AutocompleteField("label_lt"),
    ]

    class Meta:
        abstract = True
        ordering = ["label_lt"]

    def __str__(self) -> str:
        return self.label()

    def label(self, language: str | None = None) -> str:
        return in_language(self.label_lt, self.label_en, language)

    def labels(self) -> dict[str, str]:
        return {"lt": self.label_lt, "en": self.label_en}

    def description(self, language: str | None = None) -> str | None:
        """An easy-read description in a language; only target groups hold one."""
        return None


class Region(Term):
    """NUTS-2 region: Sostinės regionas, Vidurio ir vakarų Lietuvos regionas."""

    class Meta(Term.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")


class County(Term):
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="counties",
                               verbose_name=_("region"))
    panels = [*Term.panels, FieldPanel("region")]

    class Meta(Term.Meta):
        verbose_name = _("county")
        verbose_name_plural = _("counties")


class Municipality(Term):
    county = models.ForeignKey(County, on_delete=models.PROTECT, related_name="municipalities",
                               verbose_name=_("county"))
    panels = [*Term.panels, FieldPanel("county")]

    class Meta(Term.Meta):
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")


class TargetGroup(Term):
    """Target group; seed wording is held as narrower terms pointing at a broader one. Where the
    label is an official name that is hard to read, an easy-read description goes beside it."""

    broader = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                                related_name="narrower", verbose_name=_("broader term"))
    alt_labels = models.TextField(_("synonyms"), blank=True,
                                  help_text=_("Other names, one a line."))
    description_lt = models.TextField(
        _("easy-read description in Lithuanian"), blank=True,
        help_text=_("Who belongs to the group, in plain words; shown beside an official name "
                    "that is hard to read."))
    description_en = models.TextField(_("easy-read description in English"), blank=True)
    panels = [*Term.panels, FieldPanel("description_lt"), FieldPanel("description_en"),
              FieldPanel("broader"), FieldPanel("alt_labels")]

    class Meta(Term.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")

    def with_broader(self) -> list["TargetGroup"]:
        return [self, self.broader] if self.broader_id else [self]

    def description(self, language: str | None = None) -> str | None:
        """The easy-read description in a language, chosen as `label` is; None without one."""
        return in_language(self.description_lt, self.description_en, language) or None


class ServiceType(Term):
    class Category(models.TextChoices):
        GENERAL = "bendrosios", _("General social services")
        ATTENDANCE = "socialine-prieziura", _("Social attendance")
        CARE = "socialine-globa", _("Social care")
        OTHER = "kitos", _("Other services")

    code = models.CharField(_("SPIS code"), max_length=10, blank=True)
    category = models.CharField(_("category"), max_length=30, choices=Category.choices)
    panels = [*Term.panels, FieldPanel("code"), FieldPanel("category")]

    class Meta(Term.Meta):
        verbose_name = _("service type")
        verbose_name_plural = _("service types")


class Fund(Term):
    abbreviation_lt = models.CharField(_("abbreviation in Lithuanian"), max_length=20)
    abbreviation_en = models.CharField(_("abbreviation in English"), max_length=20)
    panels = [*Term.panels, FieldPanel("abbreviation_lt"), FieldPanel("abbreviation_en")]

    class Meta(Term.Meta):
        verbose_name = _("fund")
        verbose_name_plural = _("funds")


class Agency(Term):
    abbreviation = models.CharField(_("abbreviation"), max_length=20, unique=True)
    panels = [*Term.panels, FieldPanel("abbreviation")]

    class Meta(Term.Meta):
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")


class Period(models.TextChoices):
    """EU programming period; decides which code structure applies."""

    P2014 = "2014-2020", "2014–2020"
    P2021 = "2021-2027", "2021–2027"


class Programme(Term):
    period = models.CharField(_("period"), max_length=9, choices=Period.choices)
    panels = [*Term.panels, FieldPanel("period")]

    class Meta(Term.Meta):
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")


class Priority(Term):
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="priorities",
                                  verbose_name=_("programme"))
    number = models.CharField(_("number"), max_length=10)
    panels = [*Term.panels, FieldPanel("programme"), FieldPanel("number")]

    class Meta(Term.Meta):
        verbose_name = _("priority")
        verbose_name_plural = _("priorities")
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"], name="unique_priority_number")
        ]
