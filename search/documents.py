"""Map published pages to denormalised search documents, in bulk (fetch → map).

`build_documents(ids)` answers, for each page id, the document to index or None when the page
must leave the public index (deleted, unpublished, private, or not a searchable type).
Every content kind (`pages.kinds`) has its mapping, declared next to its mapper below
(`register_mapping`): the relations its documents read, which are joined into the batch's rows
and also decide which changes reach its documents (`read_lookups`). Documents are built from
rows of values, not model instances: a page instance costs more to make than its document.
"""

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from types import SimpleNamespace
from typing import Any

import orjson
from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db.models import F, Field, ForeignObjectRel, Lookup, Model, QuerySet
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
Mapper = Callable[["Row", "SiteDirectory"], Document]
EXPIRY_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


class Row(SimpleNamespace):
    """A page or a related object as the database's row: its fields by attribute name (a
    foreign key's as `<name>_id`), and the relations build_documents joins in: a to-one
    relation as a row (or None), a to-many one as a list of rows."""

    pk: Any


@dataclass(frozen=True)
class DocumentMapping:
    """How the documents of one content kind are built: its mapper and the relations it reads,
    to-one ones in `related` and to-many ones in `prefetch` (lookups such as
    `measure__priority__programme`); each is joined into the rows of a batch (`join_rows`)."""

    kind_key: str
    mapper: Mapper
    related: tuple[str, ...] = ()
    prefetch: tuple[str, ...] = ()

    @property
    def model(self) -> type[Page]:
        return CONTENT_KINDS[self.kind_key].model

    @property
    def relations(self) -> tuple[str, ...]:
        """Every relation read, the page's locale (which every document reads) included."""
        return ("locale", *self.related, *self.prefetch)


MAPPINGS: dict[str, DocumentMapping] = {}  # content kind's key → mapping


def register_mapping(mapping: DocumentMapping) -> DocumentMapping:
    MAPPINGS[mapping.kind_key] = mapping
    return mapping


def document_mappings() -> list[DocumentMapping]:
    """The mapping of every content kind, in the registry's order."""
    return [MAPPINGS[kind.key] for kind in content_kinds()]


def _slugs(terms: Iterable[Row]) -> list[str]:
    return sorted({term.slug for term in terms})


def _target_groups(terms: Iterable[Row]) -> list[str]:
    """The slugs of the target groups and of the broader group of each."""
    return sorted({group.slug for term in terms for group in (term, term.broader) if group})


class AnyOf(Lookup):
    """A field's value is one of a list of ids, sent as one array parameter on PostgreSQL
    (`= ANY(%s)`: a query text its driver parses once, whatever the batch), as `IN` elsewhere.
    Used in a filter as `AnyOf(F(field), ids)` (see `among`), not registered as a lookup."""

    prepare_rhs = False

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        ids = list(self.rhs)
        if not ids:
            raise EmptyResultSet
        column, params = self.process_lhs(compiler, connection)
        if connection.vendor == "postgresql":
            return f"{column} = ANY(%s)", [*params, ids]
        return f"{column} IN ({', '.join(['%s'] * len(ids))})", [*params, *ids]


def among(queryset: QuerySet, field: str, ids: Collection[Any]) -> QuerySet:
    """The rows of `queryset` whose `field` is one of `ids`."""
    return queryset.filter(AnyOf(F(field), ids))


# the columns of Wagtail's page that documents read (`map_page`, `is_public`); of a content
# kind's page, every column of its own is read too (`page_columns`)
PAGE_COLUMNS = ("id", "path", "url_path", "live", "expire_at", "title", "translation_key",
                "locale_id", "first_published_at")


@cache
def page_columns(model: type[Page]) -> tuple[str, ...]:
    """The columns a page of `model` is read with: `PAGE_COLUMNS` and the model's own."""
    wagtail_columns = {field.attname for field in Page._meta.concrete_fields}
    return (*PAGE_COLUMNS, *(field.attname for field in model._meta.concrete_fields
                             if field.attname not in wagtail_columns))


