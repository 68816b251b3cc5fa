"""A municipality's staff do their whole job in the admin: they translate their own pages into
English (never another municipality's), the translation editor offers only text for translation,
the edit form has tabs, checkbox lists for vocabularies and says what the public page shows, the
dashboard counts their municipality only, and public slugs are ASCII however a page is made."""

from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django import forms
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from cms.checks import check_host_project
from cms.dashboard import OwnPagesSummaryItem
from pages.models import FundingMeasurePage, NewsPage, ProjectIndexPage, ProjectPage, ProviderPage
from search import pipeline
from tests.editorial import (
    OTHER,
    OWN,
    EditorialContent,
    content_fixture,  # noqa: F401  (the `content` fixture)
    editor_of,
    logged_in,
    make_user,
    moderator_of,
)
from tests.factories import NEWS
from tests.search.conftest import engine_fixture

engine = engine_fixture(["database"])
STAFF = {"editor": editor_of, "moderator": moderator_of}
PROVIDER_DRAFT = {"id": "prov-draft", "type": "provider", "title": "Naujas teikėjas",
                  "provider_type": "nvo", "live": False}


def english() -> Locale:
    return Locale.objects.get(language_code="en")


def translate_url(page: Page) -> str:
    return reverse("wagtail_localize:submit_page_translation", args=[page.pk])


def english_translation(page: Page) -> Page | None:
    return page.get_translation_or_none(english())


@pytest.mark.django_db
@pytest.mark.parametrize("role", STAFF)
def test_staff_translate_their_own_page_into_english(role, sites, content: EditorialContent):
    client = logged_in(STAFF[role](OWN, sites))
    form = client.get(translate_url(content.own_project))
    assert form.status_code == 200
    assert list(form.context["form"].fields["locales"].queryset) == [english()]

    response = client.post(translate_url(content.own_project), {"locales": [english().pk]})
    translation = english_translation(content.own_project)
    assert translation is not None and not translation.live  # a draft until published
    assert response.url == reverse("wagtailadmin_pages:edit", args=[translation.pk])
    own_english_home = sites[OWN].home.get_translation(english())
    assert translation.is_descendant_of(own_english_home)
    editor = client.get(response.url)  # wagtail-localize's translation editor
    assert editor.status_code == 200
    assert editor.templates[0].name == "wagtail_localize/admin/edit_translation.html"


@pytest.mark.django_db
@pytest.mark.parametrize("role", STAFF)
def test_staff_cannot_translate_another_municipality_s_page(role, sites, content):
    client = logged_in(STAFF[role](OWN, sites))
    assert client.get(translate_url(content.other_project)).status_code == 404
    client.post(translate_url(content.other_project), {"locales": [english().pk]})
    assert english_translation(content.other_project) is None
    assert not Translation.objects.filter(
        source__object_id=content.other_project.translation_key).exists()


def update_url(page: Page) -> str:
    source = TranslationSource.objects.get(object_id=page.translation_key)
    return reverse("wagtail_localize:update_translations", args=[source.pk])


@pytest.mark.django_db
def test_editors_update_their_translations_but_publish_them_only_through_review(
        sites, content, django_capture_on_commit_callbacks):
    editor, other_editor = logged_in(editor_of(OWN, sites)), logged_in(editor_of(OTHER, sites))
    editor.post(translate_url(content.own_project), {"locales": [english().pk]})
    assert other_editor.get(update_url(content.own_project)).url == reverse("wagtailadmin_home")
    assert editor.get(update_url(content.own_project)).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes then
        refused = editor.post(update_url(content.own_project), {"publish_translations": "on"})
    assert refused.url == reverse("wagtailadmin_home")
    assert not english_translation(content.own_project).live
    moderator = logged_in(moderator_of(OWN, sites))
    with django_capture_on_commit_callbacks(execute=True):
        moderator.post(update_url(content.own_project), {"publish_translations": "on"})
    assert english_translation(content.own_project).live


