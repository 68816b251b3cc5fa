"""Fields and behaviour shared by the four content page types."""

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


class AddressFields(models.Model):
    street_address = models.CharField(_("address"), max_length=255, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True,
                                   blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True,
                                    blank=True)

    address_panels = [
        MultiFieldPanel(
            [FieldPanel("street_address"), FieldPanel("city"), FieldPanel("postal_code"),
             FieldPanel("latitude"), FieldPanel("longitude")],
            heading=_("Address"),
        )
    ]

    class Meta:
        abstract = True


class ContactFields(models.Model):
    contact_name = models.CharField(_("contact person"), max_length=255, blank=True)
    contact_department = models.CharField(_("department"), max_length=255, blank=True)
    contact_phone = models.CharField(_("phone"), max_length=50, blank=True)
    contact_email = models.EmailField(_("email"), blank=True)

    contact_panels = [
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_department"),
             FieldPanel("contact_phone"), FieldPanel("contact_email")],
            heading=_("Contacts"),
        )
    ]

    class Meta:
        abstract = True


class SourceFields(models.Model):
    source_url = models.URLField(_("source"), max_length=500, blank=True)
    source_date = models.DateField(_("source date"), null=True, blank=True)

    source_panels = [
        MultiFieldPanel([FieldPanel("source_url"), FieldPanel("source_date")], heading=_("Source"))
    ]

    class Meta:
        abstract = True


class ImageFields(models.Model):
    image = models.ForeignKey("wagtailimages.Image", null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+",
                              verbose_name=pgettext_lazy("page field", "image"))
    image_credit = models.CharField(_("image credit"), max_length=255, blank=True)

    image_panels = [FieldPanel("image"), FieldPanel("image_credit")]

    class Meta:
        abstract = True


def money_field(label: Promise) -> models.DecimalField:
    from django.core.validators import MinValueValidator

    return models.DecimalField(label, max_digits=14, decimal_places=2, null=True, blank=True,
                               validators=[MinValueValidator(0)], help_text=_("EUR"))
