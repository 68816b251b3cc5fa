"""The admin form of the plugin's pages."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class PageForm(WagtailAdminPageForm):
    """Wagtail's page form, refusing a typed slug that is not ASCII where the project asks for
    ASCII slugs (Wagtail's setting shapes only the slugs it writes itself)."""

    def clean_slug(self) -> str:
        slug = self.cleaned_data["slug"]
        if not getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True) and not slug.isascii():
            raise ValidationError(_("Use Latin letters without diacritics, digits and hyphens, "
                                    "e.g. “senjoru-dienos-centras”."))
        return slug
