"""Create a municipality's Wagtail Site: home page and the section index page of every content
kind (`pages.kinds`), in LT and EN.

Once the pages exist, `municipality_site_ensured` is sent (with `home`, inside the same
transaction): the editorial app answers with the site's editorial setup (groups, media
collection, review workflow), which the result carries.
"""

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.dispatch import Signal
from wagtail.models import Locale, Page, Site

from pages.kinds import ContentKind, content_kinds
from pages.models import Municipality, MunicipalityHomePage

NATIONAL_SLUG = "nacionalinis"
NATIONAL_TITLES = ("Nacionaliniai projektai", "National projects")
municipality_site_ensured = Signal()  # keyword `home`; a receiver answers the editorial setup


@dataclass
class MunicipalitySite:
    site: Site
    home: MunicipalityHomePage
    created: bool
    editorial: Any  # the editorial setup a receiver of `municipality_site_ensured` answered


def _publish(page: Page) -> None:
    page.save_revision().publish()


def _ensure_translation(page: Page, locale: Locale, title: str, slug: str | None = None) -> Page:
    """The page's translation, published with this title and, when given, this slug (a
    changed slug leaves a redirect from the old address, as any renamed page does)."""
    translation = page.get_translation_or_none(locale)
    if translation is None:
        translation = page.copy_for_translation(locale)
        if slug and slug != translation.slug:  # never served at the copied slug: no redirect
            translation.slug = slug
            translation.set_url_path(translation.get_parent())
            Page.objects.filter(pk=translation.pk).update(slug=slug,
                                                          url_path=translation.url_path)
    wanted_slug = slug or translation.slug
    if translation.title != title or translation.slug != wanted_slug or not translation.live:
        translation.title, translation.slug = title, wanted_slug
        _publish(translation)
    return translation


def _ensure_section(home: MunicipalityHomePage, kind: ContentKind, lithuanian: Locale,
                    english: Locale) -> None:
    """The kind's section under the home page, titled with the kind's plural label."""
    section = kind.section_model.objects.child_of(home).first()
    if section is None:
        section = kind.section_model(title=kind.plural_in("lt"), slug=kind.section_slug("lt"),
                                     locale=lithuanian, live=False)
        home.add_child(instance=section)
        _publish(section)
    _ensure_translation(section, english, kind.plural_in("en"), kind.section_slug("en"))


@transaction.atomic
def ensure_municipality_site(slug: str, hostname: str, port: int = 80) -> MunicipalitySite:
    """Create (or complete) the site of the municipality with this slug; idempotent."""
    municipality = None if slug == NATIONAL_SLUG else Municipality.objects.get(slug=slug)
    title_lt, title_en = (municipality.label_lt, municipality.label_en) if municipality \
        else NATIONAL_TITLES
    lithuanian = Locale.objects.get(language_code="lt")
    english = Locale.objects.get(language_code="en")
    home = MunicipalityHomePage.objects.filter(slug=slug, locale=lithuanian).first()
    created = home is None
    if created:
        home = MunicipalityHomePage(title=title_lt, slug=slug, municipality=municipality,
                                    locale=lithuanian, live=False)
        Page.get_first_root_node().add_child(instance=home)
        _publish(home)
    _ensure_translation(home, english, title_en)
    for kind in content_kinds():
        _ensure_section(home, kind, lithuanian, english)
    wanted = {"hostname": hostname, "port": port, "site_name": title_lt, "is_default_site": False}
    site, site_created = Site.objects.get_or_create(root_page=home, defaults=wanted)
    if not site_created and any(getattr(site, name) != value for name, value in wanted.items()):
        # saved only when changed: a saved site has its pages indexed again
        for name, value in wanted.items():
            setattr(site, name, value)
        site.save()
    answers = municipality_site_ensured.send(sender=MunicipalityHomePage, home=home)
    editorial = next((answer for _, answer in answers if answer is not None), None)
    return MunicipalitySite(site, home, created, editorial)
