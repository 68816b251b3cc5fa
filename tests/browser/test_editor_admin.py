"""A municipal editor's admin in Chromium: the dashboard of their municipality, the page form's
tabs and checkbox lists, an ASCII slug made from a Lithuanian title, translating a page into
English in wagtail-localize's editor, and the moderator's review; a screenshot of each screen
(build/screenshots/admin-*.png). Axe's findings on the edit form are written next to them, not
asserted: they are Wagtail's own."""

import json
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from wagtail.models import Locale

from pages.models import ProjectIndexPage, ProjectPage
from tests.browser.test_editorial_flow import log_in, press_footer_action
from tests.editorial import OWN, editor_of, moderator_of
from tests.factories import MEASURE, PROJECT, PROVIDER

TABS = ["Turinys", "Klasifikacija", "Finansavimas", "Kontaktai", "Skelbti"]


def shoot(tab, screenshot_dir: Path, screen: str) -> None:
    folder = screenshot_dir / "screenshots"
    folder.mkdir(exist_ok=True)
    tab.screenshot(path=str(folder / f"admin-{screen}.png"), full_page=True)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_editor_works_in_lithuanian_and_translates_into_english(
        live_server, browser, sites, run_import, screenshot_dir):
    assert not run_import([PROVIDER, MEASURE, PROJECT]).failed
    project = ProjectPage.objects.get(title=PROJECT["title"])
    admin = f"{live_server.url}/admin"
    tab = browser.new_context(locale="lt-LT", viewport={"width": 1280, "height": 900}).new_page()
    log_in(tab, live_server, editor_of(OWN, sites).username)

    panel = tab.locator(f"section[data-municipality={OWN}]")
    assert tab.get_by_role("heading", name="Jūsų savivaldybė").is_visible()
    assert panel.locator("[data-figure=live]").inner_text() == "2"
    shoot(tab, screenshot_dir, "dashboard")

    tab.goto(f"{admin}/pages/{project.pk}/edit/")
    assert [name.strip() for name in tab.get_by_role("tab").all_inner_texts()] == TABS
    tab.get_by_role("tab", name="Klasifikacija").click()
    target_group = tab.locator("input[type=checkbox][name=target_groups]").first
    assert target_group.is_visible()
    target_group.check()
    assert target_group.is_checked()
    classification = tab.locator("#tab-klasifikacija")
    assert classification.get_by_text("Rodoma viešame puslapyje.").first.is_visible()
    shoot(tab, screenshot_dir, "page-edit")
    findings = Axe().run(tab).response["violations"]
    (screenshot_dir / "screenshots" / "admin-page-edit-axe.json").write_text(
        json.dumps([{"id": finding["id"], "nodes": len(finding["nodes"])}
                    for finding in findings], indent=1), encoding="utf-8")

    section = ProjectIndexPage.objects.child_of(sites[OWN].home).get()
    tab.goto(f"{admin}/pages/add/pages/projectpage/{section.pk}/")
    tab.locator("#id_title").press_sequentially("Senjorų užsiėmimai Alytuje")
    tab.locator("#id_title").blur()
    expect(tab.locator("#id_slug")).to_have_value("senjoru-uzsiemimai-alytuje")

    tab.goto(f"{admin}/localize/submit/page/{project.pk}/")
    tab.locator("input[name=locales]").check()
    tab.locator("form[method=POST] input[type=submit]").click()
    tab.wait_for_url(f"{admin}/pages/*/edit/")
    translation = project.get_translation(Locale.objects.get(language_code="en"))
    assert tab.url.endswith(f"/pages/{translation.pk}/edit/") and not translation.live
    tab.get_by_text(PROJECT["title"]).first.wait_for()  # the source text, to be translated
    shoot(tab, screenshot_dir, "translation-editor")

    tab.goto(f"{admin}/pages/{project.pk}/edit/")
    press_footer_action(tab, "button[name='action-submit']")
    tab.wait_for_url(f"{admin}/pages/*/")
    review = browser.new_context(locale="lt-LT", viewport={"width": 1280, "height": 900})
    as_moderator = review.new_page()
    log_in(as_moderator, live_server, moderator_of(OWN, sites).username)
    awaiting = as_moderator.locator("#awaiting-review-content")
    assert awaiting.get_by_text(PROJECT["title"]).first.is_visible()
    shoot(as_moderator, screenshot_dir, "moderation")
    tab.context.close()
    review.close()
