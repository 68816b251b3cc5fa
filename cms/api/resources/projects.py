"""EU-funded projects: /api/v1/projects/."""

from datetime import date
from typing import Any

from django.db.models import F
from django.db.models.functions import Coalesce
from ninja import Field, Schema

from cms.api import jsonld
from cms.api.openapi import api_enum
from cms.api.registry import Context, TermFilter, kind_resource, register
from cms.api.resources.base import (
    PageFilters,
    PageOut,
    PageRef,
    RichText,
    TargetGroupOut,
    TermOut,
    Translated,
    labelled_terms,
    language_of,
    public_page,
    terms,
)
from pages.models import Fund, ProjectPage, ServiceType, TargetGroup

ProjectStatus = api_enum("ProjectStatus", ProjectPage.Status.values)


class ProjectFilters(PageFilters):
    status: list[ProjectStatus] = []
    target_group: list[str] = Field([], description="Target group slugs")
    service_type: list[str] = Field([], description="Service type slugs")
    fund: list[str] = Field([], description="Fund slugs")


class ProjectSummary(PageOut):
    status: ProjectStatus
    project_code: str
    summary: str
    start_date: date | None
    end_date: date | None
    budget_total: float | None
    eu_amount: float | None
    municipalities: list[TermOut]
    target_groups: list[TargetGroupOut]
    service_types: list[TermOut]
    funds: list[TermOut]

    resolve_municipalities = labelled_terms("municipalities")
    resolve_target_groups = labelled_terms("target_groups")
    resolve_service_types = labelled_terms("service_types")
    resolve_funds = labelled_terms("funds")

    @staticmethod
    def resolve_summary(page: ProjectPage) -> str:
        return page.summary or page.goal


class Partner(Schema):
    provider: PageRef
    role: str
    activity: str


class Indicator(Schema):
    name: str
    unit: str
    target: float
    achieved: float | None


class ProjectDetail(ProjectSummary, Translated):
    call_code: str
    goal: str
    body: RichText
    measure: PageRef | None
    lead_beneficiary: PageRef | None
    partners: list[Partner]
    results: list[str]
    indicators: list[Indicator]
    national_amount: float | None
    covers_all_lithuania: bool
    capacity: int | None
    period: str | None
    street_address: str
    city: str

    resolve_measure = public_page("measure")
    resolve_lead_beneficiary = public_page("lead_beneficiary")

    @staticmethod
    def resolve_partners(page: ProjectPage, context: dict) -> list:
        """Partners that are public pages; any other is never named."""
        api_context = Context.of_validation(context)
        return [partner for partner in page.partners.all()
                if api_context.is_public(partner.provider)]

    @staticmethod
    def resolve_results(page: ProjectPage) -> list[str]:
        return [result.text for result in page.results.all()]


def json_ld(page: ProjectPage, context: Context) -> dict[str, Any]:
    language = language_of(page)
    grant = jsonld.without_empty({
        "@type": "MonetaryGrant", "identifier": page.project_code,
        "amount": jsonld.amount(page.eu_amount),
        "funder": [{"@type": "FundingScheme", "name": fund.label(language),
                    "identifier": fund.slug} for fund in page.funds.all()],
        "isPartOf": jsonld.organization(page.measure, context),
    })
    return jsonld.thing(
        page, context, "Project", description=page.summary or page.goal,
        identifier=page.project_code, funding=grant,
        member=jsonld.organizations((partner.provider for partner in page.partners.all()),
                                    context),
        parentOrganization=jsonld.organization(page.lead_beneficiary, context),
        areaServed=jsonld.places(page.municipalities, language),
        audience=[{"@type": "Audience", "audienceType": group["label"]}
                  for group in terms(page.target_groups, language)],
        foundingDate=page.start_date.isoformat() if page.start_date else None,
        dissolutionDate=page.end_date.isoformat() if page.end_date else None,
        address=jsonld.address(page), location=jsonld.geo(page),
        contactPoint=jsonld.contact(page))


register(kind_resource(
    "project", key="projects", filters=ProjectFilters,
    summary_schema=ProjectSummary, detail_schema=ProjectDetail, json_ld=json_ld,
    date_field="start_date", municipality_lookups=("municipalities__slug",),
    term_filters={"target_group": TermFilter(TargetGroup, "target_groups__slug"),
                  "service_type": TermFilter(ServiceType, "service_types__slug"),
                  "fund": TermFilter(Fund, "funds__slug")},
    field_filters={"status": "status"},
    # the budget the search sorts by (`search.documents`): the total value, else the EU amount
    sort_values={"start_date": F("start_date"), "budget": Coalesce("budget_total", "eu_amount")},
    select_related=("locale", "measure", "lead_beneficiary"),
    prefetch_related=("municipalities", "target_groups__broader", "service_types", "funds"),
))
