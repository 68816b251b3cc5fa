from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from pages.codes import legal_code_validator
from pages.links import PublicLinksModel
from pages.models.common import (
    AddressFields,
    ContactFields,
    SourceFields,
    copied_untranslated,
    described,
    edit_tabs,
    title_panel,
    vocabulary,
)
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
        title_panel,
        described("description", _("What the organisation does and for whom."), public=True),
    ]
    classification_panels = [
        MultiFieldPanel([
            FieldPanel("provider_type"),
            described("legal_code", _("The nine-digit code in the Register of Legal Entities.")),
            FieldPanel("municipality"), FieldPanel("department"),
            described("predecessor", _("The organisation whose work this one continues."))],
            heading=_("Organisation")),
        vocabulary("service_types", _("The services it provides: tick every one.")),
        vocabulary("target_groups", _("Whom it serves: tick every group.")),
    ]
    contact_panels = [
        described("website", _("The full address, e.g. https://www.alytus.lt.")),
        *ContactFields.contact_panels,
        *AddressFields.address_panels,
        *SourceFields.source_panels,
    ]
    edit_handler = edit_tabs(content_panels, classification_panels, contacts=contact_panels)
    override_translatable_fields = copied_untranslated(
        "service_types", "target_groups", "legal_code", "website",
        *ContactFields.untranslated_fields, *AddressFields.untranslated_fields,
        *SourceFields.untranslated_fields)

    class Meta:
        verbose_name = _("service provider")
        verbose_name_plural = _("service providers")

    @property
    def is_public(self) -> bool:
        return self.provider_type in self.PUBLIC_TYPES
