"""Home and section index pages carry a site's structure: only superusers delete or move them."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from wagtail.models import Page

from pages.kinds import section_models
from pages.models import MunicipalityHomePage

REFUSAL = "Svetainės struktūros puslapius trinti ar perkelti gali tik sistemos administratorius."


def structural_types() -> tuple[type[Page], ...]:
    """Home pages and the section index page of every content kind."""
    return (MunicipalityHomePage, *section_models())


def is_structural(page: Page) -> bool:
    return issubclass(page.specific_class or Page, structural_types())


def refuse_structural_change(request: HttpRequest, pages: list[Page]) -> HttpResponse | None:
    if request.user.is_superuser or not any(is_structural(page) for page in pages):
        return None
    messages.error(request, REFUSAL)
    return redirect("wagtailadmin_explore", pages[0].get_parent().pk)
