from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from pages.codes import PROJECT_CODE, validate_call_code, validate_project_code
from pages.links import PublicLinksModel
from pages.models.common import (
    AddressFields,
    ContactFields,
    ImageFields,
    SourceFields,
    copied_untranslated,
    described,
    edit_tabs,
    money_field,
    title_panel,
    vocabulary,
)
from pages.models.taxonomy import Fund, Municipality, ServiceType, TargetGroup


class ProjectPage(PublicLinksModel, AddressFields, ContactFields, SourceFields, ImageFields, Page):
    """An EU-funded project."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        RUNNING = "running", _("Running")
        COMPLETED = "completed", _("Completed")

    project_code = models.CharField(_("project code"), max_length=40, blank=True,
                                    validators=[validate_project_code])
    call_code = models.CharField(_("call code"), max_length=40, blank=True,
                                 validators=[validate_call_code])
    measure = models.ForeignKey("pages.FundingMeasurePage", null=True, blank=True,
                                on_delete=models.PROTECT, related_name="projects",
                                verbose_name=_("measure"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    lead_beneficiary = models.ForeignKey("pages.ProviderPage", null=True, blank=True,
                                         on_delete=models.PROTECT, related_name="led_projects",
                                         verbose_name=_("lead beneficiary"))
    municipalities = ParentalManyToManyField(Municipality, blank=True, related_name="projects",
                                             verbose_name=_("municipalities"))
    covers_all_lithuania = models.BooleanField(_("all of Lithuania"), default=False)
    target_groups = ParentalManyToManyField(TargetGroup, blank=True, related_name="projects",
                                            verbose_name=_("target groups"))
    service_types = ParentalManyToManyField(ServiceType, blank=True, related_name="projects",
                                            verbose_name=_("service types"))
    funds = ParentalManyToManyField(Fund, blank=True, related_name="projects",
                                    verbose_name=_("funds"))
    budget_total = money_field(_("total value"))
    eu_amount = money_field(_("EU funds"))
    national_amount = money_field(_("national funds"))
    agreement_date = models.DateField(_("agreement date"), null=True, blank=True)
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)
    goal = models.TextField(_("goal"), blank=True)
    summary = models.TextField(_("summary"), blank=True)
    body = RichTextField(pgettext_lazy("page field", "description"), blank=True)
    capacity = models.PositiveIntegerField(_("number of places"), null=True, blank=True)
    kohesio_id = models.CharField(_("Kohesio ID"), max_length=20, blank=True)

    template = "pages/content_page.html"
    parent_page_types = ["pages.ProjectIndexPage"]
    subpage_types: list[str] = []
    # Wagtail's own index can filter and count (`.facet()`) projects by status and measure
    search_fields = [*Page.search_fields, index.FilterField("status"),
                     index.FilterField("measure")]

    content_panels = [
        title_panel,
        described("summary", _("Two or three sentences that residents read first."),
                  public=True),
        described("goal", _("What the project sets out to change, in one or two sentences."),
                  public=True),
        described("body", _("The whole description: activities, who can take part and how."),
                  public=True),
        described("capacity", _("How many people the service can take at a time.")),
        InlinePanel("results", label=_("Expected results")),
        InlinePanel("indicators", label=_("Indicators")),
        *ImageFields.image_panels,
    ]
    classification_panels = [
        MultiFieldPanel([
            described("project_code", _("As in the financing agreement, e.g. "
                                        "08.1.1-CPVA-R-407-11-0005."), public=True),
            described("call_code", _("The call the project was selected in, e.g. "
                                     "08.1.1-CPVA-R-407-11.")),
            described("measure", _("The funding measure that finances the project."),
                      public=True),
            described("status", public=True),
            described("lead_beneficiary", _("The organisation responsible for the project."),
                      public=True)], heading=_("Project")),
        InlinePanel("partners", label=_("Partners and service providers")),
        MultiFieldPanel([
            vocabulary("municipalities", _("Tick every municipality where the project works.")),
            described("covers_all_lithuania", _("Tick when the project serves the whole "
                                                "country: no municipality needs ticking then.")),
            vocabulary("target_groups", _("Who the project helps: tick every group."),
                       public=True),
            vocabulary("service_types", _("What the project offers: tick every service."),
                       public=True),
            vocabulary("funds", _("The EU funds that finance the project."))],
            heading=_("Classification")),
    ]
    funding_panels = [
        MultiFieldPanel([described("budget_total", _("In euros, e.g. 346361.00.")),
                         described("eu_amount", _("In euros: the part paid by the EU."),
                                   public=True),
                         described("national_amount", _("In euros: the part paid by the state "
                                                        "and the municipality."))],
                        heading=_("Funding")),
        MultiFieldPanel([FieldPanel("agreement_date"), described("start_date", public=True),
                         described("end_date", public=True)], heading=_("Dates")),
    ]
    contact_panels = [
        *ContactFields.contact_panels,
        *AddressFields.address_panels,
        InlinePanel("links", label=_("Links")),
        described("kohesio_id", _("The project's identifier in Kohesio, e.g. Q2977371.")),
        *SourceFields.source_panels,
    ]
    edit_handler = edit_tabs(content_panels, classification_panels, funding_panels,
                             contact_panels)
    override_translatable_fields = copied_untranslated(
        "municipalities", "target_groups", "service_types", "funds",
        "project_code", "call_code", "kohesio_id", "budget_total", "eu_amount",
        "national_amount", "agreement_date", "start_date", "end_date", "capacity",
        *ContactFields.untranslated_fields, *AddressFields.untranslated_fields,
        *SourceFields.untranslated_fields, *ImageFields.untranslated_fields)

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")

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
        errors: dict[str, str | Promise] = {}
        measure_code = self.measure.code if self.measure_id else ""
        if self.project_code and measure_code and PROJECT_CODE.period_of(self.project_code) \
                == "2014-2020" and not self.project_code.startswith(measure_code + "-"):
            errors["project_code"] = _(
                "Project code “%(code)s” does not belong to the measure “%(measure)s”."
            ) % {"code": self.project_code, "measure": measure_code}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end cannot be earlier than the start.")
        if self.budget_total is not None and self.eu_amount is not None \
                and self.eu_amount > self.budget_total:
            errors["eu_amount"] = _("EU funds cannot exceed the total value.")
        if errors:
            raise ValidationError(errors)


class ProjectPartner(TranslatableMixin, Orderable):
    class Role(models.TextChoices):
        PARTNER = "partner", _("Partner")
        SERVICE_PROVIDER = "service_provider", _("Service provider")

    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="partners",
                       verbose_name=_("project"))
    provider = models.ForeignKey("pages.ProviderPage", on_delete=models.PROTECT,
                                 related_name="+", verbose_name=_("organisation"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.PARTNER)
    activity = models.CharField(_("activity"), max_length=255, blank=True)
    panels = [FieldPanel("provider"), FieldPanel("role"), FieldPanel("activity")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("project partner")
        verbose_name_plural = _("project partners")


class ProjectResult(TranslatableMixin, Orderable):
    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="results",
                       verbose_name=_("project"))
    text = models.CharField(_("result"), max_length=500)

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("expected result")
        verbose_name_plural = _("expected results")


class ProjectIndicator(TranslatableMixin, Orderable):
    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="indicators",
                       verbose_name=_("project"))
    name = models.CharField(_("indicator"), max_length=255)
    unit = models.CharField(_("unit of measurement"), max_length=50)
    target = models.DecimalField(_("target value"), max_digits=14, decimal_places=2)
    achieved = models.DecimalField(_("achieved value"), max_digits=14, decimal_places=2,
                                   null=True, blank=True)

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("project indicator")
        verbose_name_plural = _("project indicators")


class ProjectLink(TranslatableMixin, Orderable):
    class Kind(models.TextChoices):
        ESINVESTICIJOS = "esinvesticijos", _("esinvesticijos.lt")
        KOHESIO = "kohesio", _("Kohesio")
        OTHER = "other", _("Other")

    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="links",
                       verbose_name=_("project"))
    title = models.CharField(_("title"), max_length=255)
    url = models.URLField(_("address"), max_length=500)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    override_translatable_fields = copied_untranslated("url")

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("project link")
        verbose_name_plural = _("project links")
