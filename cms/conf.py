"""The settings the admin, API and demo read, each with its default.

  DEMO_CONTENT_FILE  [BASE_DIR/demo/content.jsonl, or ./demo/content.jsonl without BASE_DIR]
                     the demo content `load_demo` imports (the import format)
"""

from pathlib import Path

from django.conf import settings


def demo_content_file() -> Path:
    """The demo content: DEMO_CONTENT_FILE, by default demo/content.jsonl of the project
    (BASE_DIR), where the reference project keeps it."""
    configured = getattr(settings, "DEMO_CONTENT_FILE", None)
    if configured:
        return Path(configured)
    return Path(getattr(settings, "BASE_DIR", ".")) / "demo" / "content.jsonl"
