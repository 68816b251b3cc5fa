"""A municipal editor edits a project and submits it; that municipality's moderator approves it
in the Wagtail admin; the change is then found through search."""

import pytest

from pages.models import ProjectPage
from search import pipeline
from search.query import SearchQuery
from tests.editorial import OWN, PASSWORD, editor_of, moderator_of
from tests.factories import MEASURE, PROJECT, PROVIDER
from tests.search.conftest import engine_fixture

engine = engine_fixture(["opensearch"])
NEW_TITLE = "Savarankiško gyvenimo namai Alytuje"


def log_in(tab, live_server, username: str) -> None:
    tab.goto(f"{live_server.url}/admin/login/")
    tab.fill("#id_username", username)
    tab.fill("#id_password", PASSWORD)
    tab.click("button[type=submit]")
    tab.wait_for_url(f"{live_server.url}/admin/")


def press_footer_action(tab, selector: str) -> None:
    """Open the page editor's action menu (if the action is in it) and press the action."""
    action = tab.locator(selector).first
    if not action.is_visible():
        tab.locator("footer [data-w-dropdown-target='toggle']").first.click()
    action.click()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_editor_submits_moderator_approves_and_search_finds_it(
        live_server, browser, engine, sites, run_import):
    assert not run_import([PROVIDER, MEASURE, PROJECT]).failed
    project = ProjectPage.objects.get(title=PROJECT["title"])
    editor, moderator = editor_of(OWN, sites), moderator_of(OWN, sites)
    edit_url = f"{live_server.url}/admin/pages/{project.pk}/edit/"

    as_editor = browser.new_context(locale="lt-LT").new_page()
    log_in(as_editor, live_server, editor.username)
    as_editor.goto(edit_url)
    as_editor.fill("#id_title", NEW_TITLE)
    press_footer_action(as_editor, "button[name='action-submit']")
    as_editor.wait_for_url(f"{live_server.url}/admin/pages/*/")
    project.refresh_from_db()
    assert project.title == PROJECT["title"]  # submitted, not published
    assert project.current_workflow_task is not None

    as_moderator = browser.new_context(locale="lt-LT").new_page()
    log_in(as_moderator, live_server, moderator.username)
    as_moderator.goto(edit_url)
    press_footer_action(as_moderator, "button[data-workflow-action-name='approve']"
                                      ":not([data-workflow-action-modal-url])")
    as_moderator.wait_for_url(f"{live_server.url}/admin/pages/*/")
    project.refresh_from_db()
    assert project.title == NEW_TITLE and project.live

    pipeline.drain()
    engine.refresh()
    hits = engine.search(SearchQuery(text="Savarankiško gyvenimo namai")).hits
    assert [(hit.id, hit.title) for hit in hits] == [(project.pk, NEW_TITLE)]
    for tab in (as_editor, as_moderator):
        tab.context.close()
