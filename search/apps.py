from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Public search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from search import checks, settings_checks, signals

        signals.connect()
        checks.register()
        settings_checks.register()
