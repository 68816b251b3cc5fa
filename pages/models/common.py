"""Fields and behaviour shared by the four content page types."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


class AddressFields(models.Model):
    street_address = models.CharField("adresas", max_length=255, blank=True)
    city = models.CharField("miestas", max_length=100, blank=True)
    postal_code = models.CharField("pašto kodas", max_length=20, blank=True)
    latitude = models.DecimalField("platuma", max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField("ilguma", max_digits=9, decimal_places=6, null=True, blank=True)

    address_panels = [
        MultiFieldPanel(
            [FieldPanel("street_address"), FieldPanel("city"), FieldPanel("postal_code"),
             FieldPanel("latitude"), FieldPanel("longitude")],
            heading="Adresas",
        )
    ]

    class Meta:
        abstract = True


class ContactFields(models.Model):
    contact_name = models.CharField("kontaktinis asmuo", max_length=255, blank=True)
    contact_department = models.CharField("padalinys", max_length=255, blank=True)
    contact_phone = models.CharField("telefonas", max_length=50, blank=True)
    contact_email = models.EmailField("el. paštas", blank=True)

    contact_panels = [
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_department"),
             FieldPanel("contact_phone"), FieldPanel("contact_email")],
            heading="Kontaktai",
        )
    ]

    class Meta:
        abstract = True


class SourceFields(models.Model):
    source_url = models.URLField("šaltinis", max_length=500, blank=True)
    source_date = models.DateField("šaltinio data", null=True, blank=True)

    source_panels = [
        MultiFieldPanel([FieldPanel("source_url"), FieldPanel("source_date")], heading="Šaltinis")
    ]

    class Meta:
        abstract = True


class ImageFields(models.Model):
    image = models.ForeignKey("wagtailimages.Image", null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+",
                              verbose_name="paveikslėlis")
    image_credit = models.CharField("nuotraukos autorius", max_length=255, blank=True)

    image_panels = [FieldPanel("image"), FieldPanel("image_credit")]

    class Meta:
        abstract = True


def money_field(label: str) -> models.DecimalField:
    from django.core.validators import MinValueValidator

    return models.DecimalField(label, max_digits=14, decimal_places=2, null=True, blank=True,
                               validators=[MinValueValidator(0)], help_text="EUR")
