"""Real-browser tests: Debian's Chromium driven by Playwright against Django's live server."""

import os
import shutil
from pathlib import Path

import pytest

BUILD = Path(__file__).resolve().parents[2] / "build"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]
# Playwright's sync API runs an event loop in the test thread; the ORM calls made by the test
# itself are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(executable).exists():
        pytest.fail("Chromium is missing: `make test` installs it (scripts/install-browser.sh).")
    serialized = serialized_contents()
    with sync_playwright() as playwright:
        keep_serialized_contents(serialized)
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


def serialized_contents() -> dict[str, str]:
    from django.db import connections

    return {alias: connections[alias]._test_serialized_contents for alias in connections
            if hasattr(connections[alias], "_test_serialized_contents")}


def keep_serialized_contents(serialized: dict[str, str]) -> None:
    """Playwright's sync API switches the test thread into a greenlet whose context gets new
    Django connection objects; give them the data serialized at database creation, or tests
    with `serialized_rollback=True` after the browser started would get an empty database."""
    from django.db import connections

    for alias, contents in serialized.items():
        connections[alias]._test_serialized_contents = contents


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="lt-LT")
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def screenshot_dir() -> Path:
    BUILD.mkdir(exist_ok=True)
    return BUILD


def site_url(live_server, slug: str, path: str = "/") -> str:
    """URL of a municipality site on the live server (*.localhost resolves to loopback)."""
    port = live_server.url.rsplit(":", 1)[1]
    return f"http://{slug}.localhost:{port}{path}"
