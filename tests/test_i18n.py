"""Languages of what people read: English source texts translated by the apps' Lithuanian
catalogues. The residents' pages follow the page's language, API problems the request's
language, the admin stays Lithuanian (Wagtail's untranslated texts included), templates carry no
text outside the translation tags, the cms modules pass no Lithuanian text to the interface
outside gettext and every catalogue compiles."""

import ast
import json
import re
import shutil
import subprocess
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path

import pytest
import wagtail
import wagtail_localize
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import translation

import cms
import pages
from cms.editorial import genitive
from cms.wagtail_texts import WAGTAIL_COUNTS, WAGTAIL_TEXTS
from pages.models import ProjectIndexPage, ProjectPage
from tests.api.conftest import DATABASE_ENGINE
from tests.editorial import OTHER, OWN, editor_of, media_bulk_confirmations, media_in, moderator_of
from tests.factories import MEASURE, PROJECT, PROVIDER, TRANSLATION, imported

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CMS_SOURCES = Path(cms.__file__).resolve().parent
CMS_TEMPLATES = CMS_SOURCES / "templates"
PAGES_TEMPLATES = Path(pages.__file__).resolve().parent / "templates"
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
    response = Client(HTTP_HOST=HOST).get(missing)
    assert "Accept-Language" in response["Vary"]  # a shared cache keeps each language apart
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


ENGLISH_PROJECT_LABELS = ("<dt>Code</dt><dd>08.1.1-CPVA-R-407-11-0005</dd>",
                          "<dt>Status</dt><dd>Completed</dd>", "<dt>Measure</dt>",
                          "<dt>Lead beneficiary</dt>", "<dt>EU funds</dt>",
                          "<dt>Target groups</dt>", "<h2>Goal</h2>")
LITHUANIAN_PROJECT_LABELS = ("<dt>Kodas</dt><dd>08.1.1-CPVA-R-407-11-0005</dd>",
                             "<dt>Būsena</dt><dd>Įgyvendintas</dd>", "<dt>Priemonė</dt>",
                             "<dt>Vykdytojas</dt>", "<dt>ES lėšos</dt>",
                             "<dt>Tikslinės grupės</dt>", "<h2>Tikslas</h2>")


@pytest.fixture
def completed_project(sites, run_import) -> dict[str, ProjectPage]:
    """A completed project of the own municipality, published in Lithuanian and English."""
    run_import([PROVIDER, MEASURE, PROJECT, TRANSLATION])
    return {language: imported(ProjectPage, PROJECT["id"], language) for language in ("lt", "en")}


@pytest.mark.django_db
def test_project_page_labels_follow_the_page_language(completed_project):
    client = Client(HTTP_HOST=HOST, HTTP_ACCEPT_LANGUAGE="en")
    english = client.get(completed_project["en"].get_url()).content.decode()
    lithuanian = client.get(completed_project["lt"].get_url()).content.decode()
    assert all(label in english for label in ENGLISH_PROJECT_LABELS)
    assert "Kodas" not in english and "Įgyvendintas" not in english
    assert all(label in lithuanian for label in LITHUANIAN_PROJECT_LABELS)
    assert "<dt>Code</dt>" not in lithuanian and "Completed" not in lithuanian


@pytest.mark.django_db
def test_project_page_is_rendered_in_its_own_language_whatever_is_active(completed_project):
    with translation.override("lt"):  # as in the Lithuanian admin's preview
        english = render_to_string("pages/content_page.html", {"page": completed_project["en"]})
    assert '<html lang="en">' in english
    assert all(label in english for label in ENGLISH_PROJECT_LABELS)


@pytest.mark.django_db
def test_page_editor_shows_wagtail_texts_in_lithuanian_to_staff(sites, client):
    section = ProjectIndexPage.objects.descendant_of(sites[OWN].home).first()
    client.force_login(editor_of(OWN, sites))
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[section.pk])).content.decode()
    assert "Nustatyti paskelbimo tvarkaraštį" in editor
    assert "Set publishing schedule" not in editor


