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
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


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
