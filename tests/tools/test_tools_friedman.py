"""The Friedman test against R's friedman.test example (Hollander & Wolfe's rounding-first-base times: 22 players,
three methods; R prints Friedman chi-squared = 11.143, df = 2, p-value = 0.003805), scipy, a hand-ranked case
with ties, and its errors."""

from __future__ import annotations

import pytest
from scipy import stats

from tools.errors import HavocInputError
from tools.registry import run_tool

ROUND_OUT = [5.40, 5.85, 5.20, 5.55, 5.90, 5.45, 5.40, 5.45, 5.25, 5.85, 5.25, 5.65, 5.60, 5.05, 5.50, 5.45, 5.55,
             5.45, 5.50, 5.65, 5.70, 6.30]
NARROW = [5.50, 5.70, 5.60, 5.50, 5.85, 5.55, 5.40, 5.50, 5.15, 5.80, 5.20, 5.55, 5.35, 5.00, 5.50, 5.55, 5.55, 5.50,
          5.45, 5.60, 5.65, 6.30]
WIDE = [5.55, 5.75, 5.50, 5.40, 5.70, 5.60, 5.35, 5.35, 5.00, 5.70, 5.10, 5.45, 5.45, 4.95, 5.40, 5.50, 5.35, 5.55,
        5.25, 5.40, 5.55, 6.25]


def test_r_rounding_times_example() -> None:
    out = run_tool("friedman", {"groups": [ROUND_OUT, NARROW, WIDE]})
    assert out["statistic"] == pytest.approx(11.143, abs=5e-4) and out["df"] == 2
    assert out["p_value"] == pytest.approx(0.003805, abs=5e-6)
    assert (out["blocks"], out["treatments"]) == (22, 3)
    scipy = stats.friedmanchisquare(ROUND_OUT, NARROW, WIDE)
    assert out["statistic"] == pytest.approx(scipy.statistic, rel=1e-12)


def test_hand_ranked_with_a_tie_and_the_f_form() -> None:
    # blocks (rows): (7, 5, 6) → ranks 3, 1, 2; (8, 6, 7) → 3, 1, 2; (6, 4, 6) → 2.5, 1, 2.5; rank sums 8.5, 3, 6.5
    out = run_tool("friedman", {"groups": [[7, 8, 6], [5, 6, 4], [6, 7, 6]]})
    assert out["rank_sums"] == [8.5, 3.0, 6.5]
    # Q = (12/(n k (k+1)) Σ R² − 3 n (k+1)) / (1 − Σ(t³ − t)/(n k (k² − 1))) = (12/36 · 126.5 − 36) / (1 − 6/72)
    q = (12 / 36 * (8.5 ** 2 + 3 ** 2 + 6.5 ** 2) - 36) / (1 - 6 / 72)
    assert out["statistic"] == pytest.approx(q, rel=1e-12) and out["tie_correction"] == pytest.approx(66 / 72)
    assert out["kendall_w"] == pytest.approx(q / (3 * 2), rel=1e-12)
    f = 2 * q / (3 * 2 - q)
    assert out["f_statistic"] == pytest.approx(f, rel=1e-12) and out["f_df"] == [2, 4]
    assert out["f_p_value"] == pytest.approx(stats.f.sf(f, 2, 4), rel=1e-9)


def test_perfect_agreement_has_no_finite_f() -> None:
    out = run_tool("friedman", {"groups": [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]})
    assert out["kendall_w"] == pytest.approx(1.0) and out["f_statistic"] is None and out["f_p_value"] == 0.0


@pytest.mark.parametrize("groups, message", [
    ([[1, 2, 3], [4, 5]], "one value per block"),
    ([[1, 2, 3]], "2"),
    ([[1, 1], [1, 1], [1, 1]], "carry no information"),
    ([[1, 2, float("nan")], [4, 5, 6]], "groups"),
])
def test_bad_input(groups: list, message: str) -> None:
    with pytest.raises(HavocInputError, match=message):
        run_tool("friedman", {"groups": groups})