class ShownTexts(HTMLParser):
    """The texts a page shows or says to a screen reader: text outside scripts, styles and
    hidden elements, and the titles, labels, placeholders and alternatives of elements."""

    SAID = ("title", "aria-label", "placeholder", "alt")
    UNSHOWN = ("script", "style", "template")
    VOID = ("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
            "source", "track", "wbr")

    def __init__(self) -> None:
        super().__init__()
        self.texts: set[str] = set()
        self.open: list[tuple[str, bool]] = []  # (tag, hidden) of the open elements

    def hidden(self) -> bool:
        return any(hidden for _tag, hidden in self.open)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.open.append((tag, tag in self.UNSHOWN or "hidden" in dict(attrs)))
        if not self.hidden():
            self.texts.update(value.strip() for name, value in attrs
                              if name in self.SAID and value)
        if tag in self.VOID:
            self.open.pop()

    def handle_endtag(self, tag: str) -> None:
        while self.open and self.open.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        if not self.hidden() and data.strip():
            self.texts.add(" ".join(data.split()))


def wagtail_english_texts() -> set[str]:
    """The interface texts of Wagtail and wagtail-localize of at least four letters, as their
    English catalogues hold them, each up to its first markup and without a count in front."""
    texts = set()
    for catalogue in [*Path(wagtail.__file__).parent.glob("*/locale/en/LC_MESSAGES/django.po"),
                      Path(wagtail_localize.__file__).parent / "locale/en/LC_MESSAGES/django.po"]:
        for entry in re.finditer(r'^msgid(?:_plural)? ((?:".*"\n)+)', catalogue.read_text(),
                                 re.MULTILINE):
            text = "".join(re.findall(r'"(.*)"', entry.group(1)))
            texts.add(text.split("<")[0].replace("%(total)s ", "").strip())
    return {text for text in texts if len(text) >= 4}


def english_among(texts: Iterable[str], english: set[str]) -> set[str]:
    """Those of the texts shown that are Wagtail's English ones, a count in front or not."""
    return {text for text in texts if re.sub(r"^[0-9]+ ", "", text) in english}


@pytest.mark.django_db
def test_admin_screens_staff_use_show_no_wagtail_text_in_english(sites, completed_project,
                                                                 client):
    english = wagtail_english_texts()
    client.force_login(moderator_of(OWN, sites))
    section = ProjectIndexPage.objects.descendant_of(sites[OWN].home).first()
    confirmations = [reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
                     + f"?id={completed_project['lt'].pk}&id={section.pk}"
                     for action in ("delete", "move", "publish", "unpublish")]
    own_media = [media_in(sites[OWN].editorial.collection, f"Nuotrauka {number}")
                 for number in (1, 2)]
    other_media = media_in(sites[OTHER].editorial.collection, "Kita nuotrauka")
    confirmations += media_bulk_confirmations([*(image for image, _ in own_media), other_media[0]],
                                              [*(document for _, document in own_media),
                                               other_media[1]])
    for address in [reverse("wagtailadmin_home"),
                    reverse("wagtailadmin_explore", args=[section.pk]),
                    reverse("wagtailadmin_pages:edit", args=[section.pk]),
                    reverse("wagtailadmin_pages:edit", args=[completed_project["lt"].pk]),
                    reverse("wagtail_localize:translations_report"), *confirmations]:
        shown = ShownTexts()
        shown.feed(client.get(address, HTTP_HOST=HOST).content.decode())
        assert not english_among(shown.texts, english), address
    shortcuts = ShownTexts()  # the keyboard shortcuts dialog, hidden until "?" is pressed
    dashboard = client.get(reverse("wagtailadmin_home"), HTTP_HOST=HOST).content.decode()
    dialog = dashboard[dashboard.rindex("<", 0, dashboard.index('id="keyboard-shortcuts-dialog"')):]
    shortcuts.feed(re.sub(r"\s(hidden|aria-hidden=\"true\")(?=[\s>])", "", dialog))
    assert "Spartieji klavišai" in shortcuts.texts
    assert not english_among(shortcuts.texts, english)


def wagtail_script_texts() -> set[str]:
    """The texts of Wagtail's admin scripts, as its English JavaScript catalogue lists them."""
    catalogue = Path(wagtail.__file__).parent / "admin/locale/en/LC_MESSAGES/djangojs.po"
    return {"".join(re.findall(r'"(.*)"', entry.group(1))) for entry in
            re.finditer(r'^msgid ((?:".*"\n)+)', catalogue.read_text(), re.MULTILINE)} - {""}


