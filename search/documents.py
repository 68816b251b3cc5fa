"""Map published pages to denormalised search documents, in bulk (fetch → map).

`build_documents(ids)` answers, for each page id, the document to index or None when the page
must leave the public index (deleted, unpublished, private, or not a searchable type).
Every content kind (`pages.kinds`) has its mapping, declared next to its mapper below
(`register_mapping`): the relations joined in and prefetched, which also decide which changes
reach its documents (`read_lookups`).
"""

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any

from django.conf import settings
from django.db.models import ManyToManyField, Model, Prefetch
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail.models import Page, Site

from pages import models as content
from pages.codes import PROJECT_CODE
from pages.kinds import CONTENT_KINDS, content_kinds
from pages.public import is_public, public_pages, restricted_paths
from search.analysis import strip_html
from search.facets import budget_band

Document = dict[str, Any]
Mapper = Callable[[Any, "SiteDirectory"], Document]
EXPIRY_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


@dataclass(frozen=True)
class DocumentMapping:
    """How the documents of one content kind are built: its mapper, the related objects joined
    into the query and the relations prefetched."""

    kind_key: str
    mapper: Mapper
    related: tuple[str, ...] = ()
    prefetch: tuple[str, ...] = ()

    @property
    def model(self) -> type[Page]:
        return CONTENT_KINDS[self.kind_key].model


MAPPINGS: dict[str, DocumentMapping] = {}  # content kind's key → mapping


def register_mapping(mapping: DocumentMapping) -> DocumentMapping:
    MAPPINGS[mapping.kind_key] = mapping
    return mapping


def document_mappings() -> list[DocumentMapping]:
    """The mapping of every content kind, in the registry's order."""
    return [MAPPINGS[kind.key] for kind in content_kinds()]


def _slugs(terms: Iterable) -> list[str]:
    return sorted({term.slug for term in terms})


def _target_groups(terms: Iterable[content.TargetGroup]) -> list[str]:
    return sorted({group.slug for term in terms for group in term.with_broader()})


def fetched(page: Page, relation: str) -> list:
    """A relation build_documents prefetched into a plain list (see `_prefetches`)."""
    return getattr(page, f"{relation}_fetched")


def _prefetches(model: type[Model], lookups: Iterable[str]) -> list[Prefetch | str]:
    """A page shared by many pages (a measure, a lead beneficiary) is fetched once per batch,
    not joined into every row; a one-to-many relation goes into a list attribute, so Django
    builds no queryset per page. Many-to-many relations: see `_attach_shared`."""
    prefetches: list[Prefetch | str] = []
    for lookup in lookups:
        relation, _, rest = lookup.partition("__")
        if _is_shared(model, lookup):
            continue
        if model._meta.get_field(relation).one_to_many:
            prefetches.append(Prefetch(relation, to_attr=f"{relation}_fetched"))
            lookup = f"{relation}_fetched__{rest}" if rest else ""
        if lookup:
            prefetches.append(lookup)
    return prefetches


def _is_shared(model: type[Model], lookup: str) -> bool:
    return isinstance(model._meta.get_field(lookup.partition("__")[0]), ManyToManyField)


def _attach_shared(pages: list[Page], model: type[Model], lookup: str) -> None:
    """The targets of a many-to-many relation (terms) are built once per batch and shared by
    the pages that have them; a prefetch would build one object per page and term, most of a
    reindex's time (bench/README.md). `rest` of the lookup is joined into the targets."""
    relation, _, rest = lookup.partition("__")
    field = model._meta.get_field(relation)
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    pairs = list(field.remote_field.through.objects.filter(
        **{f"{source}__in": [page.pk for page in pages]}).values_list(source, target))
    targets = field.related_model.objects.filter(pk__in={target_id for _, target_id in pairs})
    ordered = {obj.pk: obj for obj in (targets.select_related(rest) if rest else targets)}
    rank = {pk: number for number, pk in enumerate(ordered)}
    by_page: dict[int, list] = defaultdict(list)
    for page_id, target_id in sorted(pairs, key=lambda pair: rank[pair[1]]):
        by_page[page_id].append(ordered[target_id])
    for page in pages:
        setattr(page, f"{relation}_fetched", by_page[page.pk])


