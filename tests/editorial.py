"""Shared setup of the editorial tests: content in two municipalities and the national site,
and users in the groups `add_municipality` creates."""

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.http import QueryDict
from django.test import Client
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, Locale, Page
from wagtail.test.utils.form_data import querydict_from_html

from cms.permissions import NATIONAL_ADMINS, group_names
from pages.models import FundingMeasurePage, ProjectPage
from tests.factories import MEASURE, PROJECT, PROVIDER, TRANSLATION

OWN, OTHER = "alytus", "kalvarija"
OTHER_PROJECT = {**PROJECT, "id": "k0", "site": OTHER, "title": "Dienos centras Kalvarijoje",
                 "project_code": "08.1.1-CPVA-R-407-11-0006"}
UNUSED_MEASURE = {**MEASURE, "id": "m-408", "title": "Bendruomeninių paslaugų plėtra",
                  "code": "08.1.1-CPVA-V-408"}  # no project points at it: it can be deleted
PASSWORD = "slaptas-zodis-1"
ENGLISH = [  # translations of both municipalities' projects and of the national measure
    TRANSLATION,
    {**TRANSLATION, "id": OTHER_PROJECT["id"], "title": "Day centre in Kalvarija"},
    {"id": UNUSED_MEASURE["id"], "type": "measure", "locale": "en",
     "title": "Development of community services"},
]


@dataclass
class EditorialContent:
    own_project: ProjectPage
    other_project: ProjectPage
    measure: FundingMeasurePage  # unused by projects


def municipal_name(slug: str, sites: dict) -> str:
    """The municipality's name in the genitive, as its groups are named."""
    return sites[slug].editorial.groups.editors.name.removesuffix(" redaktoriai")


def translated(page: Page, language: str) -> Page:
    """The page in a language: itself in Lithuanian, else its translation."""
    return page if language == "lt" else page.get_translation(
        Locale.objects.get(language_code=language)).specific


def make_user(username: str, *group_names_: str, superuser: bool = False):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.lt", PASSWORD, is_superuser=superuser,
        is_staff=superuser)
    user.groups.set([Group.objects.get(name=name) for name in group_names_])
    return user


def logged_in(user) -> Client:
    """A client logged in as the user, with the password `make_user` gives."""
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def edit_form_data(page: Page) -> QueryDict:
    """The page's edit form as the admin renders it (to a superuser, who may open any page),
    ready to be posted back with an action added."""
    superuser = get_user_model().objects.filter(username="formos-skaitytojas").first() or \
        make_user("formos-skaitytojas", superuser=True)
    client = Client()
    client.force_login(superuser)
    response = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert response.status_code == 200
    return querydict_from_html(response.content.decode(), form_id="page-edit-form")


def editor_of(slug: str, sites: dict):
    return make_user(f"{slug}-redaktorius", group_names(municipal_name(slug, sites))[0])


def moderator_of(slug: str, sites: dict):
    return make_user(f"{slug}-moderatorius", group_names(municipal_name(slug, sites))[1])


def national_admin():
    return make_user("nacionalinis-admin", NATIONAL_ADMINS)


@pytest.fixture(name="content")
def content_fixture(sites, run_import) -> EditorialContent:
    result = run_import([PROVIDER, MEASURE, UNUSED_MEASURE, PROJECT, OTHER_PROJECT])
    assert not result.failed, result.stderr
    lithuanian = ProjectPage.objects.filter(locale__language_code="lt")
    return EditorialContent(lithuanian.get(title=PROJECT["title"]),
                            lithuanian.get(title=OTHER_PROJECT["title"]),
                            FundingMeasurePage.objects.get(code=UNUSED_MEASURE["code"]))


@pytest.fixture(name="english")
def english_fixture(content, run_import) -> EditorialContent:
    """The content's English translations (published), in each municipality's English tree."""
    result = run_import(ENGLISH)
    assert not result.failed, result.stderr
    return EditorialContent(*(translated(page, "en") for page in (
        content.own_project, content.other_project, content.measure)))


def media_in(collection: Collection, title: str) -> tuple[AbstractImage, AbstractDocument]:
    """An image and a document uploaded into a collection."""
    image = get_image_model().objects.create(title=title, file=get_test_image_file(),
                                             collection=collection)
    document = get_document_model().objects.create(
        title=title, file=ContentFile(b"Ataskaita", name="ataskaita.txt"), collection=collection)
    return image, document


def media_bulk_confirmations(images: list[AbstractImage],
                             documents: list[AbstractDocument]) -> list[str]:
    """The confirmations of every bulk action on images and on documents, of these ones."""
    return [reverse("wagtail_bulk_action", args=[app, model, action])
            + "?" + "&".join(f"id={item.pk}" for item in items)
            for app, model, items in (("wagtailimages", "image", images),
                                      ("wagtaildocs", "document", documents))
            for action in ("delete", "add_tags", "add_to_collection")]
