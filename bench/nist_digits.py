"""Correct significant digits (LRE, capped at 15) that each NIST StRD dataset reaches, per tool.

For every certified case (../shared/reference and tests/data/nist) of the univariate, one-way ANOVA and
linear-regression kinds, prints the minimum LRE over the certified statistics for:

- HAVOC, decimal text in (what the CLI, DSL and API deliver),
- HAVOC, numpy float64 arrays in (in-process callers; binary input caps SmLs07-09 near 4 digits),
- the usual float64 route: numpy (mean, std) / scipy.stats.f_oneway / statsmodels OLS (its default pinv).

    OMP_NUM_THREADS=1 .venv/bin/python bench/nist_digits.py
"""

from __future__ import annotations

import json
import math
import os
import sys
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import statsmodels.api as sm  # noqa: E402
from scipy import stats as sps  # noqa: E402

from tools.numeric import log_relative_error  # noqa: E402
from tools.regression import RegressionArgs, regression  # noqa: E402
from tools.stats_anova import OneWayArgs, anova_oneway  # noqa: E402
from tools.stats_describe import DescribeArgs, describe  # noqa: E402

SOURCES = [ROOT / "tests" / "data" / "nist", ROOT.parent / "shared" / "reference"]


def digits(result: dict, expected: dict) -> float:
    """Min LRE over the certified statistics (zeros certified: absolute error)."""
    worst = 15.0
    for key, want in expected.items():
        got = result.get(key)
        if got is None:
            return 0.0
        pairs = zip(got, want, strict=True) if isinstance(want, list) else [(got, want)]
        for g, w in pairs:
            worst = min(worst, log_relative_error(float(g), float(w)))
    return worst


def havoc(kind: str, inp: dict, arrays: bool) -> dict:
    if kind == "univariate_summary":
        data = np.array([float(v) for v in inp["data"]]) if arrays else inp["data"]
        return describe(DescribeArgs(data=data)).model_dump()
    if kind == "anova_oneway":
        groups = [np.array([float(v) for v in g]) for g in inp["groups"]] if arrays else inp["groups"]
        return anova_oneway(OneWayArgs(groups=groups, tukey=False)).model_dump()
    args = dict(inp)
    if arrays:
        args["y"] = np.array([float(v) for v in inp["y"]])
        if "x" in args:
            args["x"] = np.array([float(v) for v in inp["x"]])
        else:
            args["X"] = np.array([[float(v) for v in row] for row in inp["X"]])
    return regression(RegressionArgs.model_validate(args)).model_dump()


def float_route(kind: str, inp: dict) -> dict:
    if kind == "univariate_summary":
        y = np.array([float(v) for v in inp["data"]])
        d = y - y.mean()
        return {"n": y.size, "mean": y.mean(), "std_dev": y.std(ddof=1),
                "lag1_autocorrelation": float(np.sum(d[1:] * d[:-1]) / np.sum(d * d))}
    if kind == "anova_oneway":
        groups = [np.array([float(v) for v in g]) for g in inp["groups"]]
        f = sps.f_oneway(*groups).statistic
        allv = np.concatenate(groups)
        within = sum(float(np.sum((g - g.mean()) ** 2)) for g in groups)
        between = sum(g.size * (g.mean() - allv.mean()) ** 2 for g in groups)
        k, n = len(groups), allv.size
        return {"between_df": k - 1, "within_df": n - k, "between_ss": between, "within_ss": within,
                "between_ms": between / (k - 1), "within_ms": within / (n - k), "f_statistic": f,
                "r_squared": between / (between + within), "residual_sd": math.sqrt(within / (n - k))}
    y = np.array([float(v) for v in inp["y"]])
    if "x" in inp:
        x = np.array([float(v) for v in inp["x"]])
        design = np.vander(x, int(inp.get("degree", 1)) + 1, increasing=True)
        if not inp.get("intercept", True):
            design = design[:, 1:]
    else:
        design = np.array([[float(v) for v in row] for row in inp["X"]])
        if inp.get("intercept", True):
            design = sm.add_constant(design)
    fit = sm.OLS(y, design).fit()
    return {"coefficients": list(fit.params), "standard_errors": list(fit.bse), "residual_sd": math.sqrt(fit.scale),
            "r_squared": fit.rsquared, "regression_df": fit.df_model, "regression_ss": fit.ess,
            "regression_ms": fit.mse_model, "f_statistic": fit.fvalue, "residual_df": fit.df_resid,
            "residual_ss": fit.ssr, "residual_ms": fit.mse_resid}


def main() -> None:
    cases = []
    for src in SOURCES:
        for path in sorted(src.glob("*.json")) if src.is_dir() else []:
            case = json.loads(path.read_text(), parse_float=Decimal)
            if case.get("kind") in ("univariate_summary", "anova_oneway", "linear_regression"):
                cases.append(case)
    cases.sort(key=lambda c: (c["kind"], c["name"]))
    print(f"{'dataset':24s} {'difficulty':10s} {'HAVOC text':>10s} {'HAVOC f64':>10s} {'numpy/scipy/statsmodels':>24s}")
    for case in cases:
        expected = case["expected"]
        note = case["tolerance"].get("note", "")
        level = next((w for w in ("lower", "average", "higher") if f"difficulty: {w}" in note), "?")
        cols = []
        kind, inp = case["kind"], case["input"]
        for route, arg in ((havoc, False), (havoc, True), (float_route, None)):
            try:
                with np.errstate(all="ignore"):
                    result = route(kind, inp) if arg is None else route(kind, inp, arg)
                    cols.append(f"{digits(result, expected):.1f}")
            except Exception as exc:  # noqa: BLE001 - a failure is a figure here, not a crash
                cols.append(f"fail:{type(exc).__name__}"[:10])
        print(f"{case['name']:24s} {level:10s} {cols[0]:>10s} {cols[1]:>10s} {cols[2]:>24s}")


if __name__ == "__main__":
    main()
