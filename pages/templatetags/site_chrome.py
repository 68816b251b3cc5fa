"""What every public page shows around its content — the site's name and search box, the
breadcrumbs, the link to the page in the other language, the footer's contacts and accessibility
statement — and the related public pages a content page lists.

The chrome of a page without a database (the 500 page: no request, no page) is the language's
alone: nothing here touches the database unless the context has a page, a home page or a
request."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import template
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site

from pages.kinds import content_kinds
from pages.models import MunicipalityHomePage, ProjectPage, ProviderPage
from pages.public import below_any, is_public, public_pages
from pages.templatetags.public_pages import public

register = template.Library()

SEARCH_URL_NAMES = {"lt": "search", "en": "search-en"}  # the residents' search page, if served
DESCRIPTION_LENGTH = 200
OPENSTREETMAP_SEARCH = "https://www.openstreetmap.org/search?"


@dataclass
class Link:
    url: str
    title: str
    language: str = ""


@dataclass
class Chrome:
    language: str
    home: MunicipalityHomePage | None = None
    search_url: str | None = None
    breadcrumbs: list[Link] = field(default_factory=list)
    other_language: Link | None = None
    other_statement: Link | None = None  # the accessibility statement in the other language
    contacts: ProviderPage | None = None
    accessibility_url: str | None = None


def other_language_of(language: str) -> str:
    return "en" if language == "lt" else "lt"


def search_url(language: str) -> str | None:
    """The residents' search page in this language, where the project serves it."""
    try:
        return reverse(SEARCH_URL_NAMES[language])
    except (KeyError, NoReverseMatch):
        return None


def live_translation(page: Page, language: str) -> Page | None:
    """The page's public translation in a language (the page itself in its own)."""
    if page.locale.language_code == language:
        return page
    found = page.get_translation_or_none(Locale.objects.filter(language_code=language).first())
    return found.specific if found is not None and is_public(found) else None


def home_of_request(request: HttpRequest, language: str) -> MunicipalityHomePage | None:
    """The home page of the request's site in a language (a 404 has no page to start from)."""
    site = Site.find_for_request(request)
    root = site.root_page.specific if site else None
    if not isinstance(root, MunicipalityHomePage):
        return None
    return live_translation(root, language)


def public_in_language(pages: QuerySet, language: str | None = None) -> list[Page]:
    """The public ones of these pages, one per translation: the one in the language (the active
    one when not given) where public, else another public one; in their order."""
    language = language or translation.get_language() or "lt"
    chosen: dict = {}
    for page in public_pages(pages).select_related("locale").specific():
        if page.translation_key not in chosen or page.locale.language_code == language:
            chosen[page.translation_key] = page
    return list(chosen.values())


def site_contacts(home: MunicipalityHomePage) -> ProviderPage | None:
    """The organisation whose contacts the footer shows: the municipal administration among the
    site's public service providers, in the home page's language where translated."""
    homes = home.get_translations(inclusive=True)
    administrations = ProviderPage.objects.filter(
        below_any(homes.values_list("path", flat=True)),
        provider_type=ProviderPage.ProviderType.MUNICIPAL_ADMINISTRATION).order_by("path")
    found = public_in_language(administrations, home.locale.language_code)
    return found[0] if found else None


def breadcrumbs(page: Page, home: MunicipalityHomePage,
                request: HttpRequest | None) -> list[Link]:
    """The public pages above this one, from the home page down."""
    above = page.get_ancestors().filter(depth__gte=home.depth)
    return [Link(ancestor.get_url(request), ancestor.title) for ancestor in public_pages(above)]


def translation_link(page: Page, language: str, request: HttpRequest | None) -> Link | None:
    other = live_translation(page, language)
    return Link(other.get_url(request), other.title, language) if other is not None else None


