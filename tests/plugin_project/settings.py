"""A minimal, separate Wagtail project that installs the plugin's apps, as README's
"Installing into an existing Wagtail project" says; tests/test_plugin.py runs it as the top-level
package `plugin_project` with the plugin installed from its wheel."""

import os

SECRET_KEY = "plugin-test-key"
DEBUG = False
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "plugin_project.urls"
USE_TZ = True
LANGUAGE_CODE = "lt"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("lt", "Lietuvių"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_SITE_NAME = "Plugin test"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3",
                         "NAME": os.environ["PLUGIN_TEST_DB"]}}
INSTALLED_APPS = [
    "pages", "search", "workers", "cms",
    "wagtail_localize", "wagtail_localize.locales",
    "wagtail.sites", "wagtail.users", "wagtail.snippets", "wagtail.documents", "wagtail.images",
    "wagtail.search", "wagtail.admin", "wagtail", "modelcluster", "taggit",
    "django.contrib.auth", "django.contrib.contenttypes", "django.contrib.sessions",
    "django.contrib.messages", "django.contrib.staticfiles", "corsheaders",
]
MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.api.edge.LanguageVaryMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "cms.admin_scope.PageScopeMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]
CORS_URLS_REGEX = r"^/api/v1/"
TEMPLATES = [{"BACKEND": "django.template.backends.django.DjangoTemplates", "APP_DIRS": True,
              "OPTIONS": {"context_processors": ["django.template.context_processors.request"]}}]
STATIC_URL = "/static/"
