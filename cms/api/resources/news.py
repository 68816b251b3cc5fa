"""News of the municipalities: /api/v1/news/."""

from datetime import date
from typing import Any

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
    Translated,
    labelled_terms,
    public_pages,
)
from pages.models import NewsPage, TargetGroup

Kind = api_enum("NewsKind", NewsPage.Kind.values)


class NewsFilters(PageFilters):
    kind: list[Kind] = []
    target_group: list[str] = Field([], description="Target group slugs")


class Person(Schema):
    name: str
    position: str


def published_on(page: NewsPage) -> date | None:
    return page.date_published or (page.first_published_at and page.first_published_at.date())


class NewsSummary(PageOut):
    kind: Kind
    date: date | None
    lead: str
    target_groups: list[TargetGroupOut]

    resolve_date = staticmethod(published_on)
    resolve_target_groups = labelled_terms("target_groups")


class NewsDetail(NewsSummary, Translated):
    body: RichText
    tags: list[str]
    people: list[Person]
    about_projects: list[PageRef]
    about_measures: list[PageRef]
    mentioned_providers: list[PageRef]
    image_credit: str

    resolve_about_projects = public_pages("about_projects")
    resolve_about_measures = public_pages("about_measures")
    resolve_mentioned_providers = public_pages("mentioned_providers")

    @staticmethod
    def resolve_tags(page: NewsPage) -> list[str]:
        return sorted(tag.name for tag in page.tags.all())


def json_ld(page: NewsPage, context: Context) -> dict[str, Any]:
    day = published_on(page)
    home = context.directory.home_of(page)
    return jsonld.thing(
        page, context, "NewsArticle", headline=page.title, description=page.lead,
        datePublished=day.isoformat() if day else None,
        keywords=sorted(tag.name for tag in page.tags.all()),
        publisher={"@type": "GovernmentOrganization", "name": home.title} if home else None,
        about=jsonld.organizations(page.about_projects.all(), context, "Project"),
        mentions=[{"@type": "Person", "name": person.name, "jobTitle": person.position}
                  for person in page.people.all()])


register(kind_resource(
    "news", key="news", filters=NewsFilters,
    summary_schema=NewsSummary, detail_schema=NewsDetail, json_ld=json_ld,
    date_field="date_published", municipality_lookups=("municipality__slug",),
    term_filters={"target_group": TermFilter(TargetGroup, "target_groups__slug")},
    field_filters={"kind": "kind"}, select_related=("locale",),
    prefetch_related=("target_groups__broader",),
))
