"""Correct significant digits (LRE, capped at 15) of regression prediction intervals on NIST StRD data.

NIST certifies coefficients, not predictions, so the reference here is exact: the fitted mean,
leverage h = x0'(X'X)^-1 x0 and residual mean square computed in rational arithmetic (Python
fractions) from the decimal data, then the interval half-widths with the same t quantile. For each
data set the minimum LRE over fit, CI and PI limits at three points (the smallest x, the mean, the
largest) is printed for:

- HAVOC's `regression` with `at` (decimal text in, leverage from the centred, scaled QR),
- statsmodels OLS `get_prediction` on float64 arrays (the usual route).

    OMP_NUM_THREADS=1 .venv/bin/python bench/prediction_digits.py
"""

from __future__ import annotations

import json
import os
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import statsmodels.api as sm  # noqa: E402
from scipy import stats as sps  # noqa: E402

from tools.numeric import log_relative_error  # noqa: E402
from tools.regression import RegressionArgs, regression  # noqa: E402

CASES = ["strd_lls_Norris", "strd_lls_Pontius", "strd_lls_Wampler1", "strd_lls_Wampler4", "strd_lls_Filip",
         "strd_lls_Longley"]
SOURCES = [ROOT / "tests" / "data" / "nist", ROOT.parent / "shared" / "reference"]


def load(name: str) -> dict:
    for folder in SOURCES:
        path = folder / f"{name}.json"
        if path.exists():
            return json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)["input"]
    raise FileNotFoundError(name)


def rows_of(data: dict, points: list) -> tuple[list[list[Fraction]], list[list[Fraction]]]:
    if "X" in data:
        design = [[Fraction(1)] + [Fraction(v) for v in row] for row in data["X"]]
        new = [[Fraction(1)] + [Fraction(v) for v in row] for row in points]
    else:
        degree = int(data.get("degree") or 1)
        design = [[Fraction(v) ** k for k in range(degree + 1)] for v in data["x"]]
        new = [[Fraction(v) ** k for k in range(degree + 1)] for v in points]
    return design, new


def solve(a: list[list[Fraction]], b: list[list[Fraction]]) -> list[list[Fraction]]:
    """Gauss-Jordan in fractions: a^-1 b."""
    n = len(a)
    m = [row[:] + rhs[:] for row, rhs in zip(a, b, strict=True)]
    for c in range(n):
        pivot = next(r for r in range(c, n) if m[r][c] != 0)
        m[c], m[pivot] = m[pivot], m[c]
        inv = 1 / m[c][c]
        m[c] = [v * inv for v in m[c]]
        for r in range(n):
            if r != c and m[r][c] != 0:
                f = m[r][c]
                m[r] = [v - f * w for v, w in zip(m[r], m[c], strict=True)]
    return [row[n:] for row in m]


def exact(data: dict, points: list) -> list[tuple[float, float, float]]:
    """(fit, half-width of the CI, of the PI) at each point, from rational least squares."""
    design, new = rows_of(data, points)
    y = [Fraction(v) for v in data["y"]]
    p, n = len(design[0]), len(design)
    xtx = [[sum(r[i] * r[j] for r in design) for j in range(p)] for i in range(p)]
    xty = [[sum(r[i] * v for r, v in zip(design, y, strict=True))] for i in range(p)]
    beta = [row[0] for row in solve(xtx, xty)]
    rss = sum((v - sum(b * x for b, x in zip(beta, r, strict=True))) ** 2 for r, v in zip(design, y, strict=True))
    ms = rss / (n - p)
    inv_new = solve(xtx, [[row[i] for row in new] for i in range(p)])
    t = sps.t.ppf(0.975, n - p)
    out = []
    for j, row in enumerate(new):
        h = sum(row[i] * inv_new[i][j] for i in range(p))
        fit = sum(b * x for b, x in zip(beta, row, strict=True))
        out.append((float(fit), t * float(np.sqrt(float(h * ms))), t * float(np.sqrt(float((1 + h) * ms)))))
    return out


def lre(limits: list[tuple[float, float, float, float, float]], reference: list[tuple[float, float, float]]) -> float:
    worst = 15.0
    for (fit, lo, hi, plo, phi), (f, half, pred) in zip(limits, reference, strict=True):
        for got, want in ((fit, f), (lo, f - half), (hi, f + half), (plo, f - pred), (phi, f + pred)):
            worst = min(worst, log_relative_error(got, want))
    return worst


def main() -> None:
    import warnings

    warnings.simplefilter("ignore")  # statsmodels warns that Filip's float64 design looks rank-deficient: it is the point
    print(f"{'data set':<12} {'HAVOC':>6} {'statsmodels':>12}")
    for name in CASES:
        data = load(name)
        if "X" in data:
            cols = np.array([[float(v) for v in row] for row in data["X"]])
            points = [list(r) for r in (cols.min(axis=0), cols.mean(axis=0), cols.max(axis=0))]
            points = [[Decimal(repr(float(v))) for v in r] for r in points]
            args = {"y": data["y"], "X": data["X"], "at": points}
        else:
            xs = [float(v) for v in data["x"]]
            points = [Decimal(repr(v)) for v in (min(xs), float(np.mean(xs)), max(xs))]
            args = {"y": data["y"], "x": data["x"], "degree": int(data.get("degree") or 1), "at": points}
        reference = exact(data, points)
        out = regression(RegressionArgs.model_validate(args)).model_dump()
        ours = [(p["fit"], p["ci_low"], p["ci_high"], p["pi_low"], p["pi_high"]) for p in out["predictions"]]
        design, new = rows_of(data, points)
        fit = sm.OLS(np.array([float(v) for v in data["y"]]), np.array([[float(v) for v in r] for r in design])).fit()
        frame = fit.get_prediction(np.array([[float(v) for v in r] for r in new])).summary_frame(alpha=0.05)
        theirs = [tuple(frame.iloc[i][["mean", "mean_ci_lower", "mean_ci_upper", "obs_ci_lower", "obs_ci_upper"]])
                  for i in range(len(points))]
        print(f"{name.removeprefix('strd_lls_'):<12} {lre(ours, reference):>6.1f} {lre(theirs, reference):>12.1f}")


if __name__ == "__main__":
    main()
