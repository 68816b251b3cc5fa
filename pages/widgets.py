"""Form widgets of the page edit forms."""

from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils import translation
from django.utils.translation import gettext
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Page

from pages.public import is_public


class FilterableCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """A list of checkboxes with a text field above it that narrows the list to the options
    whose label holds every typed word, ignoring case and diacritics ("seniu" finds "Senių");
    ticked options stay in view. A polite live region tells how many options are shown. A term
    whose official name is hard to read (a target group) shows its easy-read description
    beside it."""

    template_name = "pages/widgets/filterable_checkbox_select.html"

    class Media:
        js = ["pages/vocabulary-filter.js"]

    def create_option(self, name: str, value: Any, label: Any, *args: Any,
                      **kwargs: Any) -> dict[str, Any]:
        term = getattr(value, "instance", None)
        described = getattr(term, "description", None)
        description = described(translation.get_language()) if described else None
        if description:
            label = f"{label} – {description}"
        return super().create_option(name, value, label, *args, **kwargs)


class SitePageChooser(AdminPageChooser):
    """Wagtail's page chooser, naming a page outside the form's site (`site_paths`, set by the
    form) as its own site shows it: by its published title, or by its id when it is not public
    (a title written or edited in a draft there is that municipality's unpublished work)."""

    site_paths: Sequence[str] = ()

    def get_display_title(self, instance: Page) -> str:
        if self.site_paths and instance.path.startswith(tuple(self.site_paths)):
            return super().get_display_title(instance)
        if is_public(instance):
            return instance.title
        return gettext("page %(id)s") % {"id": instance.pk}
