from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Administration and API")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from corsheaders.signals import check_request_enabled

        from cms import checks  # noqa: F401  (registers the host project's checks)
        from cms.api import resources  # noqa: F401  (registers each content kind's resource)
        from cms.api.origins import allows_municipality_origin
        from cms.editorial import provision_editorial_setup
        from cms.scope import connect as connect_site_scopes
        from pages.sites import municipality_site_ensured

        check_request_enabled.connect(allows_municipality_origin,
                                      dispatch_uid="cms.api.origins.allows_municipality_origin")
        municipality_site_ensured.connect(provision_editorial_setup,
                                          dispatch_uid="cms.editorial.provision_editorial_setup")
        connect_site_scopes()
