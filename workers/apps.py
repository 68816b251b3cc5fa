from django.apps import AppConfig


class WorkersConfig(AppConfig):
    name = "workers"
    verbose_name = "Indeksavimo darbai"
    default_auto_field = "django.db.models.BigAutoField"
