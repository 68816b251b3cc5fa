from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedItem(models.Model):
    """Maps a stable external id to the translation group of the page it was imported as."""

    external_id = models.CharField(_("external id"), max_length=200, unique=True)
    translation_key = models.UUIDField(_("translation key"), unique=True)
    kind = models.CharField(_("kind"), max_length=30)
    line_hashes = models.JSONField(_("line hashes"), default=dict,
                                   help_text=_("Last imported line per language."))

    class Meta:
        verbose_name = _("imported item")
        verbose_name_plural = _("imported items")

    def __str__(self) -> str:
        return self.external_id
