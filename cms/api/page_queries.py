"""Published pages of one resource, filtered and ordered as a list request asks."""

from django.db.models import F, Q, QuerySet
from django.utils.translation import gettext as _
from wagtail.models import Page

from cms.api.params import any_of, require_terms
from cms.api.registry import PageResource
from pages.listing import SORT_ORDERS
from pages.models import Municipality, MunicipalityHomePage
from pages.public import public_pages
from search.query import QueryError


def published(resource: PageResource) -> QuerySet:
    """Public pages only: drafts, expired and restricted pages never leave this queryset."""
    return (public_pages(resource.model.objects.filter(alias_of__isnull=True))
            .select_related(*resource.select_related)
            .prefetch_related(*resource.prefetch_related))


def in_municipalities(resource: PageResource, slugs: list[str]) -> Q:
    """Published on those municipalities' sites, or about them."""
    condition = Q(pk__in=[])
    for path in MunicipalityHomePage.objects.filter(
            municipality__slug__in=slugs).values_list("path", flat=True):
        condition |= Q(path__startswith=path)
    for lookup in resource.municipality_lookups:
        condition |= Q(**{f"{lookup}__in": slugs})
    return condition


def date_lookup(resource: PageResource) -> str:
    field = resource.model._meta.get_field(resource.date_field)
    return resource.date_field + ("__date" if field.get_internal_type() == "DateTimeField"
                                  else "")


def ordered(pages: QuerySet, resource: PageResource, sort: str) -> QuerySet:
    """In the sort's order (`relevance`, with no words to match, is `newest`), pages without
    the value last, then by id."""
    order = SORT_ORDERS[sort]
    values = {"title": F("title"), "date": F(resource.date_field), **resource.sort_values}
    if order.field not in values:
        raise QueryError("sort", _("The %(resource)s cannot be sorted by “%(sort)s”.")
                         % {"resource": resource.key, "sort": sort})
    value = values[order.field]
    key = value.desc(nulls_last=True) if order.descending else value.asc(nulls_last=True)
    return pages.order_by(key, "pk")


def filtered(resource: PageResource, filters) -> QuerySet:
    pages = published(resource)
    if filters.municipality:
        slugs = require_terms("municipality", Municipality, filters.municipality)
        pages = any_of(pages, in_municipalities(resource, slugs))
    if filters.language:
        pages = pages.filter(locale__language_code__in=filters.language)
    for parameter, term_filter in resource.term_filters.items():
        if slugs := getattr(filters, parameter):
            slugs = require_terms(parameter, term_filter.vocabulary, slugs)
            pages = any_of(pages, Q(**{f"{term_filter.lookup}__in": slugs}))
    for parameter, lookup in resource.field_filters.items():
        if values := getattr(filters, parameter):
            pages = pages.filter(**{f"{lookup}__in": values})
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        raise QueryError("date_to", _("“date_to” (%(to)s) is before “date_from” (%(from)s).")
                         % {"to": filters.date_to, "from": filters.date_from})
    if filters.date_from:
        pages = pages.filter(**{f"{date_lookup(resource)}__gte": filters.date_from})
    if filters.date_to:
        pages = pages.filter(**{f"{date_lookup(resource)}__lte": filters.date_to})
    if filters.translation_of:
        source = Page.objects.filter(pk=filters.translation_of).values("translation_key")
        pages = pages.filter(translation_key__in=source).exclude(pk=filters.translation_of)
    if filters.updated_since:
        pages = pages.filter(last_published_at__gte=filters.updated_since)
    return ordered(pages, resource, filters.sort)
