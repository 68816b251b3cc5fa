from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from pages.codes import legal_code_validator
from pages.links import PublicLinksModel
from pages.models.common import AddressFields, ContactFields, SourceFields
from pages.models.taxonomy import Municipality, ServiceType, TargetGroup


class ProviderPage(PublicLinksModel, AddressFields, ContactFields, SourceFields, Page):
    """An organisation that runs projects or delivers services."""

    class ProviderType(models.TextChoices):
        MUNICIPAL_ADMINISTRATION = "savivaldybes-administracija", _("Municipal administration")
        BUDGETARY_INSTITUTION = "biudzetine-istaiga", _("Budgetary institution")
        NGO = "nvo", _("Non-governmental organisation")
        STATE_AGENCY = "valstybes-institucija", _("State institution")
        COMPANY = "imone", _("Company")

    PUBLIC_TYPES = {ProviderType.MUNICIPAL_ADMINISTRATION, ProviderType.BUDGETARY_INSTITUTION,
                    ProviderType.STATE_AGENCY}

    provider_type = models.CharField(_("type"), max_length=40, choices=ProviderType.choices)
    legal_code = models.CharField(_("legal entity code"), max_length=9, blank=True,
                                  validators=[legal_code_validator])
    municipality = models.ForeignKey(Municipality, null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="providers",
                                     verbose_name=_("municipality"))
    department = models.CharField(_("department"), max_length=255, blank=True)
    website = models.URLField(_("website"), blank=True)
    description = RichTextField(pgettext_lazy("page field", "description"), blank=True)
    service_types = ParentalManyToManyField(ServiceType, blank=True, related_name="providers",
                                            verbose_name=_("services"))
    target_groups = ParentalManyToManyField(TargetGroup, blank=True, related_name="providers",
                                            verbose_name=_("target groups"))
    predecessor = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="successors", verbose_name=_("predecessor"))

    template = "pages/content_page.html"
    parent_page_types = ["pages.ProviderIndexPage"]
    subpage_types: list[str] = []
    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("provider_type"), FieldPanel("legal_code"),
                         FieldPanel("municipality"), FieldPanel("department"),
                         FieldPanel("website"), FieldPanel("predecessor")],
                        heading=_("Organisation")),
        FieldPanel("description"),
        FieldPanel("service_types"),
        FieldPanel("target_groups"),
        *AddressFields.address_panels,
        *ContactFields.contact_panels,
        *SourceFields.source_panels,
    ]

    class Meta:
        verbose_name = _("service provider")
        verbose_name_plural = _("service providers")

    @property
    def is_public(self) -> bool:
        return self.provider_type in self.PUBLIC_TYPES