def served_script_texts(client: Client) -> dict:
    script = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    return json.loads(re.search(r"const newcatalog = (\{.*?\});\n", script, re.S).group(1))


@pytest.mark.django_db
def test_the_admin_scripts_show_every_wagtail_text_in_lithuanian(sites, client):
    """The page editor's buttons, the sidebar and the comments take their texts from the
    admin's JavaScript catalogue, signed in or not (the login page)."""
    client.force_login(editor_of(OWN, sites))
    served = served_script_texts(client)
    assert wagtail_script_texts() - set(served) == set()
    assert served["Collapse all"] == "Suskleisti viską"
    assert served["%(num)s error"][3] == "%(num)s klaidų"
    assert served_script_texts(Client(HTTP_HOST=HOST)) == served


@pytest.mark.django_db
def test_structure_guard_refuses_in_lithuanian(sites, client):
    client.force_login(moderator_of(OWN, sites))
    news_index = sites[OWN].home.get_children().get(slug="naujienos")
    explorer = client.post(reverse("wagtailadmin_pages:delete", args=(news_index.pk,)),
                           follow=True).content.decode()
    assert ("Svetainės struktūros puslapius trinti ar perkelti gali tik sistemos "
            "administratorius." in explorer)


def test_wagtail_texts_listed_by_the_plugin_are_translated():
    with translation.override("lt"):
        untranslated = [text for text in WAGTAIL_TEXTS if translation.gettext(text) == text]
        counts = [str(count) for count in WAGTAIL_COUNTS]
    assert untranslated == []
    with translation.override("en"):
        assert not set(counts) & {str(count) for count in WAGTAIL_COUNTS}


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


@pytest.mark.parametrize("template", sorted([*CMS_TEMPLATES.rglob("*.html"),
                                              *PAGES_TEMPLATES.rglob("*.html")]),
                         ids=lambda path: str(path.relative_to(PROJECT_ROOT)))
def test_templates_show_no_text_outside_translation_tags(template):
    assert untranslated_words(template.read_text(encoding="utf-8")) == []


LITHUANIAN_LETTERS = re.compile("[ąčęėįšųūžĄČĘĖĮŠŲŪŽ]")
# The positional arguments of each gettext function that are msgids (translated texts).
MSGID_ARGUMENTS = {
    "_": (0,), "gettext": (0,), "gettext_lazy": (0,), "gettext_noop": (0,),
    "ngettext": (0, 1), "ngettext_lazy": (0, 1), "pgettext": (1,), "pgettext_lazy": (1,),
    "npgettext": (1, 2), "npgettext_lazy": (1, 2),
}
# Lithuanian literals of the cms modules that are data, not interface text: (module, literal)
# and why each may stay.
LITHUANIAN_DATA = {
    ("workflows.py", ": moderatorių patvirtinimas"):
        "a municipality's approval task is a record named in Lithuanian (cms/editorial.py)",
    ("workflows.py", ": peržiūra"):
        "a municipality's workflow is a record named in Lithuanian (cms/editorial.py)",
    ("editorial.py", "ė"): "the ending of the Lithuanian names the genitive declines",
    ("migrations/0002_group_names_in_genitive.py", "savivaldybė"):
        "the migration renames group records by their Lithuanian names",
    ("migrations/0002_group_names_in_genitive.py", "savivaldybės"):
        "the migration renames group records by their Lithuanian names",
    ("checks.py", "Lietuvių"): "the Lithuanian language's own name, as LANGUAGES lists it",
}


def docstring_of(node: ast.AST) -> ast.Constant | None:
    body = getattr(node, "body", None)
    if (isinstance(body, list) and body and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str)):
        return body[0].value
    return None


def unpublished_docstrings(tree: ast.Module) -> list[ast.Constant]:
    """Docstrings only readers of the source see: the module's and undecorated functions'.
    A class's docstring may be a schema's description and a decorated function's an API
    operation's, so those count as shown."""
    owners = [tree, *(node for node in ast.walk(tree)
                      if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
                      and not node.decorator_list)]
    return [docstring for owner in owners if (docstring := docstring_of(owner))]


