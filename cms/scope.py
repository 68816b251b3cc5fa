"""Which municipality site a request is for: decided by the Host header alone.

A host that is not exactly a Site's hostname gets no site: no request is ever answered as some
default municipality. Pages outside the site's trees (its home and the home's translations) are
never served as drafts or previews through it.

A host's scope is kept in the shared cache (`search.conf.shared_cache`) under a generation that
every change it is read from bumps, in whichever process: a Site saved or deleted, a home page
saved, a root-level page published, unpublished, moved or deleted, a municipality saved.
"""

from dataclasses import dataclass
from functools import cached_property

from django.core.exceptions import DisallowedHost
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest
from django.http.request import split_domain_port
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from pages.models import Municipality, MunicipalityHomePage
from search.freshness import count_change, kept_under_generation

SCOPE_GENERATION = "cms:site-scope-generation"
SCOPE_SECONDS = 3600
HOME_DEPTH = 2  # home pages are children of the root node


@dataclass
class SiteScope:
    site: Site
    home: MunicipalityHomePage

    @cached_property
    def homes(self) -> dict[str, MunicipalityHomePage]:
        """Language code → live home page of that language (the site root and translations)."""
        translations = (MunicipalityHomePage.objects.live()
                        .filter(translation_key=self.home.translation_key)
                        .select_related("locale"))
        return {home.locale.language_code: home for home in translations}

    @property
    def municipality(self) -> str | None:
        """The slug of the site's municipality; None on the national site."""
        return self.home.municipality.slug if self.home.municipality_id else None

    def home_in(self, language: str) -> MunicipalityHomePage | None:
        return self.homes.get(language)

    def contains(self, page: Page) -> bool:
        return any(page.path.startswith(home.path) for home in self.homes.values()) \
            or page.path.startswith(self.home.path)


def site_for_host(hostname: str, port: str) -> Site | None:
    """The Site named by this host; None for a host that no Site has."""
    sites = list(Site.objects.filter(hostname=hostname).select_related("root_page"))
    if len(sites) > 1:
        sites = [site for site in sites if str(site.port) == port] or []
    return sites[0] if len(sites) == 1 else None


def read_scope(hostname: str, port: str) -> SiteScope | None:
    site = site_for_host(hostname, port)
    home = site and MunicipalityHomePage.objects.select_related("municipality").filter(
        pk=site.root_page_id).first()
    return SiteScope(site, home) if home else None


def kept_scope(hostname: str, port: str) -> SiteScope | None:
    """The host's scope, from the shared cache when it is kept there; a host that is no
    municipality's site is never kept (any name can be sent as a host)."""

    def read() -> SiteScope | None:
        scope = read_scope(hostname, port)
        if scope is not None:
            scope.homes  # kept with the scope  # noqa: B018
        return scope

    return kept_under_generation(SCOPE_GENERATION, f"cms:site-scope:{hostname}:{port}", read,
                                 SCOPE_SECONDS, lambda kept: kept is not None)


def site_scope(request: HttpRequest) -> SiteScope | None:
    """The request's site scope; None for a host that is no municipality's site, that is
    malformed or that ALLOWED_HOSTS refuses (answered as no site, never as an error)."""
    if not hasattr(request, "_site_scope"):
        try:
            hostname, _port = split_domain_port(request.get_host())
        except DisallowedHost:
            hostname = ""
        request._site_scope = kept_scope(hostname.lower(), request.get_port()) \
            if hostname else None
        if request._site_scope:
            # Wagtail's own lookup would fall back to a default site
            request._wagtail_site = request._site_scope.site
    return request._site_scope


def scope_changed(**_signal_arguments: object) -> None:
    """Every process reads host scopes afresh."""
    count_change(SCOPE_GENERATION)


def root_page_changed(instance: Page, **_signal_arguments: object) -> None:
    """A page published, unpublished or deleted: a home page's change changes scopes."""
    if instance.depth <= HOME_DEPTH:
        scope_changed()


def page_moved(parent_page_before: Page, parent_page_after: Page,
               **_signal_arguments: object) -> None:
    """A page moved from or to the root: a home page moved."""
    if min(parent_page_before.depth, parent_page_after.depth) < HOME_DEPTH:
        scope_changed()


def connect() -> None:
    for name, signal in (("saved", post_save), ("deleted", post_delete)):
        signal.connect(scope_changed, sender=Site, dispatch_uid=f"cms-scope-site-{name}")
        signal.connect(scope_changed, sender=Municipality,
                       dispatch_uid=f"cms-scope-municipality-{name}")
    post_save.connect(scope_changed, sender=MunicipalityHomePage,
                      dispatch_uid="cms-scope-home-saved")
    page_published.connect(root_page_changed, dispatch_uid="cms-scope-page-published")
    page_unpublished.connect(root_page_changed, dispatch_uid="cms-scope-page-unpublished")
    post_delete.connect(root_page_changed, sender=Page, dispatch_uid="cms-scope-page-deleted")
    post_page_move.connect(page_moved, dispatch_uid="cms-scope-page-moved")
