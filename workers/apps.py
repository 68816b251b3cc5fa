from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkersConfig(AppConfig):
    name = "workers"
    verbose_name = _("Indexing jobs")
    default_auto_field = "django.db.models.BigAutoField"
