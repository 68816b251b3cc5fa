from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from pages.codes import MEASURE_CODE, validate_measure_code
from pages.models.common import SourceFields, money_field
from pages.models.taxonomy import Agency, Fund, Priority


class FundingMeasurePage(SourceFields, Page):
    """A funding measure: programme → priority → measure; shared by all municipalities."""

    class SelectionMethod(models.TextChoices):
        STATE_PLANNING = "V", "Valstybės projektų planavimas"
        REGIONAL_PLANNING = "R", "Regionų projektų planavimas"
        COMPETITION = "K", "Projektų konkursas"
        CONTINUOUS = "T", "Tęstinė atranka"
        STATE_CONTINUOUS = "VT", "Valstybės planavimas, tęstinė atranka"

    code = models.CharField("priemonės kodas", max_length=40, validators=[validate_measure_code])
    priority = models.ForeignKey(Priority, on_delete=models.PROTECT, related_name="measures",
                                 verbose_name="prioritetas")
    specific_objective = models.CharField("uždavinys", max_length=255, blank=True)
    agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.PROTECT,
                               related_name="measures", verbose_name="įgyvendinančioji institucija")
    fund = models.ForeignKey(Fund, null=True, blank=True, on_delete=models.PROTECT,
                             related_name="measures", verbose_name="fondas")
    selection_method = models.CharField("atrankos būdas", max_length=2, blank=True,
                                        choices=SelectionMethod.choices)
    financing_form = models.CharField("finansavimo forma", max_length=100, blank=True)
    eligible_applicants = models.TextField("galimi pareiškėjai", blank=True)
    summary = models.TextField("santrauka", blank=True)
    funded_activities = RichTextField("remiamos veiklos", blank=True)
    eu_amount = money_field("ES lėšos")
    total_amount = money_field("iš viso lėšų")

    template = "pages/content_page.html"
    parent_page_types = ["pages.MeasureIndexPage"]
    subpage_types: list[str] = []
    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("code"), FieldPanel("priority"),
                         FieldPanel("specific_objective")], heading="Priemonė"),
        MultiFieldPanel([FieldPanel("agency"), FieldPanel("fund"), FieldPanel("selection_method"),
                         FieldPanel("financing_form"), FieldPanel("eu_amount"),
                         FieldPanel("total_amount")], heading="Finansavimas"),
        FieldPanel("summary"),
        FieldPanel("eligible_applicants"),
        FieldPanel("funded_activities"),
        *SourceFields.source_panels,
    ]

    class Meta:
        verbose_name = "finansavimo priemonė"
        verbose_name_plural = "finansavimo priemonės"

    @property
    def period(self) -> str:
        return self.priority.programme.period

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.code and self.priority_id and MEASURE_CODE.period_of(self.code) not in (
            None, self.period):
            errors["code"] = f"Kodas „{self.code}“ neatitinka programos laikotarpio {self.period}."
        if self.eu_amount is not None and self.total_amount is not None \
                and self.eu_amount > self.total_amount:
            errors["eu_amount"] = "ES lėšos negali viršyti visos sumos."
        if errors:
            raise ValidationError(errors)
