"""`make demo` as a newcomer runs it, in Debian's Chromium: the admin's and the search page's
stylesheets and scripts load (hashed, compressed, HTTP 200) and take effect, and every link
follows the port the demo is served on.

The demo runs the same command (`make demo`, without reinstalling the virtualenv the tests run
in) on a free port, without the services `make services` exports, with its SQLite database in a
temporary directory: a developer's db.sqlite3 is left alone. It is stopped as Ctrl+C stops it.
"""

import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "build" / "screenshots"
START_SECONDS = 900  # migrate, collectstatic and the whole demo import on a fresh database
STOP_SECONDS = 120  # Ctrl+C lets the worker finish the drain it is running (warm shutdown)
# What the shell running the tests may carry that a newcomer's `make demo` has not.
NOT_A_NEWCOMERS = ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL",
                   "OPENSEARCH_URL", "SEARCH_INDEX_ALIAS", "CELERY_QUEUE",
                   "WAGTAILADMIN_BASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "MAKEFLAGS", "MFLAGS",
                   "MAKELEVEL")
HASHED = re.compile(r"\.[0-9a-f]{12}\.(css|js)$")
# Computed properties a stylesheet changes and Chromium's defaults do not have.
STYLE_PROPERTIES = ("fontFamily", "fontSize", "color", "backgroundColor", "marginTop",
                    "paddingTop", "borderTopWidth", "borderTopColor", "borderRadius")


