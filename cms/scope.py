"""Which municipality site a request is for: decided by the Host header alone.

A host that is not exactly a Site's hostname gets no site: no request is ever answered as some
default municipality. Pages outside the site's trees (its home and the home's translations) are
never served as drafts or previews through it.
"""

from dataclasses import dataclass
from functools import cached_property

from django.core.exceptions import DisallowedHost
from django.http import HttpRequest
from django.http.request import split_domain_port
from wagtail.models import Page, Site

from pages.models import MunicipalityHomePage


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


def site_for_host(request: HttpRequest) -> Site | None:
    """The Site named by the request's host; None for a host that no Site has, that is
    malformed or that ALLOWED_HOSTS refuses (answered as no site, never as an error)."""
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    hostname, _port = split_domain_port(host)
    sites = list(Site.objects.filter(hostname=hostname.lower()).select_related("root_page"))
    if len(sites) > 1:
        sites = [site for site in sites if str(site.port) == request.get_port()] or []
    return sites[0] if len(sites) == 1 else None


def site_scope(request: HttpRequest) -> SiteScope | None:
    """The request's site scope, or None for a host that is no municipality's site."""
    if not hasattr(request, "_site_scope"):
        site = site_for_host(request)
        home = site and MunicipalityHomePage.objects.select_related("municipality").filter(
            pk=site.root_page_id).first()
        request._site_scope = SiteScope(site, home) if home else None
        if home:
            request._wagtail_site = site  # Wagtail's own lookup would fall back to a default
    return request._site_scope
