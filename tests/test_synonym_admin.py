"""Synonym sets in the admin: national administrators keep them among the vocabularies, a
municipality's staff cannot reach them, the form says which line is wrong, and the seed sets
are added once, leaving administrators' edits alone."""

import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from pages.models import SynonymSet
from pages.vocabularies import SYNONYM_SETS, seed_synonym_sets
from search.synonyms import expansions
from tests.editorial import OWN, editor_of, logged_in, moderator_of, national_admin

LIST, ADD, EDIT = (f"wagtailsnippets_pages_synonymset:{view}" for view in ("list", "add", "edit"))
ELDERLY = "senyvo amžiaus asmenys"


def elderly_set() -> SynonymSet:
    return SynonymSet.objects.get(terms__startswith=ELDERLY)


def form(terms: str, language: str = "lt", note: str = "") -> dict[str, str]:
    return {"language": language, "terms": terms, "note": note}


def alternatives_of(word: str, language: str = "lt") -> list[tuple[str, ...]]:
    return [found.alternatives for found in expansions([word], language)]


def test_national_administrators_find_synonym_sets_among_the_vocabularies(sites):
    client = logged_in(national_admin())
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(LIST) in dashboard
    listing = client.get(reverse(LIST))
    assert listing.status_code == 200
    assert "Sinonimų rinkiniai" in listing.content.decode()
    assert f"{ELDERLY} = senjorai = seneliai …" in listing.content.decode()


def test_national_administrators_add_and_edit_sets_that_apply_to_searches_at_once(sites):
    client = logged_in(national_admin())
    response = client.post(reverse(ADD), form("  dienos centras \nDienos užimtumo centrai\n"))
    assert response.status_code == 302
    added = SynonymSet.objects.get(terms__startswith="dienos centras")
    assert added.terms == "dienos centras\nDienos užimtumo centrai"
    assert [found.alternatives for found in expansions(["dienos", "centrai"], "lt")] == [
        ("Dienos užimtumo centrai",)]
    response = client.post(reverse(EDIT, args=(elderly_set().pk,)),
                           form(f"{ELDERLY}\nseneliai\nvyresni žmonės"))
    assert response.status_code == 302
    assert alternatives_of("seneliai") == [(ELDERLY, "vyresni žmonės")]
    assert alternatives_of("senjorai") == []


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_a_municipalitys_staff_cannot_see_or_change_synonym_sets(sites, role):
    user = (editor_of if role == "editor" else moderator_of)(OWN, sites)
    client = logged_in(user)
    assert not user.has_perm("pages.change_synonymset")
    assert reverse(LIST) not in client.get(reverse("wagtailadmin_home")).content.decode()
    synonym_set = elderly_set()
    for url in (reverse(LIST), reverse(ADD), reverse(EDIT, args=(synonym_set.pk,))):
        assert client.get(url).status_code != 200
    client.post(reverse(EDIT, args=(synonym_set.pk,)), form("seneliai\nsenoliai"))
    client.post(reverse(ADD), form("seneliai\nsenoliai"))
    assert elderly_set().terms == synonym_set.terms
    assert not SynonymSet.objects.filter(terms__contains="senoliai").exists()


@pytest.mark.parametrize(("terms", "message"), [
    ("seneliai\n\nsenjorai", "2 eilutė tuščia"),
    ("seneliai\n  \nsenjorai", "2 eilutė tuščia"),
    ("seneliai\nsenjorai\n…", "3 eilutė („…“) neturi nė vienos raidės ar skaitmens"),
    ("seneliai\nvyresnio amžiaus vieniši žmonės kaime",
     "2 eilutė („vyresnio amžiaus vieniši žmonės kaime“) ilgesnė nei 4 žodžiai"),
    ("seneliai", "Parašykite bent du terminus"),
    ("", "Šis laukas yra privalomas."),
])
def test_the_form_names_the_line_that_is_wrong(sites, terms, message):
    client = logged_in(national_admin())
    before = SynonymSet.objects.count()
    response = client.post(reverse(ADD), form(terms))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert SynonymSet.objects.count() == before


def test_model_validation_is_in_english_when_english_is_active(db):
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        SynonymSet(terms="older people\n\nseniors").full_clean()
    assert refused.value.message_dict["terms"] == [
        "Line 2 is empty: write one term a line, without empty lines."]


def test_the_seed_sets_are_there_once_and_seeding_again_leaves_administrators_edits_alone(db):
    seeded = SynonymSet.objects.count()
    assert seeded == len(SYNONYM_SETS)
    assert set(SynonymSet.objects.values_list("language", flat=True)) == {"lt", "en"}
    edited = elderly_set()
    edited.terms = f"{ELDERLY}\nsenjorai"
    edited.note = "Seneliai išbraukti: per daug netikslių rezultatų."
    edited.save()
    seed_synonym_sets(apps)
    assert SynonymSet.objects.count() == seeded
    assert (elderly_set().terms, elderly_set().note) == (edited.terms, edited.note)


def test_an_existing_national_administrators_group_is_given_the_synonym_sets(sites):
    admin = national_admin()
    group = admin.groups.get()
    group.permissions.remove(*group.permissions.filter(codename__endswith="_synonymset"))
    assert not type(admin).objects.get(pk=admin.pk).has_perm("pages.change_synonymset")
    migration = importlib.import_module("cms.migrations.0003_national_admins_keep_synonym_sets")
    migration.grant(apps, None)
    assert type(admin).objects.get(pk=admin.pk).has_perm("pages.change_synonymset")
    assert logged_in(admin).get(reverse(EDIT, args=(elderly_set().pk,))).status_code == 200
