"""Which keys each import type (a content kind, `pages.kinds`) accepts, how each is resolved and
whether it is translatable."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from wagtail.models import Orderable, Page

from pages import models as content
from pages.importing import values
from pages.importing.values import Converter, LineError, described
from pages.kinds import ContentKind, content_kinds

Resolver = Callable[[Any], Any]


@dataclass(frozen=True)
class FieldSpec:
    key: str
    resolve: Resolver
    translatable: bool = False


def plain(converter: Converter) -> Resolver:
    return converter


def term(model: type[models.Model]) -> Resolver:
    def resolve(slug: Any) -> models.Model | None:
        if slug is None:
            return None
        found = model.objects.filter(slug=values.text(slug)).first()
        if found is None:
            raise LineError(_("unknown value “%(value)s” (%(vocabulary)s)")
                            % {"value": slug, "vocabulary": model._meta.verbose_name})
        return found

    return resolve


def terms(model: type[models.Model]) -> Resolver:
    def resolve(slugs: Any) -> list[models.Model]:
        wanted = values.string_list(slugs)
        found = {obj.slug: obj for obj in model.objects.filter(slug__in=wanted)}
        unknown = [slug for slug in wanted if slug not in found]
        if unknown:
            raise LineError(_("unknown values %(values)s (%(vocabulary)s)")
                            % {"values": unknown, "vocabulary": model._meta.verbose_name_plural})
        return [found[slug] for slug in wanted]

    return resolve


def imported_page(model: type[Page], external_id: Any) -> Page:
    keys = content.ImportedItem.objects.filter(external_id=values.text(external_id))
    page = model.objects.filter(translation_key__in=keys.values("translation_key"),
                                locale__language_code="lt").first()
    if page is None:
        raise LineError(_("no %(kind)s with id “%(id)s”")
                        % {"kind": model._meta.verbose_name, "id": external_id})
    return page


def page_ref(model: type[Page]) -> Resolver:
    return lambda external_id: None if external_id is None else imported_page(model, external_id)


def page_refs(model: type[Page]) -> Resolver:
    return lambda ids: [imported_page(model, external_id) for external_id in
                        values.string_list(ids)]


RECORD_PARENT_FIELDS = ["page", "locale"]  # a record has them once saved with its page


def checked_record(record: models.Model, position: int, single_field: bool = False
                   ) -> models.Model:
    """The record, if its model accepts every field of it (`full_clean`); else a LineError
    naming the item and each field refused (only the item, for records of a `single_field`
    the line gives as a text)."""
    try:
        record.full_clean(exclude=RECORD_PARENT_FIELDS, validate_unique=False,
                          validate_constraints=False)
    except ValidationError as error:
        refused = " ".join(error.messages) if single_field else described(error)
        raise LineError(_("item %(position)s: %(error)s")
                        % {"position": position, "error": refused}) from None
    return record


def in_line_order(records: list[models.Model]) -> list[models.Model]:
    """Records numbered as the line lists them: an orderable record (`Orderable`) keeps its
    place wherever it is read, as one an editor orders in the admin does."""
    for place, record in enumerate(records):
        if isinstance(record, Orderable):
            record.sort_order = place
    return records


def children(model: type[models.Model], **resolvers: Resolver) -> Resolver:
    def resolve(items: Any) -> list[models.Model]:
        built = []
        for position, item in enumerate(values.object_list(items), start=1):
            unknown = set(item) - set(resolvers)
            if unknown:
                raise LineError(_("unknown keys %(keys)s in item %(position)s")
                                % {"keys": sorted(unknown), "position": position})
            try:
                record = model(**{key: resolvers[key](raw) for key, raw in item.items()})
            except LineError as error:
                raise LineError(_("item %(position)s: %(error)s")
                                % {"position": position, "error": error}) from None
            built.append(checked_record(record, position))
        return in_line_order(built)

    return resolve


def text_children(model: type[models.Model], field: str) -> Resolver:
    return lambda items: in_line_order([
        checked_record(model(**{field: item}), position, single_field=True)
        for position, item in enumerate(values.string_list(items), start=1)])


def fields(*specs: FieldSpec) -> dict[str, FieldSpec]:
    return {spec.key: spec for spec in specs}


def texts(*keys: str, translatable: bool = True) -> list[FieldSpec]:
    return [FieldSpec(key, values.text, translatable) for key in keys]


def rich_texts(model: type[Page], *keys: str) -> list[FieldSpec]:
    """Translatable rich-text fields, each cleaned for the features of its model field."""
    return [FieldSpec(key, values.rich_text(model._meta.get_field(key).features), True)
            for key in keys]


ADDRESS_AND_CONTACT = [
    *texts("street_address", "city", "postal_code", "contact_name", "contact_phone",
           "contact_email", translatable=False),
    *texts("contact_department"),
    FieldSpec("latitude", values.coordinate), FieldSpec("longitude", values.coordinate),
]
SOURCE = [*texts("source_url", translatable=False), FieldSpec("source_date", values.date)]

PROJECT = fields(
    *texts("summary", "goal"),
    *rich_texts(content.ProjectPage, "body"),
    *texts("project_code", "call_code", "kohesio_id", "image_credit", translatable=False),
    FieldSpec("results", text_children(content.ProjectResult, "text"), True),
    FieldSpec("indicators", children(content.ProjectIndicator, name=values.text,
                                     unit=values.text, target=values.money,
                                     achieved=values.money), True),
    FieldSpec("links", children(content.ProjectLink, title=values.text, url=values.text,
                                kind=values.choice(content.ProjectLink.Kind))),
    FieldSpec("partners", children(content.ProjectPartner,
                                   provider=page_ref(content.ProviderPage),
                                   role=values.choice(content.ProjectPartner.Role),
                                   activity=values.text)),
    FieldSpec("measure", page_ref(content.FundingMeasurePage)),
    FieldSpec("status", values.choice(content.ProjectPage.Status)),
    FieldSpec("lead_beneficiary", page_ref(content.ProviderPage)),
    FieldSpec("municipalities", terms(content.Municipality)),
    FieldSpec("covers_all_lithuania", values.boolean),
    FieldSpec("target_groups", terms(content.TargetGroup)),
    FieldSpec("service_types", terms(content.ServiceType)),
    FieldSpec("funds", terms(content.Fund)),
    *[FieldSpec(key, values.money) for key in ("budget_total", "eu_amount", "national_amount")],
    *[FieldSpec(key, values.date) for key in ("agreement_date", "start_date", "end_date")],
    FieldSpec("capacity", values.whole_number),
    *ADDRESS_AND_CONTACT,
    *SOURCE,
)

MEASURE = fields(
    *texts("specific_objective", "financing_form", "eligible_applicants", "summary"),
    *rich_texts(content.FundingMeasurePage, "funded_activities"),
    *texts("code", translatable=False),
    FieldSpec("priority", term(content.Priority)),
    FieldSpec("agency", term(content.Agency)),
    FieldSpec("fund", term(content.Fund)),
    FieldSpec("selection_method", values.choice(content.FundingMeasurePage.SelectionMethod)),
    FieldSpec("eu_amount", values.money),
    FieldSpec("total_amount", values.money),
    *SOURCE,
)

PROVIDER = fields(
    *texts("department"),
    *rich_texts(content.ProviderPage, "description"),
    *texts("legal_code", "website", translatable=False),
    FieldSpec("provider_type", values.choice(content.ProviderPage.ProviderType)),
    FieldSpec("municipality", term(content.Municipality)),
    FieldSpec("service_types", terms(content.ServiceType)),
    FieldSpec("target_groups", terms(content.TargetGroup)),
    FieldSpec("predecessor", page_ref(content.ProviderPage)),
    *ADDRESS_AND_CONTACT,
    *SOURCE,
)

NEWS = fields(
    *texts("lead"),
    *rich_texts(content.NewsPage, "body"),
    *texts("image_credit", translatable=False),
    FieldSpec("date_published", values.date),
    FieldSpec("kind", values.choice(content.NewsPage.Kind)),
    FieldSpec("municipality", term(content.Municipality)),
    FieldSpec("target_groups", terms(content.TargetGroup)),
    FieldSpec("about_projects", page_refs(content.ProjectPage)),
    FieldSpec("about_measures", page_refs(content.FundingMeasurePage)),
    FieldSpec("mentioned_providers", page_refs(content.ProviderPage)),
    FieldSpec("people", children(content.NewsPerson, name=values.text, position=values.text),
              True),
    FieldSpec("tags", values.string_list),
    *SOURCE,
)
# content kind's key → the keys its import lines may carry
FIELDS_BY_KIND = {"project": PROJECT, "measure": MEASURE, "provider": PROVIDER, "news": NEWS}


@dataclass(frozen=True)
class ImportKind:
    """A content kind as the import writes it: its models and the keys its lines may carry."""

    kind: ContentKind
    fields: dict[str, FieldSpec]

    @property
    def model(self) -> type[Page]:
        return self.kind.model

    @property
    def index_model(self) -> type[Page]:
        return self.kind.section_model


def import_kinds() -> dict[str, ImportKind]:
    """The import types, one per content kind (a line's `type` is the kind's key); every kind
    declares its fields in FIELDS_BY_KIND."""
    return {kind.key: ImportKind(kind, FIELDS_BY_KIND[kind.key]) for kind in content_kinds()}


COMMON_KEYS = {"id", "type", "locale", "site", "title", "slug", "live"}
