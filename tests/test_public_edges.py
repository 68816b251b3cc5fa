"""Rich text arrives through the import as the admin's editor would have saved it: only what
Wagtail's rich-text whitelist allows for the field's features, never a script."""

import pytest

from pages.importing import values
from pages.models import NewsPage, ProviderPage
from tests.factories import NEWS, PROVIDER, imported

pytestmark = pytest.mark.django_db
HOSTILE = ('<p onclick="steal()">Sveiki, <b>gyventojai</b>!<script>alert(1)</script>'
           '<img src="x" onerror="alert(2)"><a href="javascript:alert(3)">spauskite</a> '
           '<a href="https://www.alytus.lt/" target="_blank" onmouseover="alert(4)">Alytus</a>'
           '</p><style>body{display:none}</style><iframe src="https://evil.example/"></iframe>'
           '<h2 style="color:red">Paslaugos</h2><ul><li>Dienos centras</li></ul>'
           '<a data-linktype="page" data-id="1">vidinė</a><svg><script>alert(5)</script></svg>')
CLEAN = ('<p>Sveiki, <b>gyventojai</b>!<a>spauskite</a> <a href="https://www.alytus.lt/">'
         'Alytus</a></p><h2>Paslaugos</h2><ul><li>Dienos centras</li></ul><a>vidinė</a>')
PROVIDER_X = {**PROVIDER, "id": "prov-x", "title": "Teikėjas X"}


def test_the_whitelist_keeps_text_and_allowed_markup_only():
    cleaned = values.rich_text(None)(HOSTILE)
    assert cleaned == CLEAN
    for hostile in ("script", "alert", "onerror", "onclick", "onmouseover", "javascript:",
                    "style", "iframe", "target", "svg", "data-linktype"):
        assert hostile not in cleaned


def test_the_whitelist_follows_the_field_s_features():
    cleaned = values.rich_text(["bold"])('<p><b>Taip</b> <i>ne</i> <a href="https://a.lt/">nuoroda</a>'
                                  '</p><h2>Antraštė</h2>')
    assert cleaned == "<p><b>Taip</b> ne nuoroda</p>Antraštė"


@pytest.mark.parametrize(("line", "model", "field"), [
    ({**PROVIDER_X, "description": HOSTILE}, ProviderPage, "description"),
    ({**NEWS, "body": HOSTILE}, NewsPage, "body"),
])
def test_import_stores_rich_text_cleaned(sites, run_import, line, model, field):
    result = run_import([line])
    assert not result.failed, result.stderr
    page = imported(model, line["id"])
    assert getattr(page, field) == CLEAN
    assert getattr(page.get_latest_revision_as_object(), field) == CLEAN


def test_a_translation_s_rich_text_is_cleaned_too(sites, run_import):
    translation = {"id": "news-x", "type": "news", "locale": "en", "title": "News X",
                   "lead": "Lead", "body": HOSTILE, "live": False}
    result = run_import([{**NEWS, "body": "<p>Tekstas</p>"}, translation])
    assert not result.failed, result.stderr
    assert imported(NewsPage, "news-x", "en").body == CLEAN


def test_plain_text_fields_are_stored_as_typed(sites, run_import):
    """Plain text is escaped wherever it is shown, so the import keeps it as it came."""
    result = run_import([NEWS])
    assert not result.failed, result.stderr
    assert imported(NewsPage, "news-x").lead == NEWS["lead"]
