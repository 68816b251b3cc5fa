"""News of the municipalities: /api/v1/news/."""

from datetime import date
from typing import Any, Literal

from ninja import Schema

from cms.api import jsonld
from cms.api.registry import Context, kind_resource, register
from cms.api.resources.base import PageFilters, PageOut, PageRef, page_fields, page_refs, rich_text
from pages.models import NewsPage

Kind = Literal[tuple(NewsPage.Kind.values)]


class NewsFilters(PageFilters):
    kind: list[Kind] = []


class Person(Schema):
    name: str
    position: str


class NewsSummary(PageOut):
    kind: str
    date: date | None
    lead: str


class NewsDetail(NewsSummary):
    body: str
    tags: list[str]
    people: list[Person]
    about_projects: list[PageRef]
    about_measures: list[PageRef]
    mentioned_providers: list[PageRef]
    image_credit: str


def published_on(page: NewsPage) -> date | None:
    return page.date_published or (page.first_published_at and page.first_published_at.date())


def summary(page: NewsPage, context: Context) -> dict[str, Any]:
    return {**page_fields(page, context, "news"), "kind": page.kind,
            "date": published_on(page), "lead": page.lead}


def detail(page: NewsPage, context: Context) -> dict[str, Any]:
    return {
        **summary(page, context), "body": rich_text(page.body),
        "tags": sorted(tag.name for tag in page.tags.all()),
        "people": [{"name": person.name, "position": person.position}
                   for person in page.people.all()],
        "about_projects": page_refs(page.about_projects.all(), context),
        "about_measures": page_refs(page.about_measures.all(), context),
        "mentioned_providers": page_refs(page.mentioned_providers.all(), context),
        "image_credit": page.image_credit,
    }


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
    summary_schema=NewsSummary, detail_schema=NewsDetail, summary=summary, detail=detail,
    json_ld=json_ld, date_field="date_published", municipality_lookups=("municipality__slug",),
    field_filters={"kind": "kind"}, select_related=("locale",),
))
