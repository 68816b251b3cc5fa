from django.db import models


class ImportedItem(models.Model):
    """Maps a stable external id to the translation group of the page it was imported as."""

    external_id = models.CharField(max_length=200, unique=True)
    translation_key = models.UUIDField(unique=True)
    kind = models.CharField(max_length=30)
    line_hashes = models.JSONField(default=dict, help_text="Last imported line per language.")

    class Meta:
        verbose_name = "importuotas įrašas"
        verbose_name_plural = "importuoti įrašai"

    def __str__(self) -> str:
        return self.external_id
