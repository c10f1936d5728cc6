"""McNemar's test against published values: Agresti (Categorical Data Analysis, 2nd ed., §10.1.1, the presidential
approval ratings of 1600 people surveyed twice: z² = 17.36 without correction, the difference −0.04 with the
interval (−0.06, −0.02)) and R's `mcnemar.test` on the same table (McNemar's chi-squared = 16.818, p = 4.115e-05,
with the continuity correction). The exact p-value is the binomial sum written out."""

from __future__ import annotations

import math

import pytest

from tools.errors import HavocInputError
from tools.registry import run_tool

APPROVAL = [[794, 150], [86, 570]]  # first survey approve / disapprove by second survey approve / disapprove


def test_agresti_presidential_approval() -> None:
    out = run_tool("mcnemar", {"table": APPROVAL})
    assert (out["b"], out["c"], out["discordant"]) == (150, 86, 236)
    assert out["method"] == "corrected"  # 236 discordant pairs: the chi-square test, as R reports it
    assert math.isclose(out["chi2_corrected"], 16.818, abs_tol=5e-4)
    assert math.isclose(out["p_value"], 4.115e-05, rel_tol=1e-3)
    assert math.isclose(out["chi2_uncorrected"], 17.36, abs_tol=5e-3)
    assert math.isclose(out["difference"], 0.04, abs_tol=1e-12)  # 944/1600 − 880/1600
    assert round(out["ci_low"], 2) == 0.02 and round(out["ci_high"], 2) == 0.06


def test_few_discordant_pairs_take_the_exact_binomial_test() -> None:
    # b = 12, c = 5: P(X ≤ 5 | n = 17, ½) = (1 + 17 + 136 + 680 + 2380 + 6188) / 2^17 = 9402 / 131072; two-sided ×2
    out = run_tool("mcnemar", {"b": 12, "c": 5})
    assert out["method"] == "exact"
    assert math.isclose(out["p_value"], 2 * 9402 / 131072, rel_tol=1e-12)
    assert out["difference"] is None and out["odds_ratio"] == 2.4
    forced = run_tool("mcnemar", {"b": 12, "c": 5, "method": "chi2"})
    assert forced["method"] == "corrected" and math.isclose(forced["statistic"], 36 / 17, rel_tol=1e-12)
    plain = run_tool("mcnemar", {"b": 12, "c": 5, "method": "uncorrected"})
    assert math.isclose(plain["statistic"], 49 / 17, rel_tol=1e-12)


@pytest.mark.parametrize("args, message", [
    ({"table": [[1, 2, 3], [4, 5, 6]]}, "2 x 2"),
    ({"table": [[3, 0], [0, 4]]}, "no discordant pairs"),
    ({"table": [[3, 1.5], [2, 4]]}, "whole number"),
    ({"b": 4}, "both discordant counts"),
    ({"b": -1, "c": 3}, "whole number"),
    ({"table": [[3, 1], [2, 4]], "b": 1, "c": 2}, "not both"),
    ({"b": 4, "c": 3, "method": "fisher"}, "method"),
])
def test_bad_input_is_one_clear_line(args: dict, message: str) -> None:
    with pytest.raises((HavocInputError, ValueError), match=message):
        run_tool("mcnemar", args)
