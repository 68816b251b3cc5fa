"""Form widgets of the page edit forms."""

from typing import Any

from django import forms
from django.utils import translation


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
