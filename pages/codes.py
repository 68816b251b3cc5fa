"""Structure of the codes of EU investment projects, calls and measures, in both periods.

2014–2020: measure 08.1.1-CPVA-R-407, call 08.1.1-CPVA-R-407-11, project 08.1.1-CPVA-R-407-11-0005.
2021–2027: progress measure 09-003-02-02-01 (an activity adds a segment), call 07-018-P,
project 07-018-P-0001.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError

MEASURE_2014 = r"\d{2}\.\d\.\d-[A-Z]{3,5}-[A-Z]{1,2}-\d{3}"
CALL_2021 = r"\d{2}-\d{3}-[A-Z]"


@dataclass(frozen=True)
class CodeFormat:
    noun: str
    patterns: tuple[tuple[str, str, str], ...]  # (period, regex, example)

    def period_of(self, value: str) -> str | None:
        for period, pattern, _example in self.patterns:
            if re.fullmatch(pattern, value):
                return period
        return None

    def validate(self, value: str) -> None:
        if value and self.period_of(value) is None:
            examples = " arba ".join(f"{example} ({period})"
                                     for period, _, example in self.patterns)
            raise ValidationError(
                f"Neteisingas {self.noun} „{value}“: tikimasi formato {examples}.",
                code="malformed_code",
            )


PROJECT_CODE = CodeFormat(
    "projekto kodas",
    (
        ("2014-2020", MEASURE_2014 + r"-\d{2}-\d{4}", "08.1.1-CPVA-R-407-11-0005"),
        ("2021-2027", CALL_2021 + r"-\d{4}", "07-018-P-0001"),
    ),
)
CALL_CODE = CodeFormat(
    "kvietimo kodas",
    (
        ("2014-2020", MEASURE_2014 + r"-\d{2}", "08.1.1-CPVA-R-407-11"),
        ("2021-2027", CALL_2021, "07-018-P"),
    ),
)
MEASURE_CODE = CodeFormat(
    "priemonės kodas",
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
        raise ValidationError(f"Neteisingas juridinio asmens kodas „{value}“: reikia 9 skaitmenų.",
                              code="malformed_code")
