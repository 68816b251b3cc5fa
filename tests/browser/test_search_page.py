"""The residents' search page in Debian's Chromium: query, two facets, axe-core, screenshot."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from search import pipeline
from tests.api.conftest import DATABASE_ENGINE, import_lines
from tests.api.demo import demo_slice
from tests.browser.conftest import site_url
from tests.conftest import create_demo_sites

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
COUNT = re.compile(r"\((\d+)\)")


@pytest.fixture
def alytus_content(settings, tmp_path):
    for name, value in DATABASE_ENGINE.items():
        setattr(settings, name, value)
    create_demo_sites()
    import_lines(demo_slice({"alytus"}), tmp_path)
    pipeline.drain()


def summary(page) -> str:
    return page.locator("#rezultatu-skaicius").inner_text()


def snapshot(page) -> tuple[str, list[str], str]:
    titles = page.locator(".hits h3").all_inner_texts()
    return summary(page), titles, page.locator("#filtrai-turinys").inner_text()


def tick_a_narrowing_value(page, skip_facets: set[str]) -> str:
    """Tick the first unticked value of a new facet that keeps some but not all results."""
    total = int(re.search(r"\d+", summary(page)).group())
    for box in page.locator("#filtrai-turinys input[type=checkbox]:not(:checked)").all():
        name = box.get_attribute("name")
        label = page.locator(f"label[for='{box.get_attribute('id')}']")
        count = int(COUNT.search(label.inner_text()).group(1))
        if name not in skip_facets and 0 < count < total:
            label.scroll_into_view_if_needed()
            if not box.is_visible():
                box.locator("xpath=ancestor::details[1]").locator("summary").first.click()
            box.check()
            return name
    raise AssertionError("no facet value narrows the results")


def wait_for_change(page, before: str) -> None:
    page.wait_for_function("before => document.querySelector('#rezultatu-skaicius')"
                           ".innerText !== before", arg=before)


def test_search_with_a_query_and_two_facets_is_accessible(page, live_server, alytus_content,
                                                          screenshot_dir):
    page.goto(site_url(live_server, "alytus", "/paieska/"))
    assert page.locator("html").get_attribute("lang") == "lt"
    start = snapshot(page)
    page.get_by_label("Ko ieškote?").fill("paslaugos")
    page.keyboard.press("Enter")
    wait_for_change(page, start[0])
    with_query = snapshot(page)
    assert "paslaugos" in with_query[0] and with_query != start
    first = tick_a_narrowing_value(page, set())
    wait_for_change(page, with_query[0])
    one_facet = snapshot(page)
    assert one_facet[0] != with_query[0] and one_facet[2] != with_query[2]
    second = tick_a_narrowing_value(page, {first})
    wait_for_change(page, one_facet[0])
    two_facets = snapshot(page)
    assert two_facets[0] != one_facet[0] and two_facets[1] != with_query[1]
    assert page.locator(".chip").count() == 2
    assert f"{first}=" in page.url and f"{second}=" in page.url and "q=paslaugos" in page.url
    assert page.locator(".hits mark").count() > 0
    violations = Axe().run(page).response["violations"]
    serious = [(v["id"], v["impact"], v["help"]) for v in violations
               if v["impact"] in ("serious", "critical")]
    page.screenshot(path=str(screenshot_dir / "search-page.png"), full_page=True)
    assert serious == []


def test_search_works_without_javascript(browser, live_server, alytus_content):
    context = browser.new_context(java_script_enabled=False, locale="en-GB")
    tab = context.new_page()
    tab.goto(site_url(live_server, "alytus", "/en/search/"))
    assert tab.locator("html").get_attribute("lang") == "en"
    tab.get_by_label("What are you looking for?").fill("services")
    tab.get_by_role("button", name="Search", exact=True).click()
    tab.wait_for_url(re.compile(r"q=services"))
    assert "for “services”" in summary(tab)
    context.close()
