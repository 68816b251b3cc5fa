from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = "Turinys"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from pages.references import connect

        connect()
