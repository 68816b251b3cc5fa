"""Write one parsed import line: create or update the page (or its translation) and publish.

A new page is saved live and then given its revision, as Wagtail's own page copy does
(wagtail/actions/copy_page.py): Wagtail's publish of a new page would read it back from the
revision's JSON and save it, its relations included, a second time, which would cost about
a third of an import's time (bench/README.md). Changes to existing pages go through Wagtail's
publish.
"""

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from anyascii import anyascii
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug
from wagtail.log_actions import log
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.signals import page_published

from pages.importing.schema import COMMON_KEYS, ImportKind, import_kinds
from pages.importing.values import LineError, boolean, described, text
from pages.models import ImportedItem, MunicipalityHomePage

SOURCE_LANGUAGE = "lt"
TRANSLATION_LANGUAGES = {"en"}


@dataclass
class Outcome:
    action: str  # "created", "updated", "unchanged"
    page: Page


def line_hash(data: dict) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def import_line(data: Any) -> Outcome:
    """Validate and write one line in its own transaction; raise LineError on any problem."""
    if not isinstance(data, dict):
        raise LineError(_("a line must be a JSON object"))
    external_id = text(_required(data, "id"))
    kinds = import_kinds()
    kind = kinds.get(_required(data, "type"))
    if kind is None:
        raise LineError(_("unknown type “%(type)s”; allowed: %(allowed)s")
                        % {"type": data["type"], "allowed": ", ".join(kinds)}, "type")
    language = data.get("locale", SOURCE_LANGUAGE)
    if language != SOURCE_LANGUAGE and language not in TRANSLATION_LANGUAGES:
        raise LineError(_("unknown language “%(language)s”") % {"language": language}, "locale")
    unknown = set(data) - COMMON_KEYS - set(kind.fields)
    if unknown:
        raise LineError(_("unknown keys %(keys)s") % {"keys": sorted(unknown)})
    try:
        with transaction.atomic():
            if language == SOURCE_LANGUAGE:
                return _write_source(external_id, kind, data)
            return _write_translation(external_id, kind, language, data)
    except ValidationError as error:
        raise LineError(described(error)) from None


def _required(data: dict, key: str) -> Any:
    if data.get(key) in (None, ""):
        raise LineError(_("required field"), key)
    return data[key]


def _resolve(kind: ImportKind, data: dict, translation: bool) -> dict[str, Any]:
    resolved = {}
    for key, raw in data.items():
        spec = kind.fields.get(key)
        if spec is None:
            continue
        if translation and not spec.translatable:
            raise LineError(_("a translation line changes translatable fields only"), key)
        try:
            resolved[key] = spec.resolve(raw)
        except LineError as error:
            error.key = error.key or key
            raise
    return resolved


def _assign(page: Page, resolved: dict[str, Any]) -> None:
    for key, value in resolved.items():
        if key == "tags":
            page.tags.set(value, clear=True)
        else:
            setattr(page, key, value)


def _index_page(site_slug: str, kind: ImportKind) -> Page:
    home = MunicipalityHomePage.objects.filter(slug=site_slug,
                                               locale__language_code=SOURCE_LANGUAGE).first()
    if home is None:
        raise LineError(_("there is no site “%(site)s” (create it: manage.py add_municipality)")
                        % {"site": site_slug}, "site")
    index = kind.index_model.objects.child_of(home).first()
    if index is None:
        raise LineError(_("the site “%(site)s” has no section “%(section)s”")
                        % {"site": site_slug, "section": kind.index_model._meta.verbose_name},
                        "site")
    return index


def _slug_for(data: dict, parent: Page, page: Page) -> str:
    """The line's slug (or one made from its title) in ASCII letters ("senjorų" → "senjoru"),
    numbered when a sibling has it already."""
    wanted = text(data["slug"]) if data.get("slug") else data["title"]
    return find_available_slug(parent, slugify(anyascii(wanted))[:200] or "puslapis",
                              ignore_page_id=page.pk)


def _publish(page: Page, live: bool) -> None:
    revision = page.save_revision(log_action=True)
    if live:
        revision.publish()
    elif page.live:
        page.unpublish()


def _go_live(page: Page, live: bool) -> None:
    """Mark a page about to be saved for the first time as published now (or as a draft)."""
    page.live = live
    if live:
        page.first_published_at = page.last_published_at = timezone.now()


def _publish_created(page: Page) -> None:
    """Record the revision of a page just saved by `_go_live`, and publish it when live: the
    state, history and signal Wagtail's publish leaves, without saving the page again."""
    revision = page.save_revision(log_action=True, clean=False)
    if not page.live:
        return
    page.live_revision, page.has_unpublished_changes = revision, False
    page.save(update_fields=["live_revision", "has_unpublished_changes"], clean=False)
    log(instance=page, action="wagtail.publish", revision=revision, content_changed=True)
    page_published.send(sender=page.specific_class, instance=page, revision=revision)


