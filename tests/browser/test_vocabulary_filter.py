"""An editor narrows a project's target groups in Chromium: typing without diacritics and in
lower case finds the groups whose names have them, the ticked group stays in view, the live
region counts the shown groups, and clearing the filter brings the whole list back. Axe finds
nothing to fault in the filter and its list; a screenshot (build/screenshots/
admin-vocabulary-filter.png)."""

import unicodedata

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from pages.models import ProjectPage, TargetGroup
from tests.browser.test_editor_admin import shoot
from tests.browser.test_editorial_flow import log_in
from tests.editorial import OWN, editor_of
from tests.factories import MEASURE, PROJECT, PROVIDER

TYPED = "maziau"  # the start of "Mažiau galimybių turintis jaunimas"


def folded(text: str) -> str:
    return "".join(character for character in unicodedata.normalize("NFD", text)
                   if not unicodedata.combining(character)).lower()


def as_listed(group: TargetGroup) -> str:
    """A target group's label in the list: its name, and its easy-read description if any."""
    return f"{group.label_lt} – {group.description_lt}" if group.description_lt else group.label_lt


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_editor_filters_the_target_groups_by_typing_without_diacritics(
        live_server, browser, sites, run_import, screenshot_dir):
    assert not run_import([PROVIDER, MEASURE, PROJECT]).failed
    project = ProjectPage.objects.get(title=PROJECT["title"])
    ticked = {as_listed(group) for group in project.target_groups.all()}
    every_group = TargetGroup.objects.count()
    matching = {as_listed(group) for group in TargetGroup.objects.all()
                if TYPED in folded(as_listed(group))}
    assert any(label.startswith("Mažiau galimybių turintis jaunimas – ") for label in matching)
    assert not matching & ticked
    tab = browser.new_context(locale="lt-LT", viewport={"width": 1280, "height": 900}).new_page()
    log_in(tab, live_server, editor_of(OWN, sites).username)
    tab.goto(f"{live_server.url}/admin/pages/{project.pk}/edit/")
    tab.get_by_role("tab", name="Klasifikacija").click()

    shown = tab.locator("#id_target_groups label:visible")
    search = tab.get_by_role("searchbox", name="Filtruoti sąrašą").and_(
        tab.locator("[aria-controls=id_target_groups]"))
    count = tab.locator("#id_target_groups-filter-count")
    expect(shown).to_have_count(every_group)

    search.press_sequentially(TYPED)
    expect(shown).to_have_count(len(matching | ticked))
    assert {text.strip() for text in shown.all_inner_texts()} == matching | ticked
    expect(count).to_have_text(f"Rodoma: {len(matching | ticked)} iš {every_group}")
    tab.evaluate("document.addEventListener('submit', (event) => {"
                 " window.submitted = true; event.preventDefault(); }, true)")
    search.press("Enter")
    assert tab.evaluate("window.submitted") is None  # Enter in the filter saves nothing
    # the field's label at the top, so that the narrowed list shows above the save bar
    search.evaluate("(field) => field.closest('[data-field-wrapper]')?.scrollIntoView()"
                    " ?? field.scrollIntoView()")
    shoot(tab, screenshot_dir, "vocabulary-filter")
    findings = Axe().run(tab, context={"include": [["[data-vocabulary-filter]"],
                                                   ["#id_target_groups"]]})
    assert findings.response["violations"] == []

    search.fill("")
    expect(shown).to_have_count(every_group)
    expect(count).to_have_text(f"Rodoma: {every_group} iš {every_group}")
    tab.wait_for_load_state("networkidle")  # the editor's own requests (preview) answered
    tab.context.close()  # before the next test's database is restored