@dataclass
class Demo:
    port: int
    log: Path

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def log_tail(self) -> str:
        return self.log.read_text(errors="replace")[-4000:]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serves(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def interruptible() -> None:
    """In the demo's processes, Ctrl+C does what it does in a terminal."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Iterator[Demo]:
    directory = tmp_path_factory.mktemp("demo")
    port = free_port()
    env = {name: value for name, value in os.environ.items() if name not in NOT_A_NEWCOMERS}
    env |= {"PORT": str(port), "DATABASE_URL": f"sqlite:///{directory / 'db.sqlite3'}"}
    running = Demo(port, directory / "demo.log")
    with running.log.open("wb") as log:
        process = subprocess.Popen(
            ["make", "--no-print-directory", "-o", ".venv/.installed", "demo"], cwd=ROOT,
            env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
            # its own process group, as a terminal's foreground job, which Ctrl+C reaches
            # even when the tests themselves run where SIGINT is ignored (a background job)
            start_new_session=True, preexec_fn=interruptible)
        try:
            deadline = time.monotonic() + START_SECONDS
            while not serves(running.url("/admin/login/")):
                if process.poll() is not None:
                    pytest.fail(f"`make demo` stopped ({process.returncode}):\n"
                                f"{running.log_tail()}")
                if time.monotonic() > deadline:
                    pytest.fail(f"`make demo` did not serve in {START_SECONDS} s:\n"
                                f"{running.log_tail()}")
                time.sleep(1)
            yield running
        finally:
            with suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGINT)  # Ctrl+C
            try:
                process.wait(STOP_SECONDS)
                stopped_all = wait_for_group_exit(process.pid)
            finally:
                kill_group(process.pid)
    assert stopped_all, "Ctrl+C left a web server, worker or beat of the demo running"


def wait_for_group_exit(group: int) -> bool:
    deadline = time.monotonic() + STOP_SECONDS
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.5)
    return False


def kill_group(group: int) -> None:
    with suppress(ProcessLookupError):
        os.killpg(group, signal.SIGKILL)


def startup_output(demo: Demo) -> str:
    """What `make demo` printed before serving (the server's request log starts after it)."""
    return demo.log.read_text(errors="replace").split("Performing system checks")[0]


def assets(page) -> list[str]:
    return page.evaluate("""() => [
        ...[...document.querySelectorAll('link[rel=stylesheet]')].map(link => link.href),
        ...[...document.querySelectorAll('script[src]')].map(script => script.src)]""")


def check_assets(page) -> list[str]:
    """Every linked stylesheet and script answers 200; the static ones (all but the admin's
    translation catalogue) have hashed names and are served compressed and cached for good."""
    urls = assets(page)
    here = urlsplit(page.url)
    static = [url for url in urls if url.startswith(f"{here.scheme}://{here.netloc}/static/")]
    assert any(url.endswith(".css") for url in static)
    assert any(url.endswith(".js") for url in static)
    for url in urls:
        status, headers = fetched(page, url)
        assert status == 200, f"{url} answered {status}"
        if url in static:
            assert HASHED.search(url), f"{url} has no content hash"
            assert headers.get("content-encoding") in ("br", "gzip"), url  # Brotli when taken
            assert "immutable" in headers.get("cache-control", ""), url
        else:
            assert urlsplit(url).path == "/admin/jsi18n/", f"{url} is not a static file"
    return urls


def fetched(page, url: str) -> tuple[int, dict[str, str]]:
    """Status and headers of a GET made by the page itself (the browser resolves *.localhost,
    outside tools may not)."""
    return page.evaluate("""async url => {
        const response = await fetch(url, {cache: "no-store"});
        return [response.status, Object.fromEntries(response.headers.entries())];
    }""", url)


def fetched_json(page, path: str) -> object:
    return page.evaluate("async path => (await fetch(path)).json()", path)


def computed(page, selector: str) -> dict[str, str]:
    return page.locator(selector).first.evaluate(
        "(element, names) => Object.fromEntries(names.map("
        "name => [name, getComputedStyle(element)[name]]))", list(STYLE_PROPERTIES))


def browser_default(browser, tag: str) -> dict[str, str]:
    """The style Chromium gives the element with no stylesheet."""
    context = browser.new_context()
    try:
        blank = context.new_page()
        blank.set_content(f"<!DOCTYPE html><html><body><{tag}>x</{tag}></body></html>")
        return computed(blank, tag)
    finally:
        context.close()


def restyled(page, browser, selector: str, tag: str) -> set[str]:
    """The properties the page's stylesheets changed on the element."""
    styles, default = computed(page, selector), browser_default(browser, tag)
    return {name for name in STYLE_PROPERTIES if styles[name] != default[name]}


def screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def failed_requests(page) -> list[str]:
    failures: list[str] = []
    page.on("response", lambda response: failures.append(f"{response.status} {response.url}")
            if response.status >= 400 else None)
    page.on("requestfailed", lambda request: failures.append(f"failed {request.url}"))
    page.on("pageerror", lambda error: failures.append(f"script error {error}"))
    return failures


def test_make_demo_prints_the_admin_credentials_and_addresses(demo):
    output = startup_output(demo)
    assert f"http://127.0.0.1:{demo.port}/admin/" in output
    assert "naudotojas: admin" in output and "slaptažodis: esparama-demo" in output
    assert f"http://alytus.localhost:{demo.port}/" in output
    assert "not queued" not in output and "Traceback" not in output


def test_admin_login_page_is_styled_and_scripted(demo, page, browser):
    failures = failed_requests(page)
    page.goto(demo.url("/admin/login/"))
    page.wait_for_load_state("networkidle")
    check_assets(page)
    assert failures == []
    assert {"fontFamily", "marginTop"} <= restyled(page, browser, "body", "body")
    assert {"backgroundColor", "color", "borderRadius"} <= restyled(
        page, browser, "button[type=submit]", "button")
    # core.js started the admin's Stimulus application; icons.js loaded the icon sprite
    assert page.evaluate("() => Boolean(window.wagtail && window.wagtail.app)")
    assert page.locator("[data-sprite] svg").count() == 1
    screenshot(page, "demo-admin-login")


def test_admin_dashboard_after_signing_in_is_styled(demo, page, browser):
    failures = failed_requests(page)
    page.goto(demo.url("/admin/login/"))
    page.locator("#id_username").fill("admin")
    page.locator("#id_password").fill("esparama-demo")
    page.locator("button[type=submit]").click()
    page.wait_for_url(demo.url("/admin/"))
    page.wait_for_load_state("networkidle")
    check_assets(page)
    assert failures == []
    assert "backgroundColor" in restyled(page, browser, ".sidebar", "div")
    screenshot(page, "demo-admin-dashboard")


def test_search_page_is_styled_and_scripted(demo, page, browser):
    failures = failed_requests(page)
    page.goto(demo.url("/paieska/", host="alytus.localhost"))
    page.wait_for_load_state("networkidle")
    check_assets(page)
    assert failures == []
    assert {"fontFamily", "fontSize", "marginTop"} <= restyled(page, browser, "body", "body")
    assert {"backgroundColor", "color"} <= restyled(page, browser, "button[type=submit]",
                                                    "button")
    assert page.evaluate("() => document.documentElement.classList.contains('js')")  # search.js
    assert page.locator(".hits h3").count() > 0  # the load indexed the demo content
    screenshot(page, "demo-search")


def test_links_and_indexed_urls_follow_the_port_the_demo_is_served_on(demo, page):
    page.goto(demo.url("/paieska/", host="alytus.localhost"))
    own_site = demo.url("/", host="alytus.localhost")
    results = page.locator(".hits h3 a").evaluate_all("links => links.map(link => link.href)")
    assert results and all(url.startswith(own_site) for url in results), results
    sites = [entry["site"] for entry in fetched_json(page, "/api/v1/municipalities/")
             if entry["site"]]
    assert {"alytus.localhost", "vilnius.localhost"} <= {site["hostname"] for site in sites}
    assert all(site["url"] == f"http://{site['hostname']}:{demo.port}" for site in sites)
    hits = fetched_json(page, "/api/v1/search/?q=senjorai")["results"]
    assert hits and all(re.match(rf"http://[a-z]+\.localhost:{demo.port}/", hit["url"])
                        for hit in hits)
    response = page.goto(results[0])
    assert response.status == 200 and page.url == results[0]
