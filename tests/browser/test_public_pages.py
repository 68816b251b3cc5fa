"""Every public page template in Debian's Chromium, in Lithuanian and English, on a desktop and
on a 375 px phone: axe-core finds no serious or critical problem, the page speaks only its own
language's interface, the site's stylesheet takes effect, nothing overflows sideways, and a
full-page screenshot is kept in build/screenshots/<template>-<language>-<width>.png."""

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error
from wagtail.models import Page

from pages.models import (
    FundingMeasurePage,
    NewsPage,
    ProjectIndexPage,
    ProjectPage,
    ProviderPage,
)
from tests.api.conftest import import_lines
from tests.api.demo import demo_slice
from tests.browser.conftest import site_url
from tests.conftest import create_demo_sites
from tests.factories import home, imported, section

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
WIDTHS = {"desktop": 1280, "phone": 375}
# Interface labels of each language that a page in the other language must not show.
INTERFACE = {"lt": ("Ieškoti svetainėje", "Kontaktai", "Prieinamumo deklaracija", "Paieška"),
             "en": ("Search this site", "Contacts", "Accessibility statement", "Skip to")}
BRAND_BLUE = "rgb(18, 67, 109)"  # the header's colour in site.css


def path_of(page: Page, suffix: str = "") -> str:
    return urlsplit(page.get_full_url()).path + suffix


# template → (site, path in each language)
def addresses(template: str) -> tuple[str, dict[str, str]]:
    languages = ("lt", "en")
    if template == "home":
        return "alytus", {language: path_of(home("alytus", language)) for language in languages}
    if template == "national-home":
        return "nacionalinis", {language: path_of(home("nacionalinis", language))
                                for language in languages}
    if template == "section-index":
        return "alytus", {language: path_of(section(home("alytus", language), ProjectIndexPage))
                          for language in languages}
    if template == "accessibility-statement":
        return "alytus", {"lt": "/prieinamumo-deklaracija/", "en": "/en/accessibility-statement/"}
    if template == "404":
        return "alytus", {"lt": "/nera-tokio-puslapio/", "en": "/en/nera-tokio-puslapio/"}
    model, external_id, site = {
        "project": (ProjectPage, "project-s0", "alytus"),
        "provider": (ProviderPage, "provider-alytus-admin", "alytus"),
        "measure": (FundingMeasurePage, "measure-08-1-1-cpva-r-407", "nacionalinis"),
        "news": (NewsPage, "news-s1", "alytus"),
    }[template]
    return site, {language: path_of(imported(model, external_id, language))
                  for language in languages}


@pytest.fixture
def alytus_content(tmp_path):
    create_demo_sites()
    import_lines(demo_slice({"alytus"}), tmp_path)


def serious_violations(tab) -> list[tuple[str, str, str]]:
    violations = Axe().run(tab).response["violations"]
    return [(violation["id"], violation["impact"], violation["help"]) for violation in violations
            if violation["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("template", ["home", "national-home", "section-index", "project",
                                      "provider", "measure", "news", "accessibility-statement",
                                      "404"])
def test_public_page_is_accessible_in_its_language_on_desktop_and_phone(
        template, browser, live_server, alytus_content, screenshot_dir):
    site, paths = addresses(template)
    screenshots = screenshot_dir / "screenshots"
    screenshots.mkdir(exist_ok=True)
    problems = []
    for language, path in paths.items():
        for width in WIDTHS.values():
            context = browser.new_context(locale="lt-LT", viewport={"width": width, "height": 900})
            tab = context.new_page()
            response = tab.goto(site_url(live_server, site, path))
            where = f"{template} {language} {width}px"
            expected_status = 404 if template == "404" else 200
            if response.status != expected_status:
                problems.append((where, "status", response.status))
            if tab.locator("html").get_attribute("lang") != language:
                problems.append((where, "lang", tab.locator("html").get_attribute("lang")))
            text = tab.locator("body").inner_text()
            foreign = [label for label in INTERFACE["lt" if language == "en" else "en"]
                       if label in text]
            if foreign:
                problems.append((where, "other language's labels", foreign))
            header = tab.locator(".site-header").evaluate(
                "element => getComputedStyle(element).backgroundColor")
            if header != BRAND_BLUE:
                problems.append((where, "site.css not applied", header))
            overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            if overflow > 0:
                problems.append((where, "overflows sideways by px", overflow))
            if violations := serious_violations(tab):
                problems.append((where, "axe", violations))
            tab.screenshot(path=str(screenshots / f"{template}-{language}-{width}.png"),
                           full_page=True)
            context.close()
    assert problems == []


def test_server_error_page_is_accessible_in_its_language_on_desktop_and_phone(
        browser, screenshot_dir):
    """The 500 page is served when anything may have failed, so it is drawn from its own HTML
    alone: it is loaded here as it is written, with no server behind it."""
    screenshots = screenshot_dir / "screenshots"
    screenshots.mkdir(exist_ok=True)
    problems = []
    for language in ("lt", "en"):
        with translation.override(language):
            html = server_error(RequestFactory().get("/")).content.decode()
        for width in WIDTHS.values():
            context = browser.new_context(viewport={"width": width, "height": 900})
            tab = context.new_page()
            tab.set_content(html)
            where = f"500 {language} {width}px"
            text = tab.locator("body").inner_text()
            foreign = [label for label in INTERFACE["lt" if language == "en" else "en"]
                       if label in text]
            if tab.locator("html").get_attribute("lang") != language or foreign:
                problems.append((where, "language", foreign))
            if tab.evaluate("document.documentElement.scrollWidth - window.innerWidth") > 0:
                problems.append((where, "overflows sideways"))
            if violations := serious_violations(tab):
                problems.append((where, "axe", violations))
            tab.screenshot(path=str(screenshots / f"500-{language}-{width}.png"), full_page=True)
            context.close()
    assert problems == []
