"""Languages of what people read: English source texts translated by the apps' Lithuanian
catalogues. The residents' pages follow the page's language, API problems the request's
language, the admin stays Lithuanian (Wagtail's untranslated texts included), templates carry no
text outside the translation tags and every catalogue compiles."""

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

import cms
from cms.editorial import genitive
from cms.wagtail_texts import WAGTAIL_TEXTS
from pages.models import ProjectIndexPage
from tests.api.conftest import DATABASE_ENGINE
from tests.editorial import OWN, editor_of

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CMS_TEMPLATES = Path(cms.__file__).resolve().parent / "templates"
HOST = f"{OWN}.localhost"


@pytest.fixture
def database_engine(settings) -> None:
    for name, value in DATABASE_ENGINE.items():
        setattr(settings, name, value)


@pytest.mark.django_db
def test_english_search_page_shows_english_labels(sites, database_engine):
    page = Client(HTTP_HOST=HOST).get("/en/search/").content.decode()
    for label in ("What are you looking for?", "Skip to results", "Filters", "Results",
                  "0 results found.", "<h1>Search</h1>", ">Lietuviškai</a>"):
        assert label in page
    assert "Ko ieškote?" not in page and "Rezultatai" not in page


@pytest.mark.django_db
def test_lithuanian_search_page_stays_lithuanian_whatever_the_browser_prefers(
        sites, database_engine):
    page = Client(HTTP_HOST=HOST, HTTP_ACCEPT_LANGUAGE="en").get("/paieska/").content.decode()
    for label in ("Ko ieškote?", "Pereiti prie rezultatų", "Filtrai", "Rezultatai",
                  "Rasta rezultatų: 0.", "<h1>Paieška</h1>", ">Ieškoti</button>",
                  ">In English</a>"):
        assert label in page
    assert "What are you looking for?" not in page


@pytest.mark.django_db
def test_search_error_is_written_in_the_page_language(sites, database_engine):
    client = Client(HTTP_HOST=HOST)
    english = client.get("/en/search/?page_size=abc").content.decode()
    lithuanian = client.get("/paieska/?page_size=abc").content.decode()
    assert "The search did not work: “page_size” must be a positive whole number." in english
    assert ("Paieška nepavyko: „page_size“ turi būti teigiamas sveikasis skaičius."
            in lithuanian)


def problem_detail(path: str, **headers: str) -> str:
    response = Client(HTTP_HOST=HOST, **headers).get(path)
    assert response.headers["Content-Type"] == "application/problem+json"
    return response.json()["detail"]


@pytest.mark.django_db
def test_api_problem_follows_the_request_language(sites, database_engine):
    missing = "/api/v1/projects/999999999/"
    assert problem_detail(missing) == "Paskelbto puslapio 999999999 nėra."
    assert (problem_detail(missing, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
            == "There is no published page 999999999.")
    assert problem_detail("/api/v1/search/?lang=en&colour=red").startswith(
        "Unknown parameter “colour”; allowed: budget_band, ")
    assert problem_detail("/api/v1/search/?lang=lt&colour=red",
                          HTTP_ACCEPT_LANGUAGE="en").startswith(
        "Nežinomas parametras „colour“; galimi: budget_band, ")


@pytest.mark.django_db
def test_api_validation_problem_is_in_one_language(sites, database_engine):
    path = "/api/v1/search/suggest/?q=a&limit=500"
    assert (problem_detail(path)
            == "Netinkamas parametras „limit“: turi būti ne didesnis nei 20.")
    assert (problem_detail(path, HTTP_ACCEPT_LANGUAGE="en")
            == "Invalid parameter “limit”: must be at most 20.")
    assert (problem_detail("/api/v1/taxonomies/fund/?lang=fr")
            == "Netinkamas parametras „lang“: turi būti viena iš reikšmių: lt, en.")


@pytest.mark.django_db
def test_page_editor_shows_wagtail_texts_in_lithuanian_to_staff(sites, client):
    section = ProjectIndexPage.objects.descendant_of(sites[OWN].home).first()
    client.force_login(editor_of(OWN, sites))
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[section.pk])).content.decode()
    assert "Nustatyti paskelbimo tvarkaraštį" in editor
    assert "Set publishing schedule" not in editor


def test_wagtail_texts_listed_by_the_plugin_are_translated():
    with translation.override("lt"):
        untranslated = [text for text in WAGTAIL_TEXTS if translation.gettext(text) == text]
    assert untranslated == []


@pytest.mark.parametrize(("name", "expected"), [
    ("Alytaus miesto savivaldybė", "Alytaus miesto savivaldybės"),
    ("Kazlų Rūdos savivaldybė", "Kazlų Rūdos savivaldybės"),
    ("Nacionalinio lygio", "Nacionalinio lygio"),
])
def test_groups_are_named_in_the_genitive(name, expected):
    assert genitive(name) == expected


class VisibleText(HTMLParser):
    """Text a reader sees: text nodes outside scripts and the attributes read out or shown."""

    ATTRIBUTES = {"title", "alt", "placeholder", "aria-label"}
    HIDDEN_ELEMENTS = {"script", "style"}

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self.hidden_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hidden_depth += tag in self.HIDDEN_ELEMENTS
        self.texts += [value for name, value in attrs if name in self.ATTRIBUTES and value]

    def handle_endtag(self, tag: str) -> None:
        self.hidden_depth -= tag in self.HIDDEN_ELEMENTS

    def handle_data(self, data: str) -> None:
        if not self.hidden_depth:
            self.texts.append(data)


TEMPLATE_TAGS = re.compile(r"{%.*?%}|{{.*?}}|{#.*?#}", re.S)
BLOCK_TRANSLATIONS = re.compile(r"{%\s*blocktranslate\b.*?{%\s*endblocktranslate\s*%}", re.S)
WORD = re.compile(r"[^\W\d_]+")
FORMAT_NAMES = {"RSS", "Atom"}  # names of feed formats, the same in every language


def untranslated_words(template_source: str) -> list[str]:
    """Words of a template a reader sees that no translation tag wraps."""
    source = TEMPLATE_TAGS.sub(" ", BLOCK_TRANSLATIONS.sub(" ", template_source))
    parser = VisibleText()
    parser.feed(source)
    return [word for text in parser.texts for word in WORD.findall(text)
            if word not in FORMAT_NAMES]


def test_the_template_scan_finds_text_outside_translation_tags():
    assert untranslated_words('<p title="Pavadinimas">Sveiki, {{ name }}</p>') == [
        "Pavadinimas", "Sveiki"]
    assert untranslated_words('{% load i18n %}<p title="{% translate "Name" %}">'
                              "{% blocktranslate %}Hello {{ name }}{% endblocktranslate %}"
                              "<script>let shown = false;</script></p>") == []


@pytest.mark.parametrize("template", sorted(CMS_TEMPLATES.rglob("*.html")),
                         ids=lambda path: str(path.relative_to(CMS_TEMPLATES)))
def test_cms_templates_show_no_text_outside_translation_tags(template):
    assert untranslated_words(template.read_text(encoding="utf-8")) == []


CATALOGUES = sorted(path for app in ("pages", "search", "workers", "cms")
                    for path in (PROJECT_ROOT / app).glob("locale/*/LC_MESSAGES/*.po"))


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext's msgfmt is not installed")
@pytest.mark.parametrize("catalogue", CATALOGUES,
                         ids=lambda path: str(path.relative_to(PROJECT_ROOT)))
def test_catalogue_compiles(catalogue, tmp_path):
    result = subprocess.run(["msgfmt", "--check", "--output-file", str(tmp_path / "django.mo"),
                             str(catalogue)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
