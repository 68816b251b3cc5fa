"""English sections once had their Lithuanian slugs (/en/projektai/); the set-up renames them
(/en/projects/), and every old address of a section and of the pages under it answers with a
permanent redirect to the page's address now, on each municipality's site."""

from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.models import Locale, Page

from cms.management.commands.load_demo import served_port
from pages.kinds import content_kinds
from pages.models import ProjectPage
from tests.factories import MEASURE, PROJECT, PROVIDER, TRANSLATION

OWN = "alytus"


def english_sections(site_slug: str) -> list[Page]:
    home = Page.objects.get(slug=site_slug, depth=2).get_translation(
        Locale.objects.get(language_code="en"))
    return [page for page in home.get_children().specific()
            if any(isinstance(page, kind.section_model) for kind in content_kinds())]


def give_sections_their_old_slugs(site_slug: str) -> None:
    """The English sections as a site set up before had them: at their Lithuanian slugs."""
    for section in english_sections(site_slug):
        section.slug = section.get_translation(Locale.objects.get(language_code="lt")).slug
        section.save_revision().publish()


def english_project_slugs(site_slug: str) -> list[str]:
    return list(ProjectPage.objects.live().filter(
        locale__language_code="en", url_path__startswith=f"/{site_slug}")
        .values_list("slug", flat=True))


def assert_moved(client: Client, old_path: str, new_path: str) -> None:
    """The old path answers with a permanent redirect to the new one, which serves the page."""
    old = client.get(old_path)
    assert (old.status_code, urlsplit(old["Location"]).path) == (301, new_path)
    assert client.get(new_path).status_code == 200


@pytest.mark.django_db
def test_old_english_section_addresses_redirect_permanently_after_the_set_up(
        sites, run_import, django_capture_on_commit_callbacks):
    assert not run_import([PROVIDER, MEASURE, PROJECT, TRANSLATION]).failed
    give_sections_their_old_slugs(OWN)
    [slug] = english_project_slugs(OWN)
    client = Client(HTTP_HOST=f"{OWN}.localhost")
    assert client.get(f"/en/projektai/{slug}/").status_code == 200  # the old site

    with django_capture_on_commit_callbacks(execute=True):
        call_command("add_municipality", OWN, f"{OWN}.localhost", stdout=StringIO())

    assert_moved(client, f"/en/projektai/{slug}/", f"/en/projects/{slug}/")
    assert_moved(client, "/en/projektai/", "/en/projects/")
    elsewhere = Client(HTTP_HOST="kalvarija.localhost").get(f"/en/projektai/{slug}/")
    assert elsewhere.status_code == 404  # another municipality's site has no such page


@pytest.mark.django_db
def test_a_demo_loaded_again_redirects_its_old_english_addresses(
        sites, django_capture_on_commit_callbacks):
    call_command("load_demo", stdout=StringIO(), stderr=StringIO())
    give_sections_their_old_slugs(OWN)  # a demo database set up before the English slugs
    slugs = english_project_slugs(OWN)
    assert slugs

    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=StringIO(), stderr=StringIO())

    client = Client(HTTP_HOST=f"{OWN}.localhost:{served_port()}")
    for slug in slugs:
        assert_moved(client, f"/en/projektai/{slug}/", f"/en/projects/{slug}/")
