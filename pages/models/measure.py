from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from pages.codes import MEASURE_CODE, validate_measure_code
from pages.forms import PageForm
from pages.models.common import (
    SourceFields,
    copied_untranslated,
    described,
    edit_tabs,
    money_field,
    title_panel,
)
from pages.models.taxonomy import Agency, Fund, Priority


class FundingMeasurePage(SourceFields, Page):
    """A funding measure: programme → priority → measure; shared by all municipalities."""

    base_form_class = PageForm

    class SelectionMethod(models.TextChoices):
        STATE_PLANNING = "V", _("State project planning")
        REGIONAL_PLANNING = "R", _("Regional project planning")
        COMPETITION = "K", _("Project competition")
        CONTINUOUS = "T", _("Continuous selection")
        STATE_CONTINUOUS = "VT", _("State planning, continuous selection")

    code = models.CharField(_("measure code"), max_length=40, validators=[validate_measure_code])
    priority = models.ForeignKey(Priority, on_delete=models.PROTECT, related_name="measures",
                                 verbose_name=_("priority"))
    specific_objective = models.CharField(_("specific objective"), max_length=255, blank=True)
    agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.PROTECT,
                               related_name="measures", verbose_name=_("implementing agency"))
    fund = models.ForeignKey(Fund, null=True, blank=True, on_delete=models.PROTECT,
                             related_name="measures", verbose_name=_("fund"))
    selection_method = models.CharField(_("selection method"), max_length=2, blank=True,
                                        choices=SelectionMethod.choices)
    financing_form = models.CharField(_("form of financing"), max_length=100, blank=True)
    eligible_applicants = models.TextField(_("eligible applicants"), blank=True)
    summary = models.TextField(_("summary"), blank=True)
    funded_activities = RichTextField(_("funded activities"), blank=True)
    eu_amount = money_field(_("EU funds"))
    total_amount = money_field(_("total funds"))

    template = "pages/content_page.html"
    parent_page_types = ["pages.MeasureIndexPage"]
    subpage_types: list[str] = []
    content_panels = [
        title_panel,
        described("summary", _("Two or three sentences on what the measure finances."),
                  public=True),
        described("eligible_applicants", _("Who may apply for the funding.")),
        described("funded_activities", _("What the funding may be spent on.")),
        *SourceFields.source_panels,
    ]
    classification_panels = [
        MultiFieldPanel([
            described("code", _("As in the programme, e.g. 08.1.1-CPVA-R-407."), public=True),
            FieldPanel("priority"), FieldPanel("specific_objective")], heading=_("Measure")),
        MultiFieldPanel([FieldPanel("agency"), FieldPanel("fund"),
                         FieldPanel("selection_method")], heading=_("Classification")),
    ]
    funding_panels = [
        MultiFieldPanel([
            described("financing_form", _("E.g. a non-repayable grant.")),
            described("eu_amount", _("In euros: the part paid by the EU."), public=True),
            described("total_amount", _("In euros: the whole amount for the measure."))],
            heading=_("Funding")),
    ]
    edit_handler = edit_tabs(content_panels, classification_panels, funding_panels)
    override_translatable_fields = copied_untranslated(
        "code", "eu_amount", "total_amount", *SourceFields.untranslated_fields)

    class Meta:
        verbose_name = _("funding measure")
        verbose_name_plural = _("funding measures")

    @property
    def period(self) -> str:
        return self.priority.programme.period

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.code and self.priority_id and MEASURE_CODE.period_of(self.code) not in (
            None, self.period):
            errors["code"] = _(
                "Code “%(code)s” does not match the programme's period %(period)s."
            ) % {"code": self.code, "period": self.period}
        if self.eu_amount is not None and self.total_amount is not None \
                and self.eu_amount > self.total_amount:
            errors["eu_amount"] = _("EU funds cannot exceed the total amount.")
        if errors:
            raise ValidationError(errors)
