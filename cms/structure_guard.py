"""Home and section index pages carry a site's structure: only superusers delete or move them."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.models import Page

from pages.kinds import section_models
from pages.models import MunicipalityHomePage


def structural_types() -> tuple[type[Page], ...]:
    """Home pages and the section index page of every content kind."""
    return (MunicipalityHomePage, *section_models())


def is_structural(page: Page) -> bool:
    return issubclass(page.specific_class or Page, structural_types())


def refuse_structural_change(request: HttpRequest, pages: list[Page]) -> HttpResponse | None:
    if request.user.is_superuser or not any(is_structural(page) for page in pages):
        return None
    messages.error(request, _("Only a system administrator may delete or move the pages that "
                              "carry a site's structure."))
    return redirect("wagtailadmin_explore", pages[0].get_parent().pk)
