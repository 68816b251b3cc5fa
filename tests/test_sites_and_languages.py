import pytest
from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Site
from wagtail_localize.operations import translate_object

from pages.models import ProjectPage, TargetGroup
from tests.factories import MEASURE, PROJECT, PROVIDER, TRANSLATION

PROJECT_PATH = "/projektai/socialiniu-paslaugu-pletra-alytaus-mieste/"


@pytest.fixture
def imported(sites, run_import):
    result = run_import([PROVIDER, MEASURE, PROJECT, TRANSLATION])
    assert not result.failed, result.stderr


def test_every_municipality_has_its_own_site_and_none_is_a_catch_all(sites):
    assert not Site.objects.filter(is_default_site=True).exists()
    assert set(Site.objects.values_list("hostname", flat=True)) == {
        f"{slug}.localhost" for slug in sites}


def test_a_page_is_served_only_on_its_own_municipality_host(client, imported):
    assert client.get(PROJECT_PATH, headers={"host": "alytus.localhost"}).status_code == 200
    assert client.get(PROJECT_PATH, headers={"host": "kalvarija.localhost"}).status_code == 404


@pytest.mark.parametrize("path", ["/", PROJECT_PATH, "/en/", "/alytus/projektai/"])
def test_unknown_host_gets_no_municipality_pages(client, imported, path, settings):
    settings.ALLOWED_HOSTS = ["*"]
    response = client.get(path, headers={"host": "unknown.localhost"})
    assert response.status_code == 404
    assert b"Alytaus" not in response.content


def test_english_translation_is_served_under_en(client, imported):
    response = client.get("/en/projects/development-of-social-services-in-alytus/",
                          headers={"host": "alytus.localhost"})
    assert response.status_code == 200
    assert b'lang="en"' in response.content


def test_english_sections_have_english_addresses_also_on_sites_set_up_before(sites):
    from django.core.management import call_command
    from django.test import Client

    from pages.models import ProjectIndexPage

    english = ProjectIndexPage.objects.get(locale__language_code="en",
                                           url_path__startswith="/alytus")
    assert english.slug == "projects"
    english.slug = "projektai"  # a site set up when English sections had Lithuanian slugs
    english.save_revision().publish()
    call_command("add_municipality", "alytus", "alytus.localhost", stdout=None)
    english.refresh_from_db()
    assert english.slug == "projects"
    assert Client(HTTP_HOST="alytus.localhost").get("/en/projects/").status_code == 200


def test_add_municipality_is_idempotent(sites):
    from django.core.management import call_command

    pages_before = ProjectPage.objects.count(), Site.objects.count()
    call_command("add_municipality", "alytus", "alytus.localhost", stdout=None)
    call_command("add_municipality", "alytus", "alytus.localhost", stdout=None)
    assert (ProjectPage.objects.count(), Site.objects.count()) == pages_before


def test_localize_translation_never_goes_live_untranslated(imported):
    assert settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is False
    source = ProjectPage.objects.get(locale__language_code="lt")
    source.get_translations().delete()
    translate_object(source, [Locale.objects.get(language_code="en")])
    english = ProjectPage.objects.get(locale__language_code="en")
    assert english.title == source.title  # copied, untranslated text …
    assert not english.live  # … so it stays a draft


def test_taxonomy_labels_follow_the_language(db):
    group = TargetGroup.objects.get(slug="senyvo-amziaus-asmenys")
    with translation.override("en"):
        assert str(group) == "Older people and their families"
    with translation.override("lt"):
        assert str(group) == "Senyvo amžiaus asmenys ir jų šeimos"
    assert group.label("en") != group.label("lt")


def test_no_group_may_edit_every_municipality(db):
    from django.contrib.auth.models import Group
    from wagtail.models import GroupPagePermission, Page

    root = Page.get_first_root_node()
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    assert not GroupPagePermission.objects.filter(page=root).exists()