def msgids(tree: ast.Module) -> list[ast.expr]:
    """The arguments of gettext calls that are msgids."""
    found: list[ast.expr] = []
    for call in ast.walk(tree):
        if not isinstance(call, ast.Call):
            continue
        function = call.func
        name = (function.id if isinstance(function, ast.Name)
                else function.attr if isinstance(function, ast.Attribute) else "")
        found += [call.args[position] for position in MSGID_ARGUMENTS.get(name, ())
                  if position < len(call.args)]
    return found


def bare_lithuanian_literals(source: str) -> list[tuple[int, str]]:
    """String literals of a module, with their lines, that hold Lithuanian letters and are
    neither a msgid of a gettext call nor a docstring only readers of the source see."""
    tree = ast.parse(source)
    exempt = {id(node) for node in [*unpublished_docstrings(tree), *msgids(tree)]}
    literals = [node for node in ast.walk(tree)
                if isinstance(node, ast.Constant) and isinstance(node.value, str)
                and id(node) not in exempt and LITHUANIAN_LETTERS.search(node.value)]
    return [(node.lineno, node.value)
            for node in sorted(literals, key=lambda node: (node.lineno, node.col_offset))]


SCANNED_EXAMPLE = '''\
"""Modulio aprašymas."""
from django.utils.translation import gettext as _, pgettext
LABEL = "Paieška"
@router.get("/", summary="Paieškos santrauka")
def search(count):
    """Aprašymas, rodomas dokumentacijoje."""
    return _("Search"), _("Ieškoti"), pgettext("žodis", "Word"), f"Rasta rezultatų: {count}"
def helper():
    """Pagalbinė funkcija."""
    return "Labas"
class Result:
    """Paieškos rezultatas."""
'''


def test_the_source_scan_finds_lithuanian_text_outside_gettext():
    assert bare_lithuanian_literals(SCANNED_EXAMPLE) == [
        (3, "Paieška"), (4, "Paieškos santrauka"), (6, "Aprašymas, rodomas dokumentacijoje."),
        (7, "žodis"), (7, "Rasta rezultatų: "), (12, "Paieškos rezultatas.")]


@pytest.mark.parametrize("module", sorted(CMS_SOURCES.rglob("*.py")),
                         ids=lambda path: str(path.relative_to(CMS_SOURCES)))
def test_cms_modules_pass_no_bare_lithuanian_text_to_the_interface(module):
    name = module.relative_to(CMS_SOURCES).as_posix()
    found = [(line, text) for line, text in bare_lithuanian_literals(module.read_text("utf-8"))
             if (name, text) not in LITHUANIAN_DATA]
    assert found == [], ("write English source text wrapped in gettext (Lithuanian in the "
                         "catalogue), or list data in LITHUANIAN_DATA")


def test_lithuanian_data_lists_only_literals_the_modules_hold():
    held = {(module, text) for module in {module for module, _text in LITHUANIAN_DATA}
            for _line, text in bare_lithuanian_literals(
                (CMS_SOURCES / module).read_text("utf-8"))}
    assert set(LITHUANIAN_DATA) <= held


CATALOGUES = sorted(path for app in ("pages", "search", "workers", "cms")
                    for path in (PROJECT_ROOT / app).glob("locale/*/LC_MESSAGES/*.po"))


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext's msgfmt is not installed")
@pytest.mark.parametrize("catalogue", CATALOGUES,
                         ids=lambda path: str(path.relative_to(PROJECT_ROOT)))
def test_catalogue_compiles_with_every_text_translated(catalogue, tmp_path):
    result = subprocess.run(["msgfmt", "--check", "--statistics", "--output-file",
                             str(tmp_path / "django.mo"), str(catalogue)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "fuzzy" not in result.stderr and "untranslated" not in result.stderr, result.stderr


@pytest.mark.django_db
def test_admin_login_is_in_lithuanian(sites):
    login = Client(HTTP_HOST=HOST).get("/admin/login/").content.decode()
    assert "Slaptažodis" in login
    assert ">Password<" not in login and "Password\n" not in login
