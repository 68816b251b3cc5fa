"""A translation that wagtail-localize syncs takes its source's shared-vocabulary terms: terms
are the same in every language, so they are never translated or left behind."""

import pytest
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource
from wagtail_localize.operations import translate_object

from pages.models import Fund, Municipality, ProjectIndexPage, ProjectPage, ServiceType, TargetGroup
from tests.factories import add_page, add_provider, home, section

pytestmark = pytest.mark.django_db

VOCABULARY_FIELDS = {"target_groups": TargetGroup, "service_types": ServiceType,
                     "funds": Fund, "municipalities": Municipality}


def synced_draft(source):
    """The source's English translation as the latest sync left it."""
    synced, _created = TranslationSource.update_or_create_from_instance(source)
    for translation in synced.translations.all():
        translation.save_target(publish=False)
    return (type(source).objects.get(translation_key=source.translation_key,
                                     locale__language_code="en")
            .get_latest_revision_as_object())


def slugs(page, field: str) -> set[str]:
    return set(getattr(page, field).values_list("slug", flat=True))


def retag(page, field: str) -> set[str]:
    """Give the page's field other terms than it has; the terms it now has."""
    vocabulary = VOCABULARY_FIELDS[field]
    chosen = vocabulary.objects.exclude(slug__in=slugs(page, field)).order_by("slug")[:2]
    getattr(page, field).set(chosen)
    page.save_revision().publish()
    return {term.slug for term in chosen}


@pytest.mark.parametrize("field", sorted(VOCABULARY_FIELDS))
def test_a_synced_project_translation_takes_the_source_terms(sites, field):
    project = add_page(section(home("alytus"), ProjectIndexPage),
                       ProjectPage(title="Sinchronizuojamas projektas", status="running"),
                       publish=True)
    translate_object(project, [Locale.objects.get(language_code="en")])
    assert synced_draft(project) is not None
    wanted = retag(project, field)
    assert slugs(synced_draft(project), field) == wanted


@pytest.mark.parametrize("field", ["target_groups", "service_types"])
def test_a_synced_provider_translation_takes_the_source_terms(sites, field):
    provider = add_provider(home("alytus"), "Sinchronizuojamas teikėjas", publish=True)
    translate_object(provider, [Locale.objects.get(language_code="en")])
    wanted = retag(provider, field)
    assert slugs(synced_draft(provider), field) == wanted
