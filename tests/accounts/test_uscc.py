import pytest

from backend.accounts.uscc import uscc_error

# Published credit codes of real organisations (check characters computed by GB 32100-2015).
VALID = ["91350100M000100Y43", "91110000802100433B", "12100000400000624D"]


@pytest.mark.parametrize("code", VALID)
def test_valid_codes_pass(code: str) -> None:
    assert uscc_error(code) is None


@pytest.mark.parametrize(
    ("code", "problem"),
    [
        ("91350100M000100Y44", "check character"),
        ("91350100M000100Y4", "18 characters"),
        ("91350100M000I00Y43", "not allowed"),
    ],
)
def test_invalid_codes_are_explained(code: str, problem: str) -> None:
    error = uscc_error(code)
    assert error is not None and problem in error
