from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Viešoji paieška"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from search import checks, settings_checks, signals

        signals.connect()
        checks.register()
        settings_checks.register()
