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


PHONE = {"width": 375, "height": 667}
DESKTOP = {"width": 1280, "height": 900}
TEXTS = {"lt": {"path": "/paieska/", "filters": "Filtrai", "show": "Rodyti"},
         "en": {"path": "/en/search/", "filters": "Filters", "show": "Show"}}


def serious_violations(page) -> list[tuple[str, str, str]]:
    violations = Axe().run(page).response["violations"]
    return [(v["id"], v["impact"], v["help"]) for v in violations
            if v["impact"] in ("serious", "critical")]


def shoot(page, screenshot_dir, language: str) -> None:
    folder = screenshot_dir / "screenshots"
    folder.mkdir(exist_ok=True)
    width = page.viewport_size["width"]
    page.screenshot(path=str(folder / f"search-{language}-{width}.png"), full_page=True)


def total(page) -> int:
    return int(re.search(r"\d+", summary(page)).group())


@pytest.mark.parametrize("language", ["lt", "en"])
def test_phone_shows_results_first_and_filters_in_a_panel_with_the_count(
        browser, live_server, alytus_content, screenshot_dir, language):
    texts = TEXTS[language]
    context = browser.new_context(viewport=PHONE, locale="lt-LT")
    tab = context.new_page()
    tab.goto(site_url(live_server, "alytus", texts["path"]))
    first = tab.locator(".hits > li h3").first.bounding_box()
    assert first["y"] + first["height"] <= PHONE["height"]  # the first result's title shows
    toggle = tab.locator(".filters-toggle")
    assert toggle.inner_text() == f"{texts['filters']} (0)"
    assert not tab.locator("#filtrai-turinys").is_visible()
    assert serious_violations(tab) == []
    shoot(tab, screenshot_dir, language)

    toggle.click()
    apply = tab.locator("#rodyti-rezultatus")
    assert apply.is_visible() and re.match(rf"{texts['show']} {total(tab)} ", apply.inner_text())
    box = tab.locator("#filtrai-turinys input[type=checkbox]").first
    label = tab.locator(f"label[for='{box.get_attribute('id')}']")
    chosen = int(COUNT.search(label.inner_text()).group(1))
    before = summary(tab)
    box.check()
    wait_for_change(tab, before)
    assert re.match(rf"{texts['show']} {chosen} ", apply.inner_text())
    assert toggle.inner_text() == f"{texts['filters']} (1)"
    apply.click()
    tab.wait_for_function("!document.getElementById('filtrai').open")
    assert tab.evaluate("document.activeElement.id") == "rezultatai"
    assert total(tab) == chosen and tab.locator(".hits > li h3").first.is_visible()

    tab.set_viewport_size(DESKTOP)
    tab.wait_for_function("document.getElementById('filtrai').open")
    assert not toggle.is_visible() and tab.locator("#filtrai-turinys").is_visible()
    assert serious_violations(tab) == []
    shoot(tab, screenshot_dir, language)
    context.close()


def test_keyboard_keeps_focus_and_the_live_region_and_sorts_on_request(
        browser, live_server, alytus_content):
    context = browser.new_context(viewport=DESKTOP, locale="lt-LT")
    tab = context.new_page()
    tab.goto(site_url(live_server, "alytus", "/paieska/"))
    more = tab.locator("details.more").first
    more.locator("summary").focus()
    tab.keyboard.press("Enter")
    assert more.get_attribute("open") is not None
    tab.keyboard.press("Tab")
    box_id = tab.evaluate("document.activeElement.id")
    assert tab.evaluate("document.activeElement.closest('details.more') !== null")
    tab.evaluate("window.statusBefore = document.getElementById('rezultatu-skaicius')")
    before = summary(tab)
    tab.keyboard.press("Space")
    wait_for_change(tab, before)
    assert tab.evaluate("document.activeElement.id") == box_id
    assert tab.locator(f"#{box_id}").is_checked()
    assert tab.locator(f"#{more.get_attribute('id')}").get_attribute("open") is not None
    assert tab.evaluate("document.getElementById('rezultatu-skaicius') === window.statusBefore")
    assert summary(tab) != before

    searches = []
    tab.on("request", lambda request: searches.append(request.url)
           if "/paieska/" in request.url else None)
    address = tab.url
    tab.locator("#sort").focus()
    tab.keyboard.press("ArrowDown")
    tab.keyboard.press("ArrowDown")
    chosen = tab.locator("#sort").input_value()
    assert tab.url == address and f"sort={chosen}" not in address
    tab.keyboard.press("Enter")
    tab.wait_for_url(re.compile(f"sort={chosen}"))
    assert len(searches) == 1 and f"sort={chosen}" in searches[0]
    context.close()