CODES_AND_NUMBERS = {"project_code": "08.1.1-CPVA-R-407-11-0005",
                     "call_code": "08.1.1-CPVA-R-407-11", "kohesio_id": "Q2977371",
                     "contact_phone": "+370 633 87 850",
                     "contact_email": "socialinis@alytus.lt", "postal_code": "62141",
                     "source_url": "https://www.esinvesticijos.lt/projektai/1",
                     "budget_total": "400000.00", "eu_amount": "346361.00",
                     "start_date": "2017-07-20", "end_date": "2019-12-31"}
TEXTS = {"title", "slug", "summary", "goal", "contact_department"}


@pytest.mark.django_db
def test_translation_editor_offers_text_not_codes_and_numbers(sites, content):
    ProjectPage.objects.filter(pk=content.own_project.pk).update(
        summary="Namai dvidešimčiai žmonių.", contact_department="Socialinių reikalų skyrius",
        **CODES_AND_NUMBERS)
    client = logged_in(editor_of(OWN, sites))
    client.post(translate_url(content.own_project), {"locales": [english().pk]})
    source = TranslationSource.objects.get(object_id=content.own_project.translation_key)
    offered = {path.split(".")[0] for path in [
        *source.stringsegment_set.values_list("context__path", flat=True),
        *source.overridablesegment_set.values_list("context__path", flat=True)]}
    assert offered >= TEXTS
    assert offered.isdisjoint(CODES_AND_NUMBERS)
    translation = ProjectPage.objects.get(pk=english_translation(content.own_project).pk)
    assert translation.project_code == CODES_AND_NUMBERS["project_code"]  # copied as it is
    assert str(translation.eu_amount) == CODES_AND_NUMBERS["eu_amount"]


@pytest.mark.django_db
def test_translation_editor_offers_the_text_of_a_pages_records_too(sites, content, run_import):
    """Expected results, indicators' names and units, partners' activities, links' titles and
    the positions of people in the news are text to translate; numbers, addresses, people's
    names are copied; a linked organisation is offered as a page to link in its translation,
    as the page's own links are."""
    project = ProjectPage.objects.get(pk=content.own_project.pk)
    project.results.create(text="Įkurti namai")
    project.indicators.create(name="Paslaugų gavėjai", unit="asmenys", target=20, achieved=12)
    project.partners.create(provider=ProviderPage.objects.filter(locale__language_code="lt")
                            .first(), activity="Konsultacijos")
    project.links.create(title="Projekto aprašas", url="https://esinvesticijos.lt/p/1")
    project.save_revision().publish()
    assert not run_import([NEWS]).failed
    news = NewsPage.objects.get(locale__language_code="lt")
    news.people.create(name="Ona Onaitė", position="direktorė")
    news.save_revision().publish()
    client = logged_in(editor_of(OWN, sites))
    offered = set()
    for page in (project, news):
        client.post(translate_url(page), {"locales": [english().pk]})
        source = TranslationSource.objects.get(object_id=page.translation_key)
        offered |= {".".join(path.split(".")[::2]) for path in [
            *source.stringsegment_set.values_list("context__path", flat=True),
            *source.overridablesegment_set.values_list("context__path", flat=True)]}
    assert {"results.text", "indicators.name", "indicators.unit", "partners.activity",
            "links.title", "people.position"} <= offered
    assert offered.isdisjoint({"indicators.target", "indicators.achieved", "links.url",
                               "people.name"})
    english_project = ProjectPage.objects.get(pk=english_translation(project).pk)
    assert "Įkurti namai" in [record.text for record in english_project.results.all()]
    assert {record.locale for record in english_project.results.all()} == {english()}


def figures_in(element) -> dict[str, str]:
    return {figure["data-figure"]: figure.get_text(strip=True)
            for figure in element.select("[data-figure]")}


