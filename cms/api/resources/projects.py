"""EU-funded projects: /api/v1/projects/."""

from datetime import date
from typing import Any, Literal

from ninja import Field, Schema

from cms.api import jsonld
from cms.api.registry import Context, TermFilter, kind_resource, register
from cms.api.resources.base import (
    PageFilters,
    PageOut,
    PageRef,
    TermOut,
    language_of,
    number,
    page_fields,
    page_ref,
    rich_text,
    terms,
)
from pages.models import Fund, ProjectPage, ServiceType, TargetGroup


class ProjectFilters(PageFilters):
    status: list[Literal["planned", "running", "completed"]] = []
    target_group: list[str] = Field([], description="Target group slugs")
    service_type: list[str] = Field([], description="Service type slugs")
    fund: list[str] = Field([], description="Fund slugs")


class ProjectSummary(PageOut):
    status: str
    project_code: str
    summary: str
    start_date: date | None
    end_date: date | None
    budget_total: float | None
    eu_amount: float | None
    municipalities: list[TermOut]
    target_groups: list[TermOut]
    service_types: list[TermOut]
    funds: list[TermOut]


class Partner(Schema):
    provider: PageRef
    role: str
    activity: str


class Indicator(Schema):
    name: str
    unit: str
    target: float
    achieved: float | None


class ProjectDetail(ProjectSummary):
    call_code: str
    goal: str
    body: str
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


def summary(page: ProjectPage, context: Context) -> dict[str, Any]:
    language = language_of(page)
    return {
        **page_fields(page, context, "project"), "status": page.status,
        "project_code": page.project_code, "summary": page.summary or page.goal,
        "start_date": page.start_date, "end_date": page.end_date,
        "budget_total": number(page.budget_total), "eu_amount": number(page.eu_amount),
        "municipalities": terms(page.municipalities, language),
        "target_groups": terms(page.target_groups, language),
        "service_types": terms(page.service_types, language),
        "funds": terms(page.funds, language),
    }


def detail(page: ProjectPage, context: Context) -> dict[str, Any]:
    return {
        **summary(page, context), "call_code": page.call_code, "goal": page.goal,
        "body": rich_text(page.body), "measure": page_ref(page.measure, context),
        "lead_beneficiary": page_ref(page.lead_beneficiary, context),
        "partners": [{"provider": provider, "role": partner.role, "activity": partner.activity}
                     for partner in page.partners.all()
                     if (provider := page_ref(partner.provider, context))],
        "results": [result.text for result in page.results.all()],
        "indicators": [{"name": item.name, "unit": item.unit, "target": float(item.target),
                        "achieved": number(item.achieved)} for item in page.indicators.all()],
        "national_amount": number(page.national_amount),
        "covers_all_lithuania": page.covers_all_lithuania, "capacity": page.capacity,
        "period": page.period, "street_address": page.street_address, "city": page.city,
    }


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
    summary_schema=ProjectSummary, detail_schema=ProjectDetail, summary=summary, detail=detail,
    json_ld=json_ld, date_field="start_date", municipality_lookups=("municipalities__slug",),
    term_filters={"target_group": TermFilter(TargetGroup, "target_groups__slug"),
                  "service_type": TermFilter(ServiceType, "service_types__slug"),
                  "fund": TermFilter(Fund, "funds__slug")},
    field_filters={"status": "status"},
    select_related=("locale", "measure", "lead_beneficiary"),
    prefetch_related=("municipalities", "target_groups", "service_types", "funds"),
))
