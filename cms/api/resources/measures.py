"""Funding measures (shared by all municipalities): /api/v1/measures/."""

from typing import Any

from ninja import Field

from cms.api import jsonld
from cms.api.openapi import api_enum
from cms.api.registry import Context, TermFilter, kind_resource, register
from cms.api.resources.base import (
    PageFilters,
    PageOut,
    RichText,
    TermOut,
    Translated,
    labelled_term,
    language_of,
)
from pages.models import Agency, Fund, FundingMeasurePage, Programme
from pages.models.taxonomy import Period

PeriodCode = api_enum("Period", Period.values)


class MeasureFilters(PageFilters):
    programme: list[str] = Field([], description="Programme slugs")
    fund: list[str] = Field([], description="Fund slugs")
    agency: list[str] = Field([], description="Implementing agency slugs")
    period: list[PeriodCode] = []


class MeasureSummary(PageOut):
    code: str
    summary: str
    period: PeriodCode
    programme: TermOut
    priority: TermOut
    fund: TermOut | None
    agency: TermOut | None
    eu_amount: float | None
    total_amount: float | None

    resolve_programme = labelled_term("priority.programme")
    resolve_priority = labelled_term("priority")
    resolve_fund = labelled_term("fund")
    resolve_agency = labelled_term("agency")

    @staticmethod
    def resolve_period(page: FundingMeasurePage) -> str:
        return page.priority.programme.period


class MeasureDetail(MeasureSummary, Translated):
    specific_objective: str
    selection_method: str
    financing_form: str
    eligible_applicants: str
    funded_activities: RichText


def json_ld(page: FundingMeasurePage, context: Context) -> dict[str, Any]:
    language = language_of(page)
    agency = page.agency
    return jsonld.thing(
        page, context, "FundingScheme", identifier=page.code, description=page.summary,
        parentOrganization={"@type": "GovernmentOrganization", "name": agency.label(language),
                            "alternateName": agency.abbreviation} if agency else None,
        funder={"@type": "FundingScheme", "name": page.fund.label(language)}
        if page.fund else None,
        isPartOf={"@type": "CreativeWork", "name": page.priority.programme.label(language)},
        owns=jsonld.amount(page.total_amount if page.total_amount is not None
                           else page.eu_amount))


register(kind_resource(
    "measure", key="measures", filters=MeasureFilters,
    summary_schema=MeasureSummary, detail_schema=MeasureDetail, json_ld=json_ld,
    term_filters={"programme": TermFilter(Programme, "priority__programme__slug"),
                  "fund": TermFilter(Fund, "fund__slug"),
                  "agency": TermFilter(Agency, "agency__slug")},
    field_filters={"period": "priority__programme__period"},
    select_related=("locale", "priority__programme", "fund", "agency"),
))
