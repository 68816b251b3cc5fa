from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Content")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models import ForeignKey
        from wagtail.admin.forms.models import register_form_field_override
        from wagtail.models import Page

        from pages import models
        from pages.kinds import register_kind
        from pages.references import connect
        from pages.widgets import SitePageChooser

        connect()
        # a page chosen in a form is named as its own site shows it (`PublicLinksForm`)
        register_form_field_override(ForeignKey, to=Page, override=lambda field: {
            "widget": SitePageChooser(target_models=[field.remote_field.model])})
        # Each section's address is in its page's language: /projektai/, /en/projects/.
        register_kind("project", model=models.ProjectPage, section_model=models.ProjectIndexPage,
                      section_slugs={"lt": "projektai", "en": "projects"},
                      label=_("Project"), label_plural=_("Projects"),
                      facets=("target_group", "service_type", "fund", "municipality", "county",
                              "region", "measure", "programme", "period", "status", "start_year",
                              "budget_band"))
        register_kind("measure", model=models.FundingMeasurePage,
                      section_model=models.MeasureIndexPage,
                      section_slugs={"lt": "priemones", "en": "measures"},
                      label=_("Funding measure"), label_plural=_("Funding measures"),
                      facets=("fund", "municipality", "county", "region", "measure", "programme",
                              "period", "budget_band"))
        register_kind("provider", model=models.ProviderPage,
                      section_model=models.ProviderIndexPage,
                      section_slugs={"lt": "teikejai", "en": "providers"},
                      label=_("Service provider"), label_plural=_("Service providers"),
                      facets=("target_group", "service_type", "municipality", "county", "region"))
        register_kind("news", model=models.NewsPage, section_model=models.NewsIndexPage,
                      section_slugs={"lt": "naujienos", "en": "news"},
                      label=_("News item"), label_plural=_("News"),
                      facets=("target_group", "municipality", "county", "region"))
