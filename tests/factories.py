"""Shared test data and factories: example import lines, the seed lines of the demo content, and
small functions that create, publish and hide pages in a municipality's sections. Test modules
import these from here, never from one another."""

import json
from datetime import timedelta

from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction

from cms.conf import demo_content_file
from pages.models import (
    ImportedItem,
    MunicipalityHomePage,
    ProjectIndexPage,
    ProjectPage,
    ProviderIndexPage,
    ProviderPage,
)

# Example import lines ------------------------------------------------------------------------

PROVIDER = {"id": "prov-alytus", "type": "provider", "site": "alytus",
            "title": "Alytaus miesto savivaldybės administracija",
            "provider_type": "savivaldybes-administracija", "municipality": "alytus"}
MEASURE = {"id": "m-407", "type": "measure", "site": "nacionalinis",
           "title": "Socialinių paslaugų infrastruktūros plėtra", "code": "08.1.1-CPVA-R-407",
           "priority": "veiksmu-programa-2014-2020-08", "agency": "cpva", "fund": "erpf"}
PROJECT = {"id": "s0", "type": "project", "site": "alytus",
           "title": "Socialinių paslaugų plėtra Alytaus mieste",
           "project_code": "08.1.1-CPVA-R-407-11-0005", "measure": "m-407",
           "status": "completed", "lead_beneficiary": "prov-alytus", "eu_amount": "346361.00",
           "target_groups": ["socialines-rizikos-asmenys"], "goal": "Įkurti namus.",
           "results": ["Įkurti savarankiško gyvenimo namai."],
           "partners": [{"provider": "prov-alytus", "role": "partner"}]}
TRANSLATION = {"id": "s0", "type": "project", "locale": "en",
               "title": "Development of social services in Alytus", "goal": "Set up a home.",
               "results": ["An independent-living home opened."]}
NEWS = {"id": "news-x", "type": "news", "site": "alytus", "title": "Naujiena X",
        "lead": "Įvadas <script>lieka tekstu</script>"}

# The seed pages of the demo content ----------------------------------------------------------

SEEDS = {"project-s0", "project-s1-seimai", "project-s1-54plius", "project-s2", "project-s3",
         "project-s4", "news-s1", "news-s2-kalvarija"}
REFERENCES = ("measure", "lead_beneficiary", "predecessor", "about_projects", "about_measures",
              "mentioned_providers")


def seed_lines() -> list[dict]:
    """The seed lines and, transitively, every line they reference, in file order."""
    raw_lines = demo_content_file().read_text(encoding="utf-8").splitlines()
    lines = [json.loads(raw) for raw in raw_lines]
    by_id = {line["id"]: line for line in lines if line.get("locale", "lt") == "lt"}
    wanted, queue = set(), list(SEEDS)
    while queue:
        line = by_id[queue.pop()]
        if line["id"] in wanted:
            continue
        wanted.add(line["id"])
        for key in REFERENCES:
            value = line.get(key) or []
            queue.extend([value] if isinstance(value, str) else value)
        queue.extend(partner["provider"] for partner in line.get("partners", []))
    return [line for line in lines if line["id"] in wanted]


def imported(model, external_id: str, language: str = "lt"):
    """The page an import line (by its id) made, in a language."""
    key = ImportedItem.objects.get(external_id=external_id).translation_key
    return model.objects.get(translation_key=key, locale__language_code=language)


# Pages ---------------------------------------------------------------------------------------

PAST = timedelta(minutes=5)


def home(slug: str, language: str = "lt") -> MunicipalityHomePage:
    """A municipality's home page, in a language."""
    page = MunicipalityHomePage.objects.get(slug=slug)
    if language == "lt":
        return page
    return page.get_translation(Locale.objects.get(language_code=language))


def section(home_page: Page, index_model: type[Page]) -> Page:
    """The section (index page) of `index_model` under a home page."""
    return index_model.objects.child_of(home_page).get()


def add_page(parent: Page, page: Page, *, publish: bool = False) -> Page:
    """Add `page` under `parent` and save its first revision; publish that revision if asked
    (a page made with live=True and not published is live, without a publish action)."""
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page


def add_provider(home_page: Page, title: str, *, live: bool = True,
                 publish: bool = False) -> ProviderPage:
    """A provider (an NGO) in the home page's providers section."""
    provider = ProviderPage(title=title, provider_type="nvo", live=live)
    return add_page(section(home_page, ProviderIndexPage), provider, publish=publish)


def draft_provider(home_page: Page, title: str) -> ProviderPage:
    """A provider never published, in the home page's providers section."""
    return add_provider(home_page, title, live=False)


def draft_project(home_page: Page, title: str) -> ProjectPage:
    """A planned project never published, in the home page's projects section."""
    project = ProjectPage(title=title, status="planned", live=False)
    return add_page(section(home_page, ProjectIndexPage), project)


def restrict(page: Page) -> PageViewRestriction:
    """Put a page behind a password."""
    return PageViewRestriction.objects.create(page=page, restriction_type="password",
                                              password="x")


def hide(page: Page, state: str) -> None:
    """Put a live page into a non-public state: "unpublished", "restricted" or "expired" (five
    minutes ago, without running the scheduled job); any other state leaves it as it is."""
    if state == "unpublished":
        page.unpublish()
    elif state == "restricted":
        restrict(page)
    elif state == "expired":
        type(page).objects.filter(pk=page.pk).update(expire_at=timezone.now() - PAST)