@register.simple_tag(takes_context=True)
def site_chrome(context: template.Context) -> Chrome:
    """The chrome of the page in the context: a Wagtail page (`page`), a page of the project
    given its site's home page (`home`, `language`), or an error page (`request` only, or
    nothing at all)."""
    page = context.get("page")
    page = page if isinstance(page, Page) else None
    home = context.get("home")
    request = context.get("request")
    language = (page.locale.language_code if page is not None
                else context.get("language") or translation.get_language() or "lt")[:2]
    chrome = Chrome(language, search_url=search_url(language))
    if page is not None:
        home = MunicipalityHomePage.objects.ancestor_of(page, inclusive=True).first()
    elif not isinstance(home, MunicipalityHomePage) and request is not None:
        home = home_of_request(request, language)
    if not isinstance(home, MunicipalityHomePage):
        return chrome
    chrome.home = home
    chrome.contacts = site_contacts(home)
    chrome.accessibility_url = home.accessibility_statement_url(request)
    if page is not None:
        chrome.breadcrumbs = breadcrumbs(page, home, request)
        chrome.other_language = translation_link(page, other_language_of(language), request)
    other_home = live_translation(home, other_language_of(language)) \
        if isinstance(page, MunicipalityHomePage) else None
    if other_home is not None:
        chrome.other_statement = Link(other_home.accessibility_statement_url(request),
                                      other_home.title, other_home.language)
    return chrome


@register.filter
def meta_description(page: Page) -> str:
    """What search engines show under the page's title: its search description, else its
    summary, lead, introduction or description as plain text."""
    for name in ("search_description", "summary", "lead", "intro", "description"):
        text = strip_tags(str(getattr(page, name, "") or "")).strip()
        if text:
            return Truncator(" ".join(text.split())).chars(DESCRIPTION_LENGTH)
    return ""


@register.simple_tag
def page_description(page: Page | str | None, chrome: Chrome) -> str:
    """The page's meta description: its own (`meta_description`), else what the site it is on
    offers, after the page's title where it is not the home page."""
    page = page or None  # templates without a page pass ""
    own = meta_description(page) if page is not None else ""
    if own:
        return own
    if chrome.home is None:
        offer = _("EU-funded social services in Lithuania: projects, funding measures, service "
                  "providers and news.")
    else:
        offer = _("EU-funded projects, funding measures, service providers and news of "
                  "%(site)s.") % {"site": chrome.home.title}
    titled = page is not None and page.pk != getattr(chrome.home, "pk", None)
    return f"{page.title}. {offer}" if titled else offer


@register.filter
def content_template(page: Page) -> str:
    """The template of a content kind's page: `pages/<kind>_page.html`."""
    kind = next(kind for kind in content_kinds() if isinstance(page, kind.model))
    return f"pages/{kind.key}_page.html"


@register.filter
def public_related(pages: Iterable[Page]) -> list[Page]:
    """Related pages (a many-to-many field's) that are public, in the active language where
    translated."""
    keys = {page.translation_key for page in pages}
    return public_in_language(Page.objects.filter(translation_key__in=keys).order_by("path"))


@register.filter
def measure_projects(measure: Page) -> list[Page]:
    """The public projects funded by the measure (in any of its languages)."""
    return public_in_language(ProjectPage.objects.filter(
        measure__translation_key=measure.translation_key).order_by("title"))


@register.filter
def provider_projects(provider: Page) -> list[Page]:
    """The public projects the organisation leads or takes part in."""
    key = provider.translation_key
    return public_in_language(ProjectPage.objects.filter(
        Q(lead_beneficiary__translation_key=key) | Q(partners__provider__translation_key=key))
        .distinct().order_by("title"))


@register.filter
def public_partners(project: ProjectPage) -> list[tuple]:
    """(partner row, its organisation's public page) for the partners whose page is public."""
    return [(partner, provider) for partner in project.partners.select_related("provider")
            if (provider := public(partner.provider)) is not None]


@register.filter
def postal_address(page: Page) -> str:
    """Street, postal code and city on one line."""
    place = " ".join(part for part in (page.postal_code, page.city) if part)
    return ", ".join(part for part in (page.street_address, place) if part)


@register.filter
def map_link(page: Page) -> str:
    """OpenStreetMap at the page's coordinates, else its address searched; empty without
    either."""
    if page.latitude is not None and page.longitude is not None:
        return (f"https://www.openstreetmap.org/?mlat={page.latitude}&mlon={page.longitude}"
                f"#map=17/{page.latitude}/{page.longitude}")
    address = postal_address(page)
    return OPENSTREETMAP_SEARCH + urlencode({"query": address}) if address else ""


@register.simple_tag(takes_context=True)
def trail_to(context: template.Context, page: Page) -> list[Link]:
    """The breadcrumbs of a view served below a page (one of its routes): the page's own
    breadcrumbs, then the page."""
    chrome = context.get("chrome")
    above = chrome.breadcrumbs if chrome else []
    return [*above, Link(page.get_url(context.get("request")), page.title)]
