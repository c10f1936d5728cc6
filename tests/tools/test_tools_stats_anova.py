"""One- and two-way ANOVA against scipy and statsmodels (types I, II, III on unbalanced data)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
import statsmodels.formula.api as smf
from scipy import stats as sps
from statsmodels.stats.anova import anova_lm

from tools.numeric import log_relative_error
from tools.registry import run_tool

rng = np.random.default_rng(3)
GROUPS = [rng.normal(m, 1.5, n) for m, n in ((5.0, 8), (6.2, 11), (4.1, 6), (5.5, 9))]


def test_oneway_matches_scipy() -> None:
    r = run_tool("anova_oneway", {"groups": [g.tolist() for g in GROUPS], "labels": ["a", "b", "c", "d"]})
    ref = sps.f_oneway(*GROUPS)
    assert r["f_statistic"] == pytest.approx(ref.statistic, rel=1e-12)
    assert r["p_value"] == pytest.approx(ref.pvalue, rel=1e-10)
    assert (r["between_df"], r["within_df"], r["total_df"]) == (3, 30, 33)
    allv = np.concatenate(GROUPS)
    assert r["total_ss"] == pytest.approx(((allv - allv.mean()) ** 2).sum(), rel=1e-12)
    assert r["between_ss"] + r["within_ss"] == pytest.approx(r["total_ss"], rel=1e-13)
    assert r["r_squared"] == pytest.approx(r["between_ss"] / r["total_ss"], rel=1e-13)
    assert [g["label"] for g in r["groups"]] == ["a", "b", "c", "d"]
    assert r["groups"][1]["mean"] == pytest.approx(GROUPS[1].mean(), rel=1e-13)


def test_tukey_matches_scipy() -> None:
    r = run_tool("anova_oneway", {"groups": [g.tolist() for g in GROUPS], "confidence": 0.9})
    ref = sps.tukey_hsd(*GROUPS)
    ci = ref.confidence_interval(0.9)
    pairs = {(p["group_a"], p["group_b"]): p for p in r["tukey"]}
    assert len(pairs) == 6
    p = pairs[("2", "3")]
    assert p["diff"] == pytest.approx(GROUPS[1].mean() - GROUPS[2].mean(), rel=1e-12)
    assert p["p_adj"] == pytest.approx(ref.pvalue[1, 2], rel=1e-6)
    assert [p["ci_low"], p["ci_high"]] == pytest.approx([ci.low[1, 2], ci.high[1, 2]], rel=1e-6)
    assert p["significant"] == (ref.pvalue[1, 2] < 0.1)


def test_group_labels_alias_and_tukey_off() -> None:
    r = run_tool("anova_oneway", {"groups": [[1, 2, 3], [4, 5, 7]], "group_labels": [10, 20], "tukey": False})
    assert r["tukey"] is None and [g["label"] for g in r["groups"]] == ["10", "20"]


def _unbalanced_frame() -> pd.DataFrame:
    local = np.random.default_rng(5)
    rows = []
    sizes = {("a1", "b1"): 3, ("a1", "b2"): 5, ("a1", "b3"): 2, ("a2", "b1"): 4, ("a2", "b2"): 2, ("a2", "b3"): 6}
    effect = {"a1": 0.0, "a2": 1.3, "b1": 0.0, "b2": -0.7, "b3": 0.9}
    for (a, b), n in sizes.items():
        for _ in range(n):
            rows.append({"a": a, "b": b, "y": 10 + effect[a] + effect[b] + (0.8 if (a, b) == ("a2", "b3") else 0)
                         + local.normal(0, 1)})
    return pd.DataFrame(rows)


@pytest.mark.parametrize("ss_type", [1, 2, 3])
def test_twoway_unbalanced_matches_statsmodels(ss_type: int) -> None:
    df = _unbalanced_frame()
    formula = "y ~ C(a, Sum) * C(b, Sum)" if ss_type == 3 else "y ~ C(a) * C(b)"
    table = anova_lm(smf.ols(formula, df).fit(), typ=ss_type)
    rows = list(table.index)
    r = run_tool("anova_twoway", {"y": df.y.tolist(), "a": df.a.tolist(), "b": df.b.tolist(), "ss_type": ss_type})
    assert r["balanced"] is False and r["ss_type"] == ss_type
    ss_a, ss_b, ss_ab, ss_e = (table.loc[rows[i], "sum_sq"] for i in (-4, -3, -2, -1))
    assert r["ss_a"] == pytest.approx(ss_a, rel=1e-10)
    assert r["ss_b"] == pytest.approx(ss_b, rel=1e-10)
    assert r["ss_ab"] == pytest.approx(ss_ab, rel=1e-10)
    assert r["ss_error"] == pytest.approx(ss_e, rel=1e-10)
    assert r["p_ab"] == pytest.approx(table.loc[rows[-2], "PR(>F)"], rel=1e-8)
    assert (r["df_a"], r["df_b"], r["df_ab"], r["df_error"]) == (1, 2, 2, df.shape[0] - 6)


def test_unbalanced_default_is_type_three_and_says_so() -> None:
    df = _unbalanced_frame()
    r = run_tool("anova_twoway", {"y": df.y.tolist(), "a": df.a.tolist(), "b": df.b.tolist()})
    assert r["ss_type"] == 3 and "type III" in r["ss_type_note"]


def test_additive_model_matches_statsmodels() -> None:
    df = _unbalanced_frame()
    table = anova_lm(smf.ols("y ~ C(a) + C(b)", df).fit(), typ=2)
    r = run_tool("anova_twoway", {"y": df.y.tolist(), "a": df.a.tolist(), "b": df.b.tolist(), "interaction": False})
    assert r["ss_ab"] is None and r["f_ab"] is None
    assert r["ss_a"] == pytest.approx(table.loc["C(a)", "sum_sq"], rel=1e-10)
    assert r["ss_b"] == pytest.approx(table.loc["C(b)", "sum_sq"], rel=1e-10)
    assert r["ss_error"] == pytest.approx(table.loc["Residual", "sum_sq"], rel=1e-10)
    assert r["df_error"] == df.shape[0] - 4


def test_cells_and_long_form_agree() -> None:
    cells = [[[130, 155, 74, 180], [34, 40, 80, 75]], [[150, 188, 159, 126], [136, 122, 106, 115]]]
    y, a, b = [], [], []
    for i, row in enumerate(cells):
        for j, cell in enumerate(row):
            y += cell
            a += [f"m{i}"] * len(cell)
            b += [f"t{j}"] * len(cell)
    one = run_tool("anova_twoway", {"cells": cells})
    two = run_tool("anova_twoway", {"y": y, "a": a, "b": b})
    for key in ("ss_a", "ss_b", "ss_ab", "ss_error", "f_a", "p_ab"):
        assert one[key] == pytest.approx(two[key], rel=1e-13)
    assert one["balanced"] and one["ss_type"] == 1
    # balanced: every SS type agrees
    for t in (2, 3):
        other = run_tool("anova_twoway", {"cells": cells, "ss_type": t})
        assert other["ss_a"] == pytest.approx(one["ss_a"], rel=1e-10)


def test_oneway_agrees_with_exact_rational_arithmetic() -> None:
    """Unbalanced groups of decimal data 10^12 above zero, against sums of squares in Fractions."""
    local = np.random.default_rng(12)
    offset = Decimal("1000000000000")
    groups = [[offset + Decimal(int(v)) / 1000 for v in local.integers(0, 5000, n)] for n in (7, 19, 4, 30)]
    exact = [[Fraction(v) for v in g] for g in groups]
    allv = [v for g in exact for v in g]
    grand = sum(allv, Fraction(0)) / len(allv)
    means = [sum(g, Fraction(0)) / len(g) for g in exact]
    within = sum((sum(((v - m) ** 2 for v in g), Fraction(0)) for g, m in zip(exact, means, strict=True)), Fraction(0))
    between = sum((len(g) * (m - grand) ** 2 for g, m in zip(exact, means, strict=True)), Fraction(0))
    r = run_tool("anova_oneway", {"groups": groups, "tukey": False})
    f = (between / 3) / (within / (len(allv) - 4))
    for key, want in (("between_ss", between), ("within_ss", within), ("f_statistic", f)):
        assert log_relative_error(r[key], float(want)) >= 13.5, key


def test_balanced_twoway_agrees_with_exact_rational_arithmetic() -> None:
    local = np.random.default_rng(13)
    offset = Decimal("1000000000000")
    la, lb, reps = 3, 2, 3
    cells = [[[offset + Decimal(int(v)) / 100 for v in local.integers(0, 900, reps)] for _ in range(lb)]
             for _ in range(la)]
    f = [[[Fraction(v) for v in c] for c in row] for row in cells]
    allv = [v for row in f for c in row for v in c]
    grand = sum(allv, Fraction(0)) / len(allv)
    mean_a = [sum((v for c in row for v in c), Fraction(0)) / (lb * reps) for row in f]
    mean_b = [sum((v for row in f for v in row[j]), Fraction(0)) / (la * reps) for j in range(lb)]
    cell = [[sum(c, Fraction(0)) / reps for c in row] for row in f]
    ss_a = lb * reps * sum((m - grand) ** 2 for m in mean_a)
    ss_b = la * reps * sum((m - grand) ** 2 for m in mean_b)
    ss_ab = reps * sum((cell[i][j] - mean_a[i] - mean_b[j] + grand) ** 2 for i in range(la) for j in range(lb))
    ss_e = sum((v - cell[i][j]) ** 2 for i in range(la) for j in range(lb) for v in f[i][j])
    r = run_tool("anova_twoway", {"cells": cells})
    for key, want in (("ss_a", ss_a), ("ss_b", ss_b), ("ss_ab", ss_ab), ("ss_error", ss_e)):
        assert log_relative_error(r[key], float(want)) >= 13.5, key
