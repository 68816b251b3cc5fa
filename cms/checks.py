"""System checks of what the host project must provide for the plugin: its apps, the CORS
middleware the API's per-municipality origins go through, and the two content languages."""

from typing import Any

from django.conf import settings
from django.core import checks

REQUIRED_APPS = ["pages", "search", "workers", "cms", "wagtail_localize",
                 "wagtail_localize.locales", "corsheaders"]
CORS_MIDDLEWARE = "corsheaders.middleware.CorsMiddleware"
CONTENT_LANGUAGES = {"lt", "en"}


@checks.register(checks.Tags.compatibility)
def check_host_project(app_configs: Any, **kwargs: Any) -> list[checks.CheckMessage]:
    messages = []
    missing_apps = [app for app in REQUIRED_APPS if app not in settings.INSTALLED_APPS]
    if missing_apps:
        messages.append(checks.Error(f"INSTALLED_APPS lacks {', '.join(missing_apps)}.",
                                     hint="Add them (README: Installing into an existing "
                                          "Wagtail project).", id="cms.E001"))
    if CORS_MIDDLEWARE not in settings.MIDDLEWARE:
        messages.append(checks.Error(f"MIDDLEWARE lacks {CORS_MIDDLEWARE}: no origin a "
                                     "municipality allows can read its API.",
                                     hint="Put it first in MIDDLEWARE.", id="cms.E002"))
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        messages.append(checks.Error("WAGTAIL_I18N_ENABLED is off: every municipality's site "
                                     "is in Lithuanian and English.",
                                     hint="Set WAGTAIL_I18N_ENABLED = True.", id="cms.E003"))
    languages = getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", settings.LANGUAGES)
    missing_languages = CONTENT_LANGUAGES - {code for code, _name in languages}
    if missing_languages:
        messages.append(checks.Error(
            f"The content languages lack {', '.join(sorted(missing_languages))}.",
            hint='Set WAGTAIL_CONTENT_LANGUAGES (and LANGUAGES) to include ("lt", "Lietuvių") '
                 'and ("en", "English").', id="cms.E004"))
    return messages
