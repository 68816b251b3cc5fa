"""The admin offers wagtail-localize's "Translate this page" and "Sync translated pages" where
the user may use them: a municipality's editor on their own municipality's pages, never on
another municipality's; a superuser everywhere. Both on the
page's header (the explorer of the page) and in the "More" menu of its row in its section."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from tests.editorial import (
    OTHER,
    OWN,
    EditorialContent,
    content_fixture,  # noqa: F401  (the `content` fixture)
    editor_of,
    logged_in,
    make_user,
)


def translate_url(page: Page) -> str:
    return reverse("wagtail_localize:submit_page_translation", args=[page.pk])


def sync_url(page: Page) -> str:
    source = TranslationSource.objects.get(object_id=page.translation_key)
    return reverse("wagtail_localize:update_translations", args=[source.pk])


def header_of(user, page: Page) -> str:
    """The explorer of the page: its header carries the page's buttons (the explorer opens
    another municipality's page to no one of this one: 404)."""
    response = logged_in(user).get(reverse("wagtailadmin_explore", args=[page.pk]))
    assert response.status_code in (200, 404)
    return response.content.decode()


def row_buttons(user, page: Page) -> str:
    """The buttons of the page's row in a listing (its "More" menu), as the explorer renders
    them; the explorer itself lists a municipality's editor only their own pages."""
    request = RequestFactory().get(reverse("wagtailadmin_explore", args=[page.get_parent().pk]))
    request.user = user
    row = Template("{% load wagtailadmin_tags %}{% page_listing_buttons page request.user %}")
    html = row.render(Context({"request": request, "page": page}))
    assert reverse("wagtailadmin_pages:history", args=[page.pk]) in html  # the "More" menu
    return html


VIEWS = {"header": header_of, "listing": row_buttons}


def translated_into_english(*pages: Page) -> None:
    """The pages translated by a superuser: wagtail-localize now syncs their translations."""
    english = Locale.objects.get(language_code="en")
    superuser = logged_in(make_user("vertejas", superuser=True))
    for page in pages:
        assert superuser.post(translate_url(page), {"locales": [english.pk]}).status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize("view", VIEWS)
def test_an_editor_is_offered_translating_own_pages_only(view, sites,
                                                        content: EditorialContent):
    editor = editor_of(OWN, sites)
    assert translate_url(content.own_project) in VIEWS[view](editor, content.own_project)
    assert translate_url(content.other_project) not in VIEWS[view](editor, content.other_project)
    assert translate_url(content.other_project) in VIEWS[view](
        editor_of(OTHER, sites), content.other_project)


@pytest.mark.django_db
@pytest.mark.parametrize("view", VIEWS)
def test_an_editor_is_offered_syncing_own_translations_only(view, sites,
                                                           content: EditorialContent):
    translated_into_english(content.own_project, content.other_project)
    editor = editor_of(OWN, sites)
    assert sync_url(content.own_project) in VIEWS[view](editor, content.own_project)
    assert sync_url(content.other_project) not in VIEWS[view](editor, content.other_project)


@pytest.mark.django_db
@pytest.mark.parametrize("view", VIEWS)
def test_a_superuser_is_offered_translating_every_page(view, sites, content: EditorialContent):
    superuser = make_user("administratorius", superuser=True)
    for page in (content.own_project, content.other_project):
        assert translate_url(page) in VIEWS[view](superuser, page)