def dashboard_figures(client) -> dict[str, dict[str, str]]:
    """Municipality (or "search queue") → figure → value, as the dashboard's municipality
    panel shows them."""
    html = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    figures = {section["data-municipality"]: figures_in(section)
               for section in html.select("[data-municipality]")}
    if queue := html.select_one("[data-search-queue]"):
        figures["search queue"] = figures_in(queue)
    return figures


def tree_page_count(home: Page) -> int:
    return sum(Page.objects.descendant_of(tree_home, inclusive=True).count()
               for tree_home in [home, *home.get_translations()])


@pytest.mark.django_db
@pytest.mark.parametrize("role", STAFF)
def test_dashboard_shows_the_staff_s_own_municipality(role, sites, content, run_import, engine):
    assert not run_import([{**PROVIDER_DRAFT, "site": OTHER}]).failed  # another one's draft
    pipeline.drain()
    ProjectPage.objects.get(pk=content.own_project.pk).save_revision().publish()
    sites[OWN].editorial.workflow.start(content.own_project,
                                        make_user("pateikejas", superuser=True))
    client = logged_in(STAFF[role](OWN, sites))
    assert dashboard_figures(client) == {  # project and provider, the project published again
        OWN: {"live": "2", "drafts": "0", "in-review": "1", "in-index": "2 iš 2"},
        "search queue": {"pending": "1", "failed": "0"}}
    summary = client.get(reverse("wagtailadmin_home")).context["site_summary"]
    pages = next(item for item in summary.summary_items if isinstance(item, OwnPagesSummaryItem))
    assert pages.get_context_data({})["total_pages"] == tree_page_count(sites[OWN].home)
    assert dashboard_figures(logged_in(STAFF[role](OTHER, sites)))[OTHER]["drafts"] == "1"


@pytest.mark.django_db
def test_superusers_keep_wagtail_s_dashboard(sites, content):
    client = logged_in(make_user("vyr-admin", superuser=True))
    assert dashboard_figures(client) == {}
    summary = client.get(reverse("wagtailadmin_home")).context["site_summary"]
    assert not any(isinstance(item, OwnPagesSummaryItem) for item in summary.summary_items)


# Wagtail's settings tab appears when it holds more than the publishing schedule (in the side
# panel) and comments (off)
TABS = ["Turinys", "Klasifikacija", "Finansavimas", "Kontaktai", "Skelbti"]
VOCABULARIES = {ProjectPage: ["municipalities", "target_groups", "service_types", "funds"],
                ProviderPage: ["service_types", "target_groups"], NewsPage: ["target_groups"]}
MARKER = "Rodoma viešame puslapyje."


def edit_form(client, page: Page) -> tuple[BeautifulSoup, dict]:
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser"), response.context["form"].fields


def tab_labels(html: BeautifulSoup) -> list[str]:
    return [tab.contents[0].strip() for tab in html.select("[role=tab]")]


def help_of(html: BeautifulSoup, field: str) -> str:
    return html.select_one(f"#panel-child-{field}-helptext, [id$='-{field}-helptext']"
                           ).get_text(" ", strip=True)


@pytest.mark.django_db
def test_project_form_has_tabs_checkbox_lists_and_public_markers(sites, content):
    html, fields = edit_form(logged_in(editor_of(OWN, sites)), content.own_project)
    assert tab_labels(html) == TABS
    for name in VOCABULARIES[ProjectPage]:
        assert isinstance(fields[name].widget, forms.CheckboxSelectMultiple)
        assert html.select(f"input[type=checkbox][name={name}]")
    assert not html.select("select[multiple]")  # no Ctrl-click lists anywhere
    assert help_of(html, "project_code").endswith(MARKER)
    assert help_of(html, "target_groups") == \
        f"Kam projektas padeda: pažymėkite visas grupes. {MARKER}"
    assert MARKER not in help_of(html, "call_code")
    classification = html.select_one("#tab-klasifikacija")
    assert classification is not None and classification.select("[name=target_groups]")


