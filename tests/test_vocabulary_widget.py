"""A vocabulary's checkbox list on a page's edit form has a filter above it: a labelled text
field that controls the list, with a polite live region for the count of shown options and the
script that narrows the list (tried in a browser in tests/browser/test_vocabulary_filter.py)."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation

from pages.models import NewsPage, ProjectPage, ProviderPage, TargetGroup
from pages.widgets import FilterableCheckboxSelectMultiple
from tests.editorial import (
    content_fixture,  # noqa: F401  (the `content` fixture)
    logged_in,
    make_user,
)
from tests.factories import NEWS

CHOICES = [("senjorai", "Senjorai"), ("jaunimas", "Mažiau galimybių turintis jaunimas")]
VOCABULARIES = {ProjectPage: ["municipalities", "target_groups", "service_types", "funds"],
                ProviderPage: ["service_types", "target_groups"], NewsPage: ["target_groups"]}


def rendered(language: str) -> BeautifulSoup:
    widget = FilterableCheckboxSelectMultiple(choices=CHOICES)
    with translation.override(language):
        html = widget.render("target_groups", ["jaunimas"], attrs={"id": "id_target_groups"})
    return BeautifulSoup(html, "html.parser")


def filter_of(html: BeautifulSoup, list_id: str):
    """The filter field of the checkbox list with this id, and the list it controls."""
    [field] = html.select(f"input[aria-controls={list_id}]")
    return field, html.select_one(f"#{list_id}")


@pytest.mark.parametrize(("language", "label"), [("en", "Filter the list"),
                                                 ("lt", "Filtruoti sąrašą")])
def test_the_filter_is_a_labelled_field_controlling_the_list(language, label):
    html = rendered(language)
    field, checkbox_list = filter_of(html, "id_target_groups")
    assert field["type"] == "search" and not field.has_attr("name")  # never submitted
    assert html.select_one(f"label[for={field['id']}]").get_text(strip=True) == label
    assert [box["value"] for box in checkbox_list.select("input[type=checkbox]")] == [
        "senjorai", "jaunimas"]
    assert checkbox_list.select_one("input[value=jaunimas]").has_attr("checked")


def test_the_count_of_shown_options_is_announced_politely():
    html = rendered("lt")
    field, _list = filter_of(html, "id_target_groups")
    status = html.select_one("[role=status]")
    assert status["aria-live"] == "polite" and status.get_text(strip=True) == ""
    assert field["data-count-text"] == "Rodoma: {shown} iš {total}"  # the script counts
    assert field.find_parent().find(attrs={"role": "status"}) is status  # beside the field
    assert "pages/vocabulary-filter.js" in str(FilterableCheckboxSelectMultiple().media)


@pytest.mark.django_db
@pytest.mark.parametrize("model", VOCABULARIES)
def test_every_vocabulary_list_of_the_edit_forms_has_the_filter(model, sites, content,
                                                               run_import):
    assert not run_import([NEWS]).failed
    page = model.objects.filter(locale__language_code="lt").first()
    client = logged_in(make_user("formos-admin", superuser=True))
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    html = BeautifulSoup(response.content, "html.parser")
    for name in VOCABULARIES[model]:
        field, checkbox_list = filter_of(html, f"id_{name}")
        assert checkbox_list.select(f"input[type=checkbox][name={name}]")
        assert html.select_one(f"label[for={field['id']}]").get_text(strip=True) == \
            "Filtruoti sąrašą"
    assert html.select("script[src*='pages/vocabulary-filter']")


@pytest.mark.django_db
def test_a_target_group_with_a_hard_official_name_shows_its_easy_read_description(sites, content):
    project = ProjectPage.objects.filter(locale__language_code="lt").first()
    client = logged_in(make_user("formos-admin", superuser=True))
    response = client.get(reverse("wagtailadmin_pages:edit", args=[project.pk]))
    html = BeautifulSoup(response.content, "html.parser")
    described = TargetGroup.objects.exclude(description_lt="")
    assert described
    for group in described:
        [checkbox] = html.select(f"#id_target_groups input[value='{group.pk}']")
        label = checkbox.find_parent("label").get_text(" ", strip=True)
        assert label == f"{group.label_lt} – {group.description_lt}"
