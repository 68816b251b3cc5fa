"""The texts the plugin's models show people (app, model and field names, help texts, choice
labels, admin panel headings) and the public search's facet labels are English source strings
translated by the apps' catalogues: Lithuanian by default, English when English is active."""

import re

import pytest
from django.apps import apps
from django.db import models
from django.test.utils import isolate_apps
from django.utils import translation
from django.utils.functional import Promise
from wagtail.admin.panels import Panel

from pages.models import ProjectPage
from search.facets import FACETS, FACETS_BY_KEY

PLUGIN_APPS = ("pages", "search", "workers")
WORD = re.compile(r"[^\W\d_]")  # a label without letters ("2014–2020") needs no translation


def plugin_models() -> list[type[models.Model]]:
    return [model for app in PLUGIN_APPS for model in apps.get_app_config(app).get_models()]


def declared_by_plugin(model: type[models.Model], field: models.Field) -> bool:
    """Whether the plugin's source declares the field: on the model itself or on one of the
    plugin's abstract bases, not on Wagtail's, taggit's or Django's."""
    for base in reversed(model.__mro__):
        meta = getattr(base, "_meta", None)
        if meta is not None and field.name in {declared.name for declared in
                                              [*meta.local_fields, *meta.local_many_to_many]}:
            return base is model or base.__module__.split(".")[0] in PLUGIN_APPS
    return False


def editable_fields(model: type[models.Model]) -> list[models.Field]:
    return [field for field in model._meta.get_fields()
            if isinstance(field, models.Field) and field.editable and not field.auto_created
            and declared_by_plugin(model, field)]


def bare_texts(model: type[models.Model]) -> list[str]:
    """Where the model shows people a text that no translation wraps."""
    found = [f"{model.__name__}.Meta.{name}" for name in ("verbose_name", "verbose_name_plural")
             if not isinstance(getattr(model._meta, name), Promise)]
    for field in editable_fields(model):
        place = f"{model.__name__}.{field.name}"
        if not isinstance(field.verbose_name, Promise):
            found.append(f"{place} verbose_name {field.verbose_name!r}")
        if field.help_text and not isinstance(field.help_text, Promise):
            found.append(f"{place} help_text {field.help_text!r}")
        found += [f"{place} choice {label!r}" for _value, label in field.flatchoices
                  if WORD.search(str(label)) and not isinstance(label, Promise)]
    return found


def panels_of(model: type[models.Model]) -> list[Panel]:
    """Every admin panel of a page model, nested ones included."""
    pending = [*getattr(model, "content_panels", []), *getattr(model, "settings_panels", []),
               *getattr(model, "panels", [])]
    panels = []
    while pending:
        panel = pending.pop()
        panels.append(panel)
        pending += getattr(panel, "children", [])
    return panels


def bare_panel_texts(model: type[models.Model]) -> list[str]:
    return [f"{model.__name__} panel {name} {getattr(panel, name)!r}"
            for panel in panels_of(model) for name in ("heading", "label")
            if getattr(panel, name, "") and not isinstance(getattr(panel, name), Promise)]


def test_the_plugin_apps_are_named_by_translatable_texts():
    assert [app for app in PLUGIN_APPS
            if not isinstance(apps.get_app_config(app).verbose_name, Promise)] == []


@pytest.mark.parametrize("model", plugin_models(), ids=lambda model: model._meta.label)
def test_model_texts_are_translatable(model):
    assert bare_texts(model) == []


@pytest.mark.parametrize("model", plugin_models(), ids=lambda model: model._meta.label)
def test_admin_panel_texts_are_translatable(model):
    assert bare_panel_texts(model) == []


@isolate_apps("pages")
def test_the_scan_finds_a_bare_text():
    class Untranslated(models.Model):
        code = models.CharField("kodas", max_length=10, help_text="Nekintantis.",
                                choices=[("a", "Pirmas"), ("2014", "2014–2020")])

        class Meta:
            app_label = "pages"
            verbose_name = "neverstas"

        def __str__(self) -> str:
            return self.code

    assert bare_texts(Untranslated) == [
        "Untranslated.Meta.verbose_name", "Untranslated.code verbose_name 'kodas'",
        "Untranslated.code help_text 'Nekintantis.'", "Untranslated.code choice 'Pirmas'"]


def test_field_texts_are_lithuanian_by_default_and_english_in_english():
    field = ProjectPage._meta.get_field("project_code")
    assert str(field.verbose_name) == "projekto kodas"
    assert ProjectPage.Status.COMPLETED.label == "Įgyvendintas"
    with translation.override("en"):
        assert str(field.verbose_name) == "project code"
        assert ProjectPage.Status.COMPLETED.label == "Completed"
        assert str(ProjectPage._meta.verbose_name_plural) == "projects"
    with translation.override("lt"):
        assert str(ProjectPage._meta.verbose_name_plural) == "projektai"



@pytest.mark.parametrize("facet", FACETS, ids=lambda facet: facet.key)
def test_facet_labels_are_translatable_and_translated(facet):
    assert isinstance(facet.name, Promise)
    assert facet.label("lt") != facet.label("en")
    fixed_labels = facet.vocabulary if isinstance(facet.vocabulary, dict) else {}
    assert [label for label in fixed_labels.values()
            if WORD.search(str(label)) and not isinstance(label, Promise)] == []


def test_status_facet_shows_the_project_status_labels_in_the_language_asked():
    status = FACETS_BY_KEY["status"]
    with translation.override("en"):  # the language asked counts, not the active one
        assert (status.label("lt"), status.label("en")) == ("Būsena", "Status")
        assert status.value_labels("lt") == {"planned": "Planuojamas", "running": "Vykdomas",
                                             "completed": "Įgyvendintas"}
    with translation.override("lt"):
        assert status.value_labels("en") == {"planned": "Planned", "running": "Running",
                                             "completed": "Completed"}
        assert FACETS_BY_KEY["budget_band"].value_labels("en")["virs-5-mln"] == "over €5m"