def _labels(terms: Iterable) -> str:
    return " ".join(f"{term.label_lt} {term.label_en}" for term in terms)


def map_project(page: content.ProjectPage, directory: "SiteDirectory") -> Document:
    measure = page.measure if directory.is_public(page.measure) else None
    funds = fetched(page, "funds") + ([measure.fund] if measure and measure.fund else [])
    groups, services = fetched(page, "target_groups"), fetched(page, "service_types")
    start = page.start_date or page.agreement_date
    organisations = directory.public_only(
        [page.lead_beneficiary, *(partner.provider for partner in fetched(page, "partners"))])
    budget = page.budget_total if page.budget_total is not None else page.eu_amount
    period = measure.period if measure else PROJECT_CODE.period_of(page.project_code)
    return {
        "summary": page.summary or page.goal,
        "body": " ".join([page.goal, strip_html(page.body),
                          *(result.text for result in fetched(page, "results"))]),
        "codes": " ".join(filter(None, [page.project_code, page.call_code,
                                         measure.code if measure else ""])),
        "labels": " ".join([_labels([*groups, *services, *funds]),
                            *(organisation.title for organisation in organisations)]),
        "target_group": _target_groups(groups),
        "service_type": _slugs(services),
        "fund": _slugs(funds),
        "municipality": _slugs(fetched(page, "municipalities")),
        "all_lithuania": page.covers_all_lithuania,
        "measure": [measure.code] if measure else [],
        "programme": [measure.priority.programme.slug] if measure else [],
        "period": [period] if period else [],
        "status": [page.status],
        "start_year": [str(start.year)] if start else [],
        "start_date": start.isoformat() if start else None,
        "date": start.isoformat() if start else None,
        "budget": float(budget) if budget is not None else None,
    }


register_mapping(DocumentMapping(
    "project", map_project, related=("locale",),
    prefetch=("measure__fund", "measure__priority__programme", "lead_beneficiary",
              "target_groups__broader", "service_types", "municipalities", "funds", "results",
              "partners__provider")))


def map_measure(page: content.FundingMeasurePage, directory: "SiteDirectory") -> Document:
    programme = page.priority.programme
    funds = [page.fund] if page.fund else []
    amount = page.total_amount if page.total_amount is not None else page.eu_amount
    return {
        "summary": page.summary,
        "body": " ".join([page.specific_objective, page.eligible_applicants,
                          strip_html(page.funded_activities)]),
        "codes": page.code,
        "labels": _labels([*funds, programme, page.priority]),
        "fund": _slugs(funds),
        "measure": [page.code],
        "programme": [programme.slug],
        "period": [programme.period],
        "budget": float(amount) if amount is not None else None,
    }


register_mapping(DocumentMapping("measure", map_measure,
                                 related=("locale", "fund", "priority__programme")))


def map_provider(page: content.ProviderPage, directory: "SiteDirectory") -> Document:
    groups, services = fetched(page, "target_groups"), fetched(page, "service_types")
    return {
        "summary": strip_html(page.description)[:300],
        "body": " ".join([page.department, strip_html(page.description), page.street_address,
                          page.city]),
        "codes": page.legal_code,
        "labels": _labels([*groups, *services]),
        "target_group": _target_groups(groups),
        "service_type": _slugs(services),
        "municipality": [page.municipality.slug] if page.municipality else [],
    }


register_mapping(DocumentMapping("provider", map_provider, related=("locale", "municipality"),
                                 prefetch=("target_groups__broader", "service_types")))