def rows_of(queryset: QuerySet) -> list[Row]:
    model = queryset.model
    pk_name = model._meta.pk.attname
    columns = page_columns(model) if issubclass(model, Page) else ()
    return [Row(pk=values[pk_name], **values) for values in queryset.values(*columns)]


def _lookup_tree(lookups: Iterable[str]) -> dict[str, dict]:
    """`a__b`, `a__c`, `d` → {a: {b: {}, c: {}}, d: {}}."""
    tree: dict[str, dict] = {}
    for lookup in lookups:
        node = tree
        for part in lookup.split("__"):
            node = node.setdefault(part, {})
    return tree


def join_rows(rows: list[Row], model: type[Model], lookups: Iterable[str],
              directory: "SiteDirectory") -> None:
    """Join these relations into the rows with one query per relation, or none: pages are read
    per batch, every other related object (vocabulary terms, locales, tags) is kept by the
    directory. A to-many relation keeps the related model's ordering, as the ORM gives it."""
    _join_tree(rows, model, _lookup_tree(lookups), directory)


def _join_tree(rows: list[Row], model: type[Model], tree: dict[str, dict],
               directory: "SiteDirectory") -> None:
    for name, rest in tree.items():
        field = model._meta.get_field(name)
        if field.many_to_many:
            targets = _join_many_to_many(rows, field, directory)
        elif field.one_to_many:
            targets = _join_one_to_many(rows, field)
        else:
            targets = _join_to_one(rows, field, directory)
        if rest and targets:
            _join_tree(targets, field.related_model, rest, directory)


def _join_to_one(rows: list[Row], field: Field, directory: "SiteDirectory") -> list[Row]:
    ids = {getattr(row, field.attname) for row in rows} - {None}
    targets = directory.rows_by_pk(field.related_model, ids)
    for row in rows:
        setattr(row, field.name, targets.get(getattr(row, field.attname)))
    return list(targets.values())


def _join_one_to_many(rows: list[Row], relation: ForeignObjectRel) -> list[Row]:
    key = relation.field.attname
    children = rows_of(among(relation.related_model._default_manager.all(), key,
                             [row.pk for row in rows]))
    by_parent: dict[Any, list[Row]] = defaultdict(list)
    for child in children:
        by_parent[getattr(child, key)].append(child)
    for row in rows:
        setattr(row, relation.name, by_parent[row.pk])
    return children


def _join_many_to_many(rows: list[Row], field: Field, directory: "SiteDirectory") -> list[Row]:
    through = field.remote_field.through
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    pairs = list(among(through.objects.all(), through._meta.get_field(source).attname,
                       [row.pk for row in rows]).values_list(source, target))
    targets = directory.rows_by_pk(field.related_model, {target_id for _, target_id in pairs})
    rank = {pk: number for number, pk in enumerate(targets)}
    by_row: dict[Any, list[Row]] = defaultdict(list)
    for row_id, target_id in sorted(pairs, key=lambda pair: rank[pair[1]]):
        by_row[row_id].append(targets[target_id])
    for row in rows:
        setattr(row, field.name, by_row[row.pk])
    return list(targets.values())


def _labels(terms: Iterable[Row]) -> str:
    return " ".join(f"{term.label_lt} {term.label_en}" for term in terms)


