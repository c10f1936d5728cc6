"""Welch's one-way ANOVA (`anova_oneway` with welch): Welch's 1951 formula by hand, statsmodels, and Welch's t.

With two groups Welch's F is the square of Welch's t and its df2 the Welch–Satterthwaite df: an identity
that ties this test to scipy's independent two-sample test.
"""

from __future__ import annotations

import math

import pytest
from scipy import stats
from statsmodels.stats.oneway import anova_oneway as statsmodels_anova

from graphs.audit_checks import AUDITORS
from tools.errors import HavocInputError
from tools.registry import run_tool

GROUPS = [[18.2, 20.1, 17.6, 19.0, 18.8], [19.4, 26.3, 14.0, 22.5, 27.9, 12.2, 20.0],
          [24.1, 23.2, 25.0, 24.4], [21.0, 19.5, 23.8, 22.1, 20.7, 24.9]]


def _welch_by_hand(groups: list[list[float]]) -> tuple[float, float, float]:
    k = len(groups)
    n = [len(g) for g in groups]
    means = [sum(g) / len(g) for g in groups]
    variances = [sum((v - m) ** 2 for v in g) / (len(g) - 1) for g, m in zip(groups, means, strict=True)]
    w = [ni / vi for ni, vi in zip(n, variances, strict=True)]
    weighted_mean = sum(wi * mi for wi, mi in zip(w, means, strict=True)) / sum(w)
    a = sum(wi * (mi - weighted_mean) ** 2 for wi, mi in zip(w, means, strict=True)) / (k - 1)
    lam = sum((1 - wi / sum(w)) ** 2 / (ni - 1) for wi, ni in zip(w, n, strict=True))
    f = a / (1 + 2 * (k - 2) * lam / (k * k - 1))
    df2 = (k * k - 1) / (3 * lam)
    return f, df2, float(stats.f.sf(f, k - 1, df2))


def test_welch_f_df_and_p_by_hand_and_against_statsmodels() -> None:
    out = run_tool("anova_oneway", {"groups": GROUPS, "welch": True})
    f, df2, p = _welch_by_hand(GROUPS)
    assert out["f_statistic"] == pytest.approx(f, rel=1e-12)
    assert out["df1"] == 3 and out["df2"] == pytest.approx(df2, rel=1e-12)
    assert out["p_value"] == pytest.approx(p, rel=1e-10)
    ref = statsmodels_anova(GROUPS, use_var="unequal")
    assert out["f_statistic"] == pytest.approx(ref.statistic, rel=1e-10)
    assert out["df2"] == pytest.approx(ref.df_denom, rel=1e-10)
    assert out["p_value"] == pytest.approx(ref.pvalue, rel=1e-9)
    assert out["welch"] is True and out["test"].startswith("Welch")


def test_two_groups_give_welchs_t_squared_on_the_satterthwaite_df() -> None:
    a, b = GROUPS[0], GROUPS[1]
    out = run_tool("anova_oneway", {"groups": [a, b], "welch": True})
    t = stats.ttest_ind(a, b, equal_var=False)
    assert out["f_statistic"] == pytest.approx(t.statistic ** 2, rel=1e-11)
    assert out["df2"] == pytest.approx(t.df, rel=1e-11)
    assert out["p_value"] == pytest.approx(t.pvalue, rel=1e-9)


def test_welch_drops_tukey_and_says_why_while_the_descriptive_table_stays() -> None:
    classic = run_tool("anova_oneway", {"groups": GROUPS})
    welch = run_tool("anova_oneway", {"groups": GROUPS, "welch": True})
    assert welch["tukey"] is None and classic["tukey"]
    assert any("Games–Howell" in note and "Tukey" in note for note in welch["notes"])
    for key in ("between_ss", "within_ss", "total_ss", "between_df", "within_df", "r_squared", "groups"):
        assert welch[key] == classic[key]
    assert welch["f_statistic"] != classic["f_statistic"]


def test_without_welch_the_classic_result_is_unchanged() -> None:
    plain = run_tool("anova_oneway", {"groups": GROUPS})
    assert run_tool("anova_oneway", {"groups": GROUPS, "welch": False}) == plain
    groups = [[float(v) for v in g] for g in GROUPS]
    grand = sum(map(sum, groups)) / sum(map(len, groups))
    ssb = sum(len(g) * (sum(g) / len(g) - grand) ** 2 for g in groups)
    ssw = sum(sum((v - sum(g) / len(g)) ** 2 for v in g) for g in groups)
    f = (ssb / 3) / (ssw / (sum(map(len, groups)) - 4))
    assert plain["f_statistic"] == pytest.approx(f, rel=1e-12)
    assert plain["df1"] == plain["between_df"] == 3 and plain["df2"] == plain["within_df"] == 18
    assert plain["welch"] is False and plain["notes"] == []


@pytest.mark.parametrize(("groups", "field"), [
    ([[1.0, 2.0, 3.0], [4.0]], "groups[1]"),
    ([[1.0, 2.0, 3.0], [4.0, 4.0, 4.0], [5.0, 6.5]], "groups[1]"),
])
def test_welch_needs_a_variance_in_every_group(groups: list, field: str) -> None:
    run_tool("anova_oneway", {"groups": groups})  # the classic ANOVA pools, so it runs
    with pytest.raises(HavocInputError) as info:
        run_tool("anova_oneway", {"groups": groups, "welch": True})
    assert "\n" not in str(info.value) and str(info.value).startswith(field)


def test_the_audit_recomputes_welchs_f_and_catches_a_wrong_one() -> None:
    args = {"groups": GROUPS, "welch": True}
    out = run_tool("anova_oneway", args)
    checks = AUDITORS["anova_oneway"](args, out)
    assert {"Welch F", "Welch df2"} <= {c["name"] for c in checks} and all(c["passed"] for c in checks), checks
    wrong = AUDITORS["anova_oneway"](args, {**out, "df2": math.floor(out["df2"])})
    assert [c["name"] for c in wrong if not c["passed"]] == ["Welch df2"]
