from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from pages.codes import PROJECT_CODE, validate_call_code, validate_project_code
from pages.links import PublicLinksModel
from pages.models.common import (
    AddressFields,
    ContactFields,
    ImageFields,
    SourceFields,
    money_field,
)
from pages.models.taxonomy import Fund, Municipality, ServiceType, TargetGroup


class ProjectPage(PublicLinksModel, AddressFields, ContactFields, SourceFields, ImageFields, Page):
    """An EU-funded project."""

    class Status(models.TextChoices):
        PLANNED = "planned", "Planuojamas"
        RUNNING = "running", "Vykdomas"
        COMPLETED = "completed", "Įgyvendintas"

    project_code = models.CharField("projekto kodas", max_length=40, blank=True,
                                    validators=[validate_project_code])
    call_code = models.CharField("kvietimo kodas", max_length=40, blank=True,
                                 validators=[validate_call_code])
    measure = models.ForeignKey("pages.FundingMeasurePage", null=True, blank=True,
                                on_delete=models.PROTECT, related_name="projects",
                                verbose_name="priemonė")
    status = models.CharField("būsena", max_length=12, choices=Status.choices)
    lead_beneficiary = models.ForeignKey("pages.ProviderPage", null=True, blank=True,
                                         on_delete=models.PROTECT, related_name="led_projects",
                                         verbose_name="projekto vykdytojas")
    municipalities = ParentalManyToManyField(Municipality, blank=True, related_name="projects",
                                             verbose_name="savivaldybės")
    covers_all_lithuania = models.BooleanField("visa Lietuva", default=False)
    target_groups = ParentalManyToManyField(TargetGroup, blank=True, related_name="projects",
                                            verbose_name="tikslinės grupės")
    service_types = ParentalManyToManyField(ServiceType, blank=True, related_name="projects",
                                            verbose_name="paslaugų rūšys")
    funds = ParentalManyToManyField(Fund, blank=True, related_name="projects",
                                    verbose_name="fondai")
    budget_total = money_field("bendra vertė")
    eu_amount = money_field("ES lėšos")
    national_amount = money_field("nacionalinės lėšos")
    agreement_date = models.DateField("sutarties data", null=True, blank=True)
    start_date = models.DateField("pradžia", null=True, blank=True)
    end_date = models.DateField("pabaiga", null=True, blank=True)
    goal = models.TextField("tikslas", blank=True)
    summary = models.TextField("santrauka", blank=True)
    body = RichTextField("aprašymas", blank=True)
    capacity = models.PositiveIntegerField("vietų skaičius", null=True, blank=True)
    kohesio_id = models.CharField("Kohesio ID", max_length=20, blank=True)

    template = "pages/content_page.html"
    parent_page_types = ["pages.ProjectIndexPage"]
    subpage_types: list[str] = []
    # Wagtail's own index can filter and count (`.facet()`) projects by status and measure
    search_fields = [*Page.search_fields, index.FilterField("status"),
                     index.FilterField("measure")]

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("project_code"), FieldPanel("call_code"),
                         FieldPanel("measure"), FieldPanel("status"),
                         FieldPanel("lead_beneficiary")], heading="Projektas"),
        InlinePanel("partners", label="Partneriai ir paslaugų teikėjai"),
        MultiFieldPanel([FieldPanel("municipalities"), FieldPanel("covers_all_lithuania"),
                         FieldPanel("target_groups"), FieldPanel("service_types"),
                         FieldPanel("funds")], heading="Klasifikacija"),
        MultiFieldPanel([FieldPanel("budget_total"), FieldPanel("eu_amount"),
                         FieldPanel("national_amount")], heading="Finansavimas"),
        MultiFieldPanel([FieldPanel("agreement_date"), FieldPanel("start_date"),
                         FieldPanel("end_date")], heading="Datos"),
        FieldPanel("summary"), FieldPanel("goal"), FieldPanel("body"), FieldPanel("capacity"),
        InlinePanel("results", label="Laukiami rezultatai"),
        InlinePanel("indicators", label="Rodikliai"),
        InlinePanel("links", label="Nuorodos"),
        FieldPanel("kohesio_id"),
        *ImageFields.image_panels,
        *AddressFields.address_panels,
        *ContactFields.contact_panels,
        *SourceFields.source_panels,
    ]

    class Meta:
        verbose_name = "projektas"
        verbose_name_plural = "projektai"

    @property
    def period(self) -> str | None:
        if self.measure_id:
            return self.measure.period
        return PROJECT_CODE.period_of(self.project_code) if self.project_code else None

    @property
    def cofinancing_rate(self) -> Decimal | None:
        """EU share of the total budget, 0–1."""
        if not self.budget_total or self.eu_amount is None:
            return None
        return (self.eu_amount / self.budget_total).quantize(Decimal("0.0001"))

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        measure_code = self.measure.code if self.measure_id else ""
        if self.project_code and measure_code and PROJECT_CODE.period_of(self.project_code) \
                == "2014-2020" and not self.project_code.startswith(measure_code + "-"):
            errors["project_code"] = (
                f"Projekto kodas „{self.project_code}“ nepriklauso priemonei „{measure_code}“."
            )
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = "Pabaiga negali būti ankstesnė už pradžią."
        if self.budget_total is not None and self.eu_amount is not None \
                and self.eu_amount > self.budget_total:
            errors["eu_amount"] = "ES lėšos negali viršyti bendros vertės."
        if errors:
            raise ValidationError(errors)


class ProjectPartner(Orderable):
    class Role(models.TextChoices):
        PARTNER = "partner", "Partneris"
        SERVICE_PROVIDER = "service_provider", "Paslaugų teikėjas"

    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="partners")
    provider = models.ForeignKey("pages.ProviderPage", on_delete=models.PROTECT,
                                 related_name="+", verbose_name="organizacija")
    role = models.CharField("vaidmuo", max_length=20, choices=Role.choices, default=Role.PARTNER)
    activity = models.CharField("veikla", max_length=255, blank=True)
    panels = [FieldPanel("provider"), FieldPanel("role"), FieldPanel("activity")]


class ProjectResult(Orderable):
    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="results")
    text = models.CharField("rezultatas", max_length=500)


class ProjectIndicator(Orderable):
    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField("rodiklis", max_length=255)
    unit = models.CharField("matavimo vienetas", max_length=50)
    target = models.DecimalField("siekiama reikšmė", max_digits=14, decimal_places=2)
    achieved = models.DecimalField("pasiekta reikšmė", max_digits=14, decimal_places=2,
                                   null=True, blank=True)


class ProjectLink(Orderable):
    class Kind(models.TextChoices):
        ESINVESTICIJOS = "esinvesticijos", "esinvesticijos.lt"
        KOHESIO = "kohesio", "Kohesio"
        OTHER = "other", "Kita"

    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="links")
    title = models.CharField("pavadinimas", max_length=255)
    url = models.URLField("adresas", max_length=500)
    kind = models.CharField("rūšis", max_length=20, choices=Kind.choices, default=Kind.OTHER)
