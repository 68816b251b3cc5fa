"""The content kinds: projects, funding measures, service providers, news, and any kind added.

A kind is registered once (`register_kind`, in `PagesConfig.ready()`) with what the content
model knows of it: its key (the import's `type`, the search's `content_type`), its page model,
the section index page its pages live under and that section's slug in each language, its
labels (English source strings, translated by the `pages` catalogue) and the search facets its
pages fill. Everything that handles every kind reads this registry: the importer, the sections
of a new site, the home page's allowed children, and, in the apps above `pages`, the search
documents, the facets, the API resources and the structure guard, which attach their own part
keyed by the kind.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from django.utils import translation
from django.utils.functional import Promise
from wagtail.models import Page

Label = str | Promise  # a gettext_lazy string


@dataclass(frozen=True)
class ContentKind:
    key: str
    model: type[Page]
    section_model: type[Page]
    section_slugs: Mapping[str, str]  # language code → slug of the section's index page
    label: Label
    label_plural: Label  # also the title of the section's index page
    facets: tuple[str, ...]  # search facets its pages fill, besides content type and language

    def section_slug(self, language: str) -> str:
        return self.section_slugs[language]

    def plural_in(self, language: str) -> str:
        """The plural label in this language (Lithuanian or English)."""
        with translation.override(language):
            return str(self.label_plural)


CONTENT_KINDS: dict[str, ContentKind] = {}


def register_kind(key: str, *, model: type[Page], section_model: type[Page],
                  section_slugs: Mapping[str, str], label: Label, label_plural: Label,
                  facets: tuple[str, ...]) -> ContentKind:
    """Add a content kind; a key taken by another kind is refused."""
    kind = ContentKind(key, model, section_model, dict(section_slugs), label, label_plural,
                       tuple(facets))
    if CONTENT_KINDS.get(key, kind) != kind:
        raise ValueError(f"Content kind {key!r} is already registered.")
    CONTENT_KINDS[key] = kind
    return kind


def content_kinds() -> list[ContentKind]:
    """Every registered kind, in the order of registration."""
    return list(CONTENT_KINDS.values())


def kind_of_section(model: type[Page]) -> ContentKind | None:
    """The kind whose section index page is of this model."""
    return next((kind for kind in CONTENT_KINDS.values()
                 if issubclass(model, kind.section_model)), None)


def section_models() -> list[type[Page]]:
    return [kind.section_model for kind in CONTENT_KINDS.values()]