@pytest.mark.django_db
@pytest.mark.parametrize(("model", "tabs"), [
    (ProviderPage, ["Turinys", "Klasifikacija", "Kontaktai", "Skelbti"]),
    (FundingMeasurePage, ["Turinys", "Klasifikacija", "Finansavimas", "Skelbti"]),
    (NewsPage, ["Turinys", "Klasifikacija", "Skelbti"]),
])
def test_other_content_forms_have_their_tabs(model, tabs, sites, content, run_import):
    assert not run_import([NEWS]).failed
    page = model.objects.filter(locale__language_code="lt").first()
    html, fields = edit_form(logged_in(make_user("formos-admin", superuser=True)), page)
    assert tab_labels(html) == tabs
    for name in VOCABULARIES.get(model, []):
        assert isinstance(fields[name].widget, forms.CheckboxSelectMultiple)
        assert html.select(f"input[type=checkbox][name={name}]")
        assert not html.select(f"select[name={name}]")


SENIORS = "Senjorų užsiėmimai Alytuje"
SENIORS_SLUG = "senjoru-uzsiemimai-alytuje"


@pytest.mark.django_db
def test_pages_get_ascii_slugs_from_their_lithuanian_titles(sites):
    client = logged_in(editor_of(OWN, sites))
    section = ProjectIndexPage.objects.child_of(sites[OWN].home).get()
    add_url = reverse("wagtailadmin_pages:add", args=("pages", "projectpage", section.pk))
    slug_input = BeautifulSoup(client.get(add_url).content, "html.parser").select_one(
        "input[name=slug]")
    # the admin's slug field fills itself from the title in the browser, Unicode not allowed
    # (tests/browser/test_editor_admin.py types a title)
    assert slug_input["data-controller"] == "w-slug"
    assert not slug_input.has_attr("data-w-slug-allow-unicode-value")
    page = section.add_child(instance=ProjectPage(title=SENIORS, status="planned"))
    assert page.slug == SENIORS_SLUG  # and so does Wagtail when a page is saved without one


@pytest.mark.django_db
def test_a_typed_slug_that_is_not_ascii_is_refused_in_the_page_editor(sites):
    section = ProjectIndexPage.objects.child_of(sites[OWN].home).get()
    form_class = ProjectPage.get_edit_handler().get_form_class()
    data, editor = {"title": SENIORS, "status": "planned"}, editor_of(OWN, sites)
    typed = form_class({**data, "slug": "senjorų-užsiėmimai"}, parent_page=section,
                       instance=ProjectPage(), for_user=editor)
    assert not typed.is_valid() and "slug" in typed.errors
    plain = form_class({**data, "slug": SENIORS_SLUG}, parent_page=section,
                       instance=ProjectPage(), for_user=editor)
    plain.is_valid()
    assert "slug" not in plain.errors


@pytest.mark.django_db
def test_imported_slugs_are_ascii(sites, run_import):
    assert not run_import([
        {"id": "a", "type": "provider", "site": OWN, "title": SENIORS, "provider_type": "nvo"},
        {"id": "b", "type": "provider", "site": OWN, "title": "Kitas", "provider_type": "nvo",
         "slug": "Dienos-centras-Šeškinėje"}]).failed
    slugs = set(ProviderPage.objects.filter(locale__language_code="lt")
                .values_list("slug", flat=True))
    assert {SENIORS_SLUG, "dienos-centras-seskineje"} <= slugs


@pytest.mark.django_db
def test_every_demo_page_has_an_ascii_slug(sites):
    call_command("load_demo", stdout=StringIO(), stderr=StringIO())
    assert NewsPage.objects.exists() and ProjectPage.objects.count() > 10
    assert [slug for slug in Page.objects.values_list("slug", flat=True)
            if not slug.isascii()] == []


def test_unicode_slugs_are_a_check_error():
    assert check_host_project(None) == []
    with override_settings(WAGTAIL_ALLOW_UNICODE_SLUGS=True):
        assert [message.id for message in check_host_project(None)] == ["cms.E005"]
