from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Administravimas ir API"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from corsheaders.signals import check_request_enabled

        from cms.api.origins import allows_municipality_origin

        check_request_enabled.connect(allows_municipality_origin,
                                      dispatch_uid="cms.api.origins.allows_municipality_origin")
