"""Service providers and other organisations: /api/v1/providers/."""

from typing import Any

from ninja import Field, Schema

from cms.api import jsonld
from cms.api.openapi import api_enum
from cms.api.registry import Context, TermFilter, kind_resource, register
from cms.api.resources.base import (
    PageFilters,
    PageOut,
    RichText,
    TargetGroupOut,
    TermOut,
    Translated,
    labelled_terms,
    language_of,
    terms,
)
from pages.models import ProviderPage, ServiceType, TargetGroup

ProviderType = api_enum("ProviderType", ProviderPage.ProviderType.values)


class ProviderFilters(PageFilters):
    provider_type: list[ProviderType] = []
    target_group: list[str] = Field([], description="Target group slugs")
    service_type: list[str] = Field([], description="Service type slugs")


class Address(Schema):
    street_address: str
    city: str
    postal_code: str
    latitude: float | None
    longitude: float | None


class ProviderSummary(PageOut):
    provider_type: ProviderType
    legal_code: str
    city: str
    service_types: list[TermOut]
    target_groups: list[TargetGroupOut]

    resolve_service_types = labelled_terms("service_types")
    resolve_target_groups = labelled_terms("target_groups")


class ProviderDetail(ProviderSummary, Translated):
    department: str
    website: str
    description: RichText
    address: Address
    contact_phone: str
    contact_email: str

    @staticmethod
    def resolve_address(page: ProviderPage) -> ProviderPage:
        """The address's fields are the page's own."""
        return page


def json_ld(page: ProviderPage, context: Context) -> dict[str, Any]:
    language = language_of(page)
    kind = "GovernmentOrganization" if page.is_public else "Organization"
    services = [{"@type": "Offer", "itemOffered": {
        "@type": "GovernmentService", "name": service.label(language),
        "serviceType": service.get_category_display(),
        "provider": {"@id": context.url(page)},
        "audience": [{"@type": "Audience", "audienceType": group["label"]}
                     for group in terms(page.target_groups, language)],
    }} for service in page.service_types.all()]
    return jsonld.thing(
        page, context, kind, legalName=page.title, taxID=page.legal_code,
        sameAs=page.website, address=jsonld.address(page), location=jsonld.geo(page),
        contactPoint=jsonld.contact(page), makesOffer=services)


register(kind_resource(
    "provider", key="providers", filters=ProviderFilters,
    summary_schema=ProviderSummary, detail_schema=ProviderDetail, json_ld=json_ld,
    municipality_lookups=("municipality__slug",),
    term_filters={"target_group": TermFilter(TargetGroup, "target_groups__slug"),
                  "service_type": TermFilter(ServiceType, "service_types__slug")},
    field_filters={"provider_type": "provider_type"},
    select_related=("locale",), prefetch_related=("service_types", "target_groups__broader"),
))