def map_project(page: Row, directory: "SiteDirectory") -> Document:
    measure = page.measure if directory.is_public(page.measure) else None
    funds = page.funds + ([measure.fund] if measure and measure.fund else [])
    groups, services = page.target_groups, page.service_types
    start = page.start_date or page.agreement_date
    organisations = directory.public_only(
        [page.lead_beneficiary, *(partner.provider for partner in page.partners)])
    budget = page.budget_total if page.budget_total is not None else page.eu_amount
    period = (measure.priority.programme.period if measure
              else PROJECT_CODE.period_of(page.project_code))
    return {
        "summary": page.summary or page.goal,
        "body": " ".join([page.goal, strip_html(page.body),
                          *(result.text for result in page.results)]),
        "codes": " ".join(filter(None, [page.project_code, page.call_code,
                                         measure.code if measure else ""])),
        "labels": " ".join([_labels([*groups, *services, *funds]),
                            *(organisation.title for organisation in organisations)]),
        "target_group": _target_groups(groups),
        "service_type": _slugs(services),
        "fund": _slugs(funds),
        "municipality": _slugs(page.municipalities),
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


def map_measure(page: Row, directory: "SiteDirectory") -> Document:
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


def map_provider(page: Row, directory: "SiteDirectory") -> Document:
    groups, services = page.target_groups, page.service_types
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


def map_news(page: Row, directory: "SiteDirectory") -> Document:
    published = page.date_published or (page.first_published_at and
                                        page.first_published_at.date())
    groups = page.target_groups
    return {
        "summary": page.lead,
        "body": " ".join([strip_html(page.body), *(f"{person.name} {person.position}"
                                                    for person in page.people)]),
        "labels": " ".join(filter(None, [_labels(groups), *(item.tag.name for item in
                                                            page.tagged_items)])),
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
    """What documents read besides their pages: sites, their municipalities, the counties and
    regions of municipalities, view restrictions, and the objects pages point at (vocabulary
    terms, locales, tags, and pages such as measures and organisations). Read for each batch
    of the drain; one rebuild shares one directory between its batches."""

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
        self._first_site_root: dict[str, tuple[int, Any]] = {}  # root path → first in order
        for position, root in enumerate(self.site_root_paths):
            self._first_site_root.setdefault(root.root_path, (position, root))
        self.expiries: list[datetime] = []
        self._tables: dict[type[Model], dict[Any, Row]] = {}
        self._pages: dict[type[Page], dict[Any, Row]] = {}
        self._serving_prefixes: dict[str, str | None] = {}

    def start_document(self) -> None:
        """From here on, `expiries` collects when each page judged public stops being so."""
        self.expiries = []

    def rows_by_pk(self, model: type[Model], ids: Collection[Any]) -> dict[Any, Row]:
        """The rows of these objects in their model's ordering, as the database sorts it:
        pages as they were when this directory first read them; of other objects (vocabulary
        terms, locales, tags), the whole table is read once, and again only when one of them
        is new."""
        if not ids:
            return {}
        if issubclass(model, Page):
            return self._page_rows(model, ids)
        table = self._tables.get(model)
        if table is None or not table.keys() >= set(ids):
            table = self._tables[model] = {row.pk: row for row in rows_of(
                model._default_manager.all())}
        return {pk: row for pk, row in table.items() if pk in ids}

    def _page_rows(self, model: type[Page], ids: Collection[Any]) -> dict[Any, Row]:
        """Pages read once by this directory, each when first asked for (the pages a batch's
        pages point at, measures and organisations, are few and shared by many), in their
        model's ordering (by tree path)."""
        table = self._pages.setdefault(model, {})
        if missing := set(ids) - table.keys():
            table.update((row.pk, row) for row in rows_of(among(model._default_manager.all(),
                                                                "pk", missing)))
        found = sorted((table[pk] for pk in ids if pk in table), key=lambda row: row.path)
        return {row.pk: row for row in found}

    def home_of(self, page: Page | Row) -> content.MunicipalityHomePage | None:
        return self.home_by_path.get(page.path[: 2 * Page.steplen])

    def site_slug(self, home: content.MunicipalityHomePage) -> str:
        """A site is named by its Lithuanian home page's slug, in every language."""
        return self._lithuanian_slug.get(home.translation_key, home.slug)

    def is_public(self, page: Page | Row | None) -> bool:
        if page is None or not is_public(page, self.restricted_paths):
            return False
        if page.expire_at:
            self.expiries.append(page.expire_at)
        return True

    def public_only(self, pages: Iterable[Page | Row | None]) -> list[Page | Row]:
        return [page for page in pages if self.is_public(page)]

    def url_of(self, page: Page | Row) -> str:
        """The page's full URL on the first site holding it (in the order of Wagtail's site
        root paths, whose root path is one of the page's path prefixes), as Wagtail's
        `get_full_url` gives it without a request; "" when no site holds the page or no URL
        serves pages."""
        holding = [self._first_site_root[prefix] for prefix in _path_prefixes(page.url_path)
                   if prefix in self._first_site_root]
        if not holding:
            return ""
        _position, site_root = min(holding, key=lambda found: found[0])
        path = self._serving_path(site_root.language_code,
                                  page.url_path[len(site_root.root_path):])
        if path is None:
            return ""
        if not getattr(settings, "WAGTAIL_APPEND_SLASH", True) and path != "/":
            path = path.rstrip("/")
        return site_root.root_url + path

    def _serving_path(self, language: str, page_path: str) -> str | None:
        """The path Wagtail's page-serving URL gives a page in a language (None when it
        serves none). A path of plain ASCII slugs is the same after the language's prefix,
        which is reversed once; any other path is reversed for itself."""
        if language not in self._serving_prefixes:
            self._serving_prefixes[language] = _reversed_serving_path(language, "")
        prefix = self._serving_prefixes[language]
        if prefix is not None and PLAIN_SLUGS.fullmatch(page_path):
            return prefix + page_path
        return _reversed_serving_path(language, page_path)

    def is_indexable(self, page: Page | Row) -> bool:
        """Public and in a municipality site."""
        return self.is_public(page) and self.home_of(page) is not None


def _path_prefixes(url_path: str) -> Iterator[str]:
    """"/a/b/" → "/", "/a/", "/a/b/"."""
    end = url_path.find("/")
    while end != -1:
        yield url_path[:end + 1]
        end = url_path.find("/", end + 1)


PLAIN_SLUGS = re.compile(r"(?:[A-Za-z0-9_-]+/)*")  # what URL reversing neither quotes nor refuses


def _reversed_serving_path(language: str, page_path: str) -> str | None:
    try:
        with translation.override(language):
            return reverse("wagtail_serve", args=(page_path,))
    except NoReverseMatch:
        return None


def expiry_text(moment: datetime | None) -> str | None:
    """When a document stops being right to serve, as UTC text that sorts like time: its page
    expires, or a page it names does (engines hide it from that moment, and the pipeline
    rewrites it then)."""
    return moment.astimezone(UTC).strftime(EXPIRY_FORMAT) if moment else None


def expiry_moment(text: str) -> datetime:
    return datetime.strptime(text, EXPIRY_FORMAT).replace(tzinfo=UTC)


def map_page(page: Row, content_type: str, directory: SiteDirectory) -> Document | None:
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
    with what the database says now, not only versions. How it is made is part of every
    engine's schema (`SearchEngine.schema_version`), so that an index holding fingerprints made
    otherwise is rebuilt rather than found stale document by document."""
    content = orjson.dumps(document, default=str, option=orjson.OPT_SORT_KEYS)
    return {**document, "fingerprint": hashlib.sha256(content).hexdigest()[:20]}


def build_documents(page_ids: Iterable[int], directory: SiteDirectory | None = None
                    ) -> dict[int, Document | None]:
    """Documents for these pages; None for every id that must not be in the public index.
    Without a `directory` (which the batches of one rebuild share), a fresh one is read."""
    wanted = set(page_ids)
    documents: dict[int, Document | None] = dict.fromkeys(wanted)
    if not wanted:
        return documents
    if directory is None:
        directory = SiteDirectory()
    for mapping in document_mappings():
        pages = rows_of(among(mapping.model.objects.filter(alias_of__isnull=True), "pk",
                              wanted))
        if pages:
            join_rows(pages, mapping.model, mapping.relations, directory)
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


def searchable_page_ids(after: int = 0, limit: int | None = None, upto: int | None = None
                        ) -> list[int]:
    """Ids of pages of a searchable type (published or not), in order: every one (rebuilds),
    those above `after` up to `upto` (a chunk of a rebuild), or the first `limit` above `after`
    (a slice of reconcile)."""
    below = {} if upto is None else {"pk__lte": upto}
    ids = sorted(pk for mapping in document_mappings()
                 for pk in mapping.model.objects.filter(pk__gt=after, **below).order_by("pk")
                 .values_list("pk", flat=True)[:limit])
    return ids[:limit]
