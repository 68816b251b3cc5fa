import pytest
from django.core.exceptions import ValidationError

from pages.codes import CALL_CODE, MEASURE_CODE, PROJECT_CODE, legal_code_validator


@pytest.mark.parametrize(("code_format", "value", "period"), [
    (PROJECT_CODE, "08.1.1-CPVA-R-407-11-0005", "2014-2020"),
    (PROJECT_CODE, "08.4.1-ESFA-V-405-03-0001", "2014-2020"),
    (PROJECT_CODE, "07-018-P-0001", "2021-2027"),
    (CALL_CODE, "08.1.1-CPVA-R-407-11", "2014-2020"),
    (CALL_CODE, "07-018-P", "2021-2027"),
    (MEASURE_CODE, "08.6.1-ESFA-T-927", "2014-2020"),
    (MEASURE_CODE, "08.4.1-ESFA-VT-405", "2014-2020"),
    (MEASURE_CODE, "09-003-02-02-01", "2021-2027"),
])
def test_valid_codes_and_their_period(code_format, value, period):
    code_format.validate(value)
    assert code_format.period_of(value) == period


@pytest.mark.parametrize(("code_format", "value"), [
    (PROJECT_CODE, "08.1.1-CPVA-R-407"),
    (PROJECT_CODE, "08.1.1-cpva-R-407-11-0005"),
    (PROJECT_CODE, "7-018-P-0001"),
    (CALL_CODE, "07-018"),
    (MEASURE_CODE, "08.1-CPVA-R-407"),
    (MEASURE_CODE, "09-003-02"),
])
def test_malformed_codes_name_the_expected_format(code_format, value):
    with pytest.raises(ValidationError) as raised:
        code_format.validate(value)
    message = raised.value.messages[0]
    assert value in message
    assert "tikimasi formato" in message


def test_legal_code_needs_nine_digits():
    legal_code_validator("188709213")
    with pytest.raises(ValidationError):
        legal_code_validator("18870921")