def map_news(page: content.NewsPage, directory: "SiteDirectory") -> Document:
    published = page.date_published or (page.first_published_at and
                                        page.first_published_at.date())
    groups = fetched(page, "target_groups")
    return {
        "summary": page.lead,
        "body": " ".join([strip_html(page.body), *(f"{person.name} {person.position}"
                                                    for person in fetched(page, "people"))]),
        "labels": " ".join(filter(None, [_labels(groups), *(item.tag.name for item in
                                                            fetched(page, "tagged_items"))])),
        "target_group": _target_groups(groups),
        "municipality": [page.municipality.slug] if page.municipality else [],
        "date": published.isoformat() if published else None,
    }


register_mapping(DocumentMapping("news", map_news, related=("locale", "municipality"),
                                 prefetch=("people", "tagged_items__tag",
                                           "target_groups__broader")))


# what documents read through the site directory rather than through the page's relations:
# the county and region of each municipality, and the home page the page is published under
REGION_STEPS = ("county", "county__region")
HOME_LOOKUPS = ["municipality", *(f"municipality__{step}" for step in REGION_STEPS)]


def related_model_at(model: type[Model], lookup: str) -> type[Model]:
    """The model a `a__b__c` lookup arrives at; FieldDoesNotExist for a bad lookup."""
    for part in lookup.split("__"):
        model = model._meta.get_field(part).related_model
    return model


@cache
def read_lookups(content_type: str) -> list[str]:
    """Every relation a document of `content_type` reads, derived from its mapping: each step of
    each declared lookup, and the county and region behind every municipality. A change to any
    row at the end of one of them changes the document."""
    mapping = MAPPINGS[content_type]
    model = mapping.model
    steps = {"__".join(parts[:end]) for lookup in [*mapping.related, *mapping.prefetch]
             for parts in [lookup.split("__")] for end in range(1, len(parts) + 1)}
    steps |= {f"{step}__{region_step}" for step in list(steps) for region_step in REGION_STEPS
              if related_model_at(model, step) is content.Municipality}
    return sorted(steps)


class SiteDirectory:
    """Sites, their municipalities and the counties and regions of municipalities, loaded once
    per batch."""

    def __init__(self) -> None:
        homes = content.MunicipalityHomePage.objects.select_related("municipality", "locale")
        self.home_by_path = {home.path: home for home in homes}
        self._lithuanian_slug = {home.translation_key: home.slug for home in homes
                                 if home.locale.language_code == "lt"}
        places = list(content.Municipality.objects.values_list("slug", "county__slug",
                                                               "county__region__slug"))
        self.county_of = {slug: county for slug, county, _region in places}
        self.region_of = {slug: region for slug, _county, region in places}
        self.all_counties = sorted(set(self.county_of.values()))
        self.all_regions = sorted(set(self.region_of.values()))
        self.restricted_paths = restricted_paths()
        self.site_root_paths = Site.get_site_root_paths()
        self.expiries: list[datetime] = []

    def start_document(self) -> None:
        """From here on, `expiries` collects when each page judged public stops being so."""
        self.expiries = []

    def home_of(self, page: Page) -> content.MunicipalityHomePage | None:
        return self.home_by_path.get(page.path[: 2 * Page.steplen])

    def site_slug(self, home: content.MunicipalityHomePage) -> str:
        """A site is named by its Lithuanian home page's slug, in every language."""
        return self._lithuanian_slug.get(home.translation_key, home.slug)

    def is_public(self, page: Page | None) -> bool:
        if page is None or not is_public(page, self.restricted_paths):
            return False
        if page.expire_at:
            self.expiries.append(page.expire_at)
        return True

    def public_only(self, pages: Iterable[Page | None]) -> list[Page]:
        return [page for page in pages if self.is_public(page)]

    def url_of(self, page: Page) -> str:
        """The page's full URL on the first site holding it, as Wagtail's `get_full_url` gives
        it without a request; "" when no site holds the page or no URL serves pages."""
        site_root = next((root for root in self.site_root_paths
                          if page.url_path.startswith(root.root_path)), None)
        if site_root is None:
            return ""
        try:
            with translation.override(site_root.language_code):
                path = reverse("wagtail_serve",
                               args=(page.url_path[len(site_root.root_path):],))
        except NoReverseMatch:
            return ""
        if not getattr(settings, "WAGTAIL_APPEND_SLASH", True) and path != "/":
            path = path.rstrip("/")
        return site_root.root_url + path

    def is_indexable(self, page: Page) -> bool:
        """Public and in a municipality site."""
        return self.is_public(page) and self.home_of(page) is not None


