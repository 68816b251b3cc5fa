"""Form widgets of the page edit forms."""

from django import forms


class FilterableCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """A list of checkboxes with a text field above it that narrows the list to the options
    whose label holds every typed word, ignoring case and diacritics ("seniu" finds "Senių");
    ticked options stay in view. A polite live region tells how many options are shown."""

    template_name = "pages/widgets/filterable_checkbox_select.html"

    class Media:
        js = ["pages/vocabulary-filter.js"]
