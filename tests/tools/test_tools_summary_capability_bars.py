"""summary_capability with the within sigma from an X̄–R chart's R̄/d2 or an X̄–S chart's s̄/c4 (tabulated
constants, Montgomery Appendix VI), checked against the definitions."""

from __future__ import annotations

import pytest

from tools.errors import HavocInputError
from tools.registry import run_tool


def test_rbar_over_d2_gives_cp_and_cpk() -> None:
    out = run_tool("summary_capability", {"mean": 25.406, "rbar": 0.0234, "subgroup": 4, "lsl": 25.37, "usl": 25.43})
    sigma = 0.0234 / 2.059  # d2(4)
    assert out["sigma_within"] == pytest.approx(sigma, rel=1e-12)
    assert out["cp"] == pytest.approx(0.06 / (6 * sigma), rel=1e-12)
    assert out["cpk"] == pytest.approx(min(25.406 - 25.37, 25.43 - 25.406) / (3 * sigma), rel=1e-12)
    assert out["pp"] is None and any("R̄/d2" in n for n in out["notes"])


def test_sbar_over_c4_beside_an_overall_sd() -> None:
    out = run_tool("summary_capability", {"mean": 10.0, "sd": 0.5, "sbar": 0.4, "subgroup": 5, "lsl": 8.5,
                                          "usl": 11.5})
    assert out["sigma_within"] == pytest.approx(0.4 / 0.9400, rel=1e-12)  # c4(5)
    assert out["sigma_overall"] == 0.5 and out["ppk"] == pytest.approx(1.0) and out["cpk"] is not None


@pytest.mark.parametrize(("args", "field"), [
    ({"mean": 10, "rbar": 0.4, "lsl": 9}, "subgroup"),
    ({"mean": 10, "rbar": 0.4, "sbar": 0.3, "subgroup": 4, "lsl": 9}, "sbar"),
    ({"mean": 10, "rbar": 0.4, "subgroup": 4, "sd": 0.2, "sigma": "within", "lsl": 9}, "sd_within"),
    ({"mean": 10, "lsl": 9}, "sd"),
    ({"mean": 10, "sd": 0.2, "subgroup": 4, "lsl": 9}, "subgroup"),
    ({"mean": 10, "rbar": -0.4, "subgroup": 4, "lsl": 9}, "rbar"),
])
def test_bad_figures_are_one_clear_error(args: dict, field: str) -> None:
    with pytest.raises(HavocInputError) as err:
        run_tool("summary_capability", args)
    assert err.value.field == field
