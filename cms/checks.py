"""System checks of what the host project must provide for the plugin: its apps (cms listed before
the Wagtail apps whose texts it translates), the CORS middleware the API's per-municipality
origins go through, the middleware keeping Wagtail's page views to a municipality's pages, the two
content languages and public addresses in ASCII letters."""

from typing import Any

from django.conf import settings
from django.core import checks
from django.utils.translation import gettext as _

REQUIRED_APPS = ["pages", "search", "workers", "cms", "wagtail_localize",
                 "wagtail_localize.locales", "corsheaders"]
CORS_MIDDLEWARE = "corsheaders.middleware.CorsMiddleware"
SCOPE_MIDDLEWARE = "cms.admin_scope.PageScopeMiddleware"
AUTHENTICATION_MIDDLEWARE = "django.contrib.auth.middleware.AuthenticationMiddleware"
CONTENT_LANGUAGES = {"lt", "en"}
LITHUANIAN_NAME = "Lietuvių"  # the language's own name, as the host's LANGUAGES lists it
# Wagtail's apps whose admin texts the cms catalogue translates (cms/wagtail_texts.py). Django
# takes a text's translation from the first app in INSTALLED_APPS whose catalogue translates it,
# so the plugin's Lithuanian prevails over theirs only when cms comes before them.
TRANSLATED_WAGTAIL_APPS = ("wagtail.admin", "wagtail", "wagtail.snippets", "wagtail.users")


def installed_position(app: str, installed_apps: list[str]) -> int | None:
    """Where an app is in INSTALLED_APPS, listed by its module or by its AppConfig's path."""
    return next((position for position, entry in enumerate(installed_apps)
                 if entry == app or entry.startswith(f"{app}.apps.")), None)


def wagtail_apps_listed_before_cms(installed_apps: list[str]) -> list[str]:
    cms_position = installed_position("cms", installed_apps)
    if cms_position is None:
        return []
    return [app for app in TRANSLATED_WAGTAIL_APPS
            if (position := installed_position(app, installed_apps)) is not None
            and position < cms_position]


def scope_middleware_after_authentication(middleware: list[str]) -> bool:
    return (SCOPE_MIDDLEWARE in middleware and AUTHENTICATION_MIDDLEWARE in middleware
            and middleware.index(AUTHENTICATION_MIDDLEWARE) < middleware.index(SCOPE_MIDDLEWARE))


@checks.register(checks.Tags.compatibility)
def check_host_project(app_configs: Any, **kwargs: Any) -> list[checks.CheckMessage]:
    messages = []
    missing_apps = [app for app in REQUIRED_APPS
                    if installed_position(app, settings.INSTALLED_APPS) is None]
    if missing_apps:
        messages.append(checks.Error(
            _("INSTALLED_APPS lacks %(apps)s.") % {"apps": ", ".join(missing_apps)},
            hint=_("Add them (README: Installing into an existing Wagtail project)."),
            id="cms.E001"))
    if earlier_wagtail_apps := wagtail_apps_listed_before_cms(settings.INSTALLED_APPS):
        messages.append(checks.Warning(
            _("INSTALLED_APPS lists cms after %(apps)s: where their catalogues also translate "
              "a text, the admin shows their Lithuanian instead of the plugin's.")
            % {"apps": ", ".join(earlier_wagtail_apps)},
            hint=_("List the plugin's apps before Wagtail's (Django prefers the catalogue of "
                   "the app listed first)."), id="cms.W001"))
    if CORS_MIDDLEWARE not in settings.MIDDLEWARE:
        messages.append(checks.Error(
            _("MIDDLEWARE lacks %(middleware)s: no origin a municipality allows can read its "
              "API.") % {"middleware": CORS_MIDDLEWARE},
            hint=_("Put it first in MIDDLEWARE."), id="cms.E002"))
    if not scope_middleware_after_authentication(settings.MIDDLEWARE):
        messages.append(checks.Error(
            _("MIDDLEWARE lacks %(middleware)s after %(authentication)s: Wagtail's page chooser "
              "and workflow views name other municipalities' unpublished pages.")
            % {"middleware": SCOPE_MIDDLEWARE, "authentication": AUTHENTICATION_MIDDLEWARE},
            hint=_("Add it after %(authentication)s.")
            % {"authentication": AUTHENTICATION_MIDDLEWARE}, id="cms.E006"))
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        messages.append(checks.Error(
            _("WAGTAIL_I18N_ENABLED is off: every municipality's site is in Lithuanian and "
              "English."), hint=_("Set WAGTAIL_I18N_ENABLED = True."), id="cms.E003"))
    languages = getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", settings.LANGUAGES)
    missing_languages = CONTENT_LANGUAGES - {code for code, _name in languages}
    if missing_languages:
        messages.append(checks.Error(
            _("The content languages lack %(languages)s.")
            % {"languages": ", ".join(sorted(missing_languages))},
            hint=_('Set WAGTAIL_CONTENT_LANGUAGES (and LANGUAGES) to include ("lt", '
                   '"%(lithuanian)s") and ("en", "English").')
            % {"lithuanian": LITHUANIAN_NAME}, id="cms.E004"))
    if getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True):
        messages.append(checks.Error(
            _("WAGTAIL_ALLOW_UNICODE_SLUGS is on: the admin makes page addresses with "
              "Lithuanian letters (“senjorų-užsiėmimai”), which links and feeds show encoded."),
            hint=_("Set WAGTAIL_ALLOW_UNICODE_SLUGS = False: addresses are then made in ASCII "
                   "letters (“senjoru-uzsiemimai”)."), id="cms.E005"))
    return messages
