"""Shared setup of the editorial tests: content in two municipalities and the national site,
and users in the groups `add_municipality` creates."""

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from cms.permissions import NATIONAL_ADMINS, group_names
from pages.models import FundingMeasurePage, ProjectPage
from tests.factories import MEASURE, PROJECT, PROVIDER

OWN, OTHER = "alytus", "kalvarija"
OTHER_PROJECT = {**PROJECT, "id": "k0", "site": OTHER, "title": "Dienos centras Kalvarijoje",
                 "project_code": "08.1.1-CPVA-R-407-11-0006"}
UNUSED_MEASURE = {**MEASURE, "id": "m-408", "title": "Bendruomeninių paslaugų plėtra",
                  "code": "08.1.1-CPVA-V-408"}  # no project points at it: it can be deleted
PASSWORD = "slaptas-zodis-1"


@dataclass
class EditorialContent:
    own_project: ProjectPage
    other_project: ProjectPage
    measure: FundingMeasurePage  # unused by projects


def municipal_name(slug: str, sites: dict) -> str:
    """The municipality's name in the genitive, as its groups are named."""
    return sites[slug].editorial.groups.editors.name.removesuffix(" redaktoriai")


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