def _write_source(external_id: str, kind: ImportKind, data: dict) -> Outcome:
    title = text(_required(data, "title"))
    live = boolean(data.get("live", True))
    parent = _index_page(text(_required(data, "site")), kind)
    item = ImportedItem.objects.filter(external_id=external_id).first()
    digest = line_hash(data)
    resolved = _resolve(kind, data, translation=False)
    if item is None:
        page = kind.model(title=title, locale=parent.locale)
        page.slug = _slug_for(data, parent, page)
        _assign(page, resolved)
        _go_live(page, live)
        parent.add_child(instance=page)
        ImportedItem.objects.create(external_id=external_id, kind=data["type"],
                                    translation_key=page.translation_key,
                                    line_hashes={SOURCE_LANGUAGE: digest})
        _publish_created(page)
        return Outcome("created", page)
    if item.kind != data["type"]:
        raise LineError(_("id “%(id)s” is already used by the type “%(type)s”")
                        % {"id": external_id, "type": item.kind}, "type")
    page = kind.model.objects.get(translation_key=item.translation_key, locale=parent.locale)
    if item.line_hashes.get(SOURCE_LANGUAGE) == digest:
        return Outcome("unchanged", page)
    if page.get_parent().pk != parent.pk:
        page.move(parent, pos="last-child")
        page.refresh_from_db()
    page.title, page.slug = title, _slug_for(data, parent, page)
    _key_as_their_sources(page, resolved)
    _assign(page, resolved)
    _publish(page, live)
    shared = {key: value for key, value in resolved.items()
              if not kind.fields[key].translatable}
    for translation in page.get_translations().specific():
        _assign(translation, {key: _records_for(translation, value)
                              for key, value in shared.items()})
        _publish(translation, translation.live)
    item.line_hashes[SOURCE_LANGUAGE] = digest
    item.save(update_fields=["line_hashes"])
    return Outcome("updated", page)


def _write_translation(external_id: str, kind: ImportKind, language: str, data: dict) -> Outcome:
    title = text(_required(data, "title"))
    live = boolean(data.get("live", True))
    if "site" in data:
        raise LineError(_("a translation lives on its source's site; leave this out"), "site")
    item = ImportedItem.objects.filter(external_id=external_id).first()
    if item is None or item.kind != data["type"]:
        raise LineError(_("there is no Lithuanian %(type)s item with id “%(id)s”")
                        % {"type": data["type"], "id": external_id}, "id")
    source = kind.model.objects.get(translation_key=item.translation_key,
                                    locale__language_code=SOURCE_LANGUAGE)
    digest = line_hash(data)
    resolved = _resolve(kind, data, translation=True)
    if live:
        _require_complete_translation(kind, source, data)
    locale = Locale.objects.get(language_code=language)
    page = kind.model.objects.filter(translation_key=item.translation_key, locale=locale).first()
    if page is not None and item.line_hashes.get(language) == digest:
        return Outcome("unchanged", page)
    created = page is None
    if created:
        page = source.copy_for_translation(locale, copy_parents=True).specific
    page.title = title
    page.slug = _slug_for(data, page.get_parent(), page)
    _assign(page, resolved)
    _key_as_their_sources(source, resolved)
    if created:
        _name_new_copy(page)
        _go_live(page, live)
        page.save()
        _publish_created(page)
    else:
        _publish(page, live)
    item.line_hashes[language] = digest
    item.save(update_fields=["line_hashes"])
    return Outcome("created" if created else "updated", page)


def _is_records(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and isinstance(value[0], TranslatableMixin)


def _key_as_their_sources(source: Page, resolved: dict[str, Any]) -> None:
    """Child records written anew (results, indicators, …) take the translation keys of
    `source`'s records at the same places: a translation's, its source page's; a source's,
    the records they replace. So the translation tools keep seeing each as the translation of
    the same record."""
    for key, value in resolved.items():
        if _is_records(value):
            for record, original in zip(value, getattr(source, key).all(), strict=False):
                record.translation_key = original.translation_key


def _records_for(translation: Page, value: Any) -> Any:
    """A translation's own copies of records its source shares with it (same translation
    keys, the translation's locale); any other value as it is."""
    if not _is_records(value):
        return value
    return [type(record)(**{field.attname: getattr(record, field.attname)
                            for field in record._meta.concrete_fields
                            if field.name not in ("id", "page", "locale")},
                         locale_id=translation.locale_id) for record in value]


def _name_new_copy(page: Page) -> None:
    """Give a translation just copied from its source its own slug in place: saving the
    change would announce a renamed page, and Wagtail would redirect from the copied URL,
    which nobody has ever seen."""
    page.set_url_path(page.get_parent())
    Page.objects.filter(pk=page.pk).update(slug=page.slug, url_path=page.url_path)


def _require_complete_translation(kind: ImportKind, source: Page, data: dict) -> None:
    """A live translation must translate every text the source has."""
    missing = [key for key, spec in kind.fields.items()
               if spec.translatable and key not in data and _has_content(source, key)]
    if missing:
        raise LineError(_("the translation lacks the translatable fields %(fields)s; save it as "
                          "a draft (\"live\": false) or translate them") % {"fields": missing})


def _has_content(page: Page, key: str) -> bool:
    value = getattr(page, key)
    return bool(list(value.all())) if hasattr(value, "all") else bool(value)
