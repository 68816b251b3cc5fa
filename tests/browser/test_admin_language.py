"""The admin as Chromium draws it, with the sidebar's menus opened, for a municipality's
moderator (who sees what its editors see, and its reviews) and for a superuser (every screen):
none of Wagtail's interface texts, from its templates or its scripts, is shown in English."""

import pytest

from pages.models import ProjectIndexPage, ProjectPage
from tests.browser.test_editorial_flow import log_in
from tests.editorial import OWN, make_user, moderator_of
from tests.factories import MEASURE, PROJECT, PROVIDER
from tests.test_i18n import english_among, wagtail_english_texts, wagtail_script_texts

# the visible texts, and the titles, labels and placeholders of the visible elements
SHOWN_TEXTS = """() => {
    const shown = new Set();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const element = walker.currentNode.parentElement;
        const text = walker.currentNode.textContent.replace(/\\s+/g, " ").trim();
        if (text && element && element.checkVisibility()) shown.add(text);
    }
    for (const element of document.querySelectorAll("[title], [aria-label], [placeholder]")) {
        if (!element.checkVisibility()) continue;
        for (const name of ["title", "aria-label", "placeholder"]) {
            const value = element.getAttribute(name);
            if (value) shown.add(value.trim());
        }
    }
    return [...shown];
}"""
SIDEBAR_MENUS = "#wagtail-sidebar button[aria-expanded]:not(.sidebar-nav-toggle):visible"
SCREENS = ["/admin/", "/admin/pages/", "/admin/pages/{section}/", "/admin/pages/{project}/edit/",
           "/admin/reports/", "/admin/workflows/list/", "/admin/workflows/tasks/index/",
           "/admin/snippets/", "/admin/images/", "/admin/documents/", "/admin/users/",
           "/admin/groups/", "/admin/sites/", "/admin/localize/", "/admin/collections/"]


def english_texts_shown(tab, english: set[str]) -> set[str]:
    return english_among(tab.evaluate(SHOWN_TEXTS), english)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("staff", ["moderator", "superuser"])
def test_every_admin_screen_shows_wagtail_texts_in_lithuanian(live_server, browser, sites,
                                                               run_import, staff):
    assert not run_import([PROVIDER, MEASURE, PROJECT]).failed
    user = (moderator_of(OWN, sites) if staff == "moderator"
            else make_user("sistemos-administratorius", superuser=True))
    places = {"section": ProjectIndexPage.objects.descendant_of(sites[OWN].home).first().pk,
              "project": ProjectPage.objects.get(title=PROJECT["title"]).pk}
    english = wagtail_english_texts() | wagtail_script_texts()
    tab = browser.new_context(locale="lt-LT", viewport={"width": 1280, "height": 900}).new_page()
    log_in(tab, live_server, user.username)
    found, opened = {}, 0
    for screen in SCREENS:
        address = screen.format(**places)
        response = tab.goto(f"{live_server.url}{address}")
        if response.status != 200 or "/login/" in tab.url:
            continue  # a screen this kind of staff may not open
        tab.wait_for_load_state("networkidle")
        shown = english_texts_shown(tab, english)
        menus = tab.locator(SIDEBAR_MENUS)
        for number in range(menus.count()):
            menus.nth(number).click()
            shown |= english_texts_shown(tab, english)
            tab.keyboard.press("Escape")
        opened += 1
        if shown:
            found[address] = sorted(shown)
    assert opened >= 4
    assert found == {}
