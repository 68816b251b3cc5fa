"""Synonym sets: words and phrases that residents use for the same thing as the content does
("senjorai", "seneliai", "pagyvenę žmonės" for "senyvo amžiaus asmenys"). National
administrators keep them in the admin, one set of interchangeable terms per record, Lithuanian
and English sets apart; the public search reads them when it analyses a query
(`search.synonyms`)."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext, ngettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

MAX_TERM_WORDS = 4
SHOWN_TERMS = 3  # how many terms name a set in lists
LETTER_OR_DIGIT = re.compile(r"\w")


class SynonymSet(models.Model):
    class Language(models.TextChoices):
        LITHUANIAN = "lt", pgettext_lazy("content language", "Lithuanian")
        ENGLISH = "en", pgettext_lazy("content language", "English")

    language = models.CharField(_("language"), max_length=2, choices=Language.choices,
                                default=Language.LITHUANIAN,
                                help_text=_("The language of the searches the set applies to."))
    terms = models.TextField(
        _("terms"),
        help_text=_("Words or phrases meaning the same, one a line, at least two: a search for "
                    "any of them also finds the others. Case and diacritics do not matter."))
    note = models.TextField(_("note"), blank=True,
                            help_text=_("For administrators: why the set exists, its source."))

    class Meta:
        verbose_name = _("synonym set")
        verbose_name_plural = _("synonym sets")
        ordering = ["language", "terms"]

    def __str__(self) -> str:
        terms = self.term_list()
        shown = " = ".join(terms[:SHOWN_TERMS])
        return f"{shown} …" if len(terms) > SHOWN_TERMS else shown

    def term_list(self) -> list[str]:
        """The terms as written, without the white space around them."""
        return [line.strip() for line in self.terms.strip().splitlines()]

    def clean(self) -> None:
        terms = self.term_list()
        self.terms = "\n".join(terms)
        errors = [error for number, term in enumerate(terms, start=1)
                  if (error := term_error(number, term))]
        if not errors and len(terms) < 2:
            errors.append(gettext("Write at least two terms, one a line."))
        if errors:
            raise ValidationError({"terms": errors})


def term_error(number: int, term: str) -> str | None:
    """What is wrong with one line of a set's terms, naming the line; None when nothing is."""
    if not term:
        return gettext("Line %(number)d is empty: write one term a line, without empty "
                       "lines.") % {"number": number}
    if not LETTER_OR_DIGIT.search(term):
        return gettext("Line %(number)d (“%(term)s”) has no letter or digit.") % {
            "number": number, "term": term}
    if len(term.split()) > MAX_TERM_WORDS:
        return ngettext(
            "Line %(number)d (“%(term)s”) is longer than %(most)d word: write a word or a "
            "short phrase.",
            "Line %(number)d (“%(term)s”) is longer than %(most)d words: write a word or a "
            "short phrase.", MAX_TERM_WORDS) % {"number": number, "term": term,
                                                 "most": MAX_TERM_WORDS}
    return None