def expiry_text(moment: datetime | None) -> str | None:
    """When a document stops being right to serve, as UTC text that sorts like time: its page
    expires, or a page it names does (engines hide it from that moment, and the pipeline
    rewrites it then)."""
    return moment.astimezone(UTC).strftime(EXPIRY_FORMAT) if moment else None


def expiry_moment(text: str) -> datetime:
    return datetime.strptime(text, EXPIRY_FORMAT).replace(tzinfo=UTC)


def map_page(page: Page, content_type: str, directory: SiteDirectory) -> Document | None:
    directory.start_document()
    if not directory.is_indexable(page):
        return None
    home = directory.home_of(page)
    document = MAPPINGS[content_type].mapper(page, directory)
    owner = home.municipality
    municipalities = sorted(set(document.pop("municipality", [])) |
                            ({owner.slug} if owner else set()))
    everywhere = document.pop("all_lithuania", False)
    language = page.locale.language_code
    return fingerprinted({
        "id": page.pk,
        "translation_key": str(page.translation_key),
        "content_type": content_type,
        "language": language,
        "site": directory.site_slug(home),
        "url": directory.url_of(page),
        "title": page.title,
        "codes": "",
        "labels": "",
        **document,
        "date": document.get("date") or (page.first_published_at and
                                         page.first_published_at.date().isoformat()),
        "municipality": municipalities,
        "county": directory.all_counties if everywhere else sorted(
            {directory.county_of[slug] for slug in municipalities}),
        "region": directory.all_regions if everywhere else sorted(
            {directory.region_of[slug] for slug in municipalities}),
        "budget_band": [band] if (band := budget_band(document.get("budget"))) else [],
        "expires_at": expiry_text(min(directory.expiries, default=None)),
    })


def fingerprinted(document: Document) -> Document:
    """The document with a fingerprint of its content: reconcile compares what the index holds
    with what the database says now, not only versions."""
    content = json.dumps(document, sort_keys=True, ensure_ascii=False, default=str)
    return {**document, "fingerprint": hashlib.sha256(content.encode()).hexdigest()[:20]}


def build_documents(page_ids: Iterable[int]) -> dict[int, Document | None]:
    """Documents for these pages; None for every id that must not be in the public index."""
    wanted = set(page_ids)
    documents: dict[int, Document | None] = dict.fromkeys(wanted)
    if not wanted:
        return documents
    directory = SiteDirectory()
    for mapping in document_mappings():
        model = mapping.model
        pages = list(model.objects.filter(pk__in=wanted, alias_of__isnull=True)
                     .select_related(*mapping.related)
                     .prefetch_related(*_prefetches(model, mapping.prefetch)))
        for lookup in (lookup for lookup in mapping.prefetch if _is_shared(model, lookup)):
            _attach_shared(pages, model, lookup)
        for page in pages:
            documents[page.pk] = map_page(page, mapping.kind_key, directory)
    return documents


def indexable_pages() -> list[Page]:
    """Every page that belongs in the public index (id and path only), without building it."""
    directory = SiteDirectory()
    return [page for mapping in document_mappings()
            for page in public_pages(mapping.model.objects.filter(alias_of__isnull=True))
            .only("path", "live", "expire_at")
            if directory.is_indexable(page)]


def searchable_page_ids(after: int = 0, limit: int | None = None) -> list[int]:
    """Ids of pages of a searchable type (published or not), in order: every one (rebuilds),
    or the first `limit` above `after` (a slice of reconcile)."""
    ids = sorted(pk for mapping in document_mappings()
                 for pk in mapping.model.objects.filter(pk__gt=after).order_by("pk")
                 .values_list("pk", flat=True)[:limit])
    return ids[:limit]
