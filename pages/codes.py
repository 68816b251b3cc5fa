"""Structure of the codes of EU investment projects, calls and measures, in both periods.

2014–2020: measure 08.1.1-CPVA-R-407, call 08.1.1-CPVA-R-407-11, project 08.1.1-CPVA-R-407-11-0005.
2021–2027: progress measure 09-003-02-02-01 (an activity adds a segment), call 07-018-P,
project 07-018-P-0001.
"""

import re
from dataclasses import dataclass
from functools import reduce

from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

MEASURE_2014 = r"\d{2}\.\d\.\d-[A-Z]{3,5}-[A-Z]{1,2}-\d{3}"
CALL_2021 = r"\d{2}-\d{3}-[A-Z]"


@dataclass(frozen=True)
class CodeFormat:
    malformed: Promise  # the error, with the placeholders `value` and `examples`
    patterns: tuple[tuple[str, str, str], ...]  # (period, regex, example)

    def period_of(self, value: str) -> str | None:
        for period, pattern, _example in self.patterns:
            if re.fullmatch(pattern, value):
                return period
        return None

    def validate(self, value: str) -> None:
        if value and self.period_of(value) is None:
            examples = reduce(
                lambda one, other: gettext("%(one)s or %(other)s") % {"one": one, "other": other},
                [f"{example} ({period})" for period, _pattern, example in self.patterns])
            raise ValidationError(self.malformed, code="malformed_code",
                                  params={"value": value, "examples": examples})


PROJECT_CODE = CodeFormat(
    _("Invalid project code “%(value)s”: expected the format %(examples)s."),
    (
        ("2014-2020", MEASURE_2014 + r"-\d{2}-\d{4}", "08.1.1-CPVA-R-407-11-0005"),
        ("2021-2027", CALL_2021 + r"-\d{4}", "07-018-P-0001"),
    ),
)
CALL_CODE = CodeFormat(
    _("Invalid call code “%(value)s”: expected the format %(examples)s."),
    (
        ("2014-2020", MEASURE_2014 + r"-\d{2}", "08.1.1-CPVA-R-407-11"),
        ("2021-2027", CALL_2021, "07-018-P"),
    ),
)
MEASURE_CODE = CodeFormat(
    _("Invalid measure code “%(value)s”: expected the format %(examples)s."),
    (
        ("2014-2020", MEASURE_2014, "08.1.1-CPVA-R-407"),
        ("2021-2027", r"\d{2}-\d{3}-\d{2}-\d{2}-\d{2}(-\d{2}){0,2}", "09-003-02-02-01"),
    ),
)


def validate_project_code(value: str) -> None:
    PROJECT_CODE.validate(value)


def validate_call_code(value: str) -> None:
    CALL_CODE.validate(value)


def validate_measure_code(value: str) -> None:
    MEASURE_CODE.validate(value)


def legal_code_validator(value: str) -> None:
    """JAR (Register of Legal Entities) code: nine digits."""
    if value and not re.fullmatch(r"\d{9}", value):
        raise ValidationError(
            _("Invalid legal entity code “%(value)s”: nine digits are needed."),
            code="malformed_code", params={"value": value})
