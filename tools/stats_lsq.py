"""Least squares to the last certified digit: QR on centred, scaled columns plus refinement in decimal.

Why not normal equations or pinv: they square the condition number, and NIST's Filip (a degree-10
polynomial) and Wampler4-5 then keep no correct digit in binary64. Why not plain QR either: the
certified coefficients are for the raw basis (x, x^2, ...), and mapping a well-conditioned centred
basis back to raw powers cancels digits. So:

1. The design is written as X = Xs M^-1: Xs has centred, scaled columns (condition small enough that
   a float64 QR of Xs is a good approximate solver); M (exact, decimal) maps scaled coefficients to raw.
2. Björck's iterative refinement of the augmented system [I X; X' 0][r; b] = [y; c]: the residuals
   f = y - r - X b and g = c - X' r are computed in 80-digit decimal from the decimal data, each
   correction is solved with the float QR, and b, r accumulate in decimal. Each sweep gains about
   -log10(cond(Xs) * eps) digits, so a few sweeps reach far beyond 15 digits.
3. The same iteration with y = 0, c = e_j gives column j of (X'X)^-1, for the standard errors.

Large problems (more than DECIMAL_CELLS cells, or wide ones: see `use_decimal`) take the float path: an R-only QR of [Xs y], one sweep
of corrected semi-normal equations, and the covariance from R^-1; that is accurate to about
cond(Xs) * eps. (Small numpy arrays take the decimal path from their exact binary values.)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal, localcontext

import numpy as np

from tools.errors import HavocInputError

PRECISION = 80
DECIMAL_CELLS = 20_000
DECIMAL_GRAM_WORK = 300_000  # n * p^2: the decimal Gram matrix; wider designs take the float path


def use_decimal(n: int, p: int) -> bool:
    """Whether the decimal refinement is affordable (about a second at the limits on one slow core)."""
    return n * p <= DECIMAL_CELLS and n * p * p <= DECIMAL_GRAM_WORK
MAX_SWEEPS = 12
SINGULAR_RATIO = 1e-11


@dataclass
class Design:
    """Raw design (decimal when exact), its scaled float version Xs and the map M with X M = Xs."""

    raw_dec: np.ndarray | None  # n x p object array of Decimal, or None on the float path
    scaled: np.ndarray  # n x p float, centred and scaled columns
    m_dec: np.ndarray | None  # p x p object array of Decimal
    m: np.ndarray  # p x p float


@dataclass
class Fit:
    coefficients: np.ndarray  # raw basis, float
    residuals: np.ndarray  # float
    rss: float
    tss: float
    ess: float  # tss - rss, formed before rounding to float  # centred when the model has an intercept, uncentred otherwise
    unscaled_cov_diag: np.ndarray  # diag((X'X)^-1)
    condition: float  # of the scaled design
    exact_fit: bool
    precise: bool
    sweeps: int


def _dec_array(rows: list[list[Decimal]]) -> np.ndarray:
    arr = np.empty((len(rows), len(rows[0])), dtype=object)
    for i, row in enumerate(rows):
        arr[i, :] = row
    return arr


def _check_rank(r: np.ndarray, field: str, names: list[str]) -> float:
    diag = np.abs(np.diag(r))
    top = diag.max() if diag.size else 0.0
    if top == 0.0 or (diag < SINGULAR_RATIO * top).any():
        j = int(np.argmin(diag)) if top > 0 else 0
        raise HavocInputError(f"the design is singular: column {names[j]!r} is (numerically) a linear combination "
                              "of the others (collinear predictors, too few distinct x values, or a constant column)",
                              field=field)
    return float(np.linalg.cond(r))


def solve(design: Design, y_dec: list[Decimal] | None, y: np.ndarray, intercept: bool, field: str,
          names: list[str]) -> Fit:
    if design.raw_dec is not None and y_dec is not None:
        q, r = np.linalg.qr(design.scaled)
        cond = _check_rank(r, field, names)
        return _solve_decimal(design, y_dec, q, r, intercept, cond, field)
    # tall and thin: factorise [Xs y] without forming Q; the last column of R holds Q'y
    r_aug = np.linalg.qr(np.column_stack([design.scaled, y]), mode="r")
    p = design.scaled.shape[1]
    r = r_aug[:p, :p]
    cond = _check_rank(r, field, names)
    return _solve_float(design, y, r, r_aug[:p, p], intercept, cond)


def _correction(q: np.ndarray, r: np.ndarray, f: np.ndarray, gs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Solve [I Xs; Xs' 0][dr; dbs] = [f; gs] with Xs = QR (Björck)."""
    from scipy.linalg import solve_triangular

    h = solve_triangular(r, gs, trans="T")
    d1 = q.T @ f
    dbs = solve_triangular(r, d1 - h)
    dr = f - q @ (d1 - h)
    return dr, dbs


def _refine(design: Design, q: np.ndarray, r: np.ndarray, y: np.ndarray, c: np.ndarray, field: str
            ) -> tuple[np.ndarray, np.ndarray, int]:
    """Decimal solution (r, b) of [I X; X' 0][r; b] = [y; c]; y, c object arrays of Decimal."""
    x, m = design.raw_dec, design.m_dec
    n, p = x.shape
    res = np.array([Decimal(0)] * n, dtype=object)
    b = np.array([Decimal(0)] * p, dtype=object)
    last = math.inf
    for sweep in range(1, MAX_SWEEPS + 1):
        f = y - res - x.dot(b)
        g = c - x.T.dot(res)
        gs = m.T.dot(g)
        dr, dbs = _correction(q, r, f.astype(float), gs.astype(float))
        db = m.dot(np.array([Decimal(v) for v in dbs.tolist()], dtype=object))
        res = res + np.array([Decimal(v) for v in dr.tolist()], dtype=object)
        b = b + db
        size = max((abs(v) for v in db), default=Decimal(0))
        scale = max((abs(v) for v in b), default=Decimal(0))
        rsize = max((abs(v) for v in dr.tolist()), default=0.0)
        rscale = max(max((abs(v) for v in y), default=Decimal(0)), max((abs(v) for v in res), default=Decimal(0)))
        step = max(float(size / scale) if scale else 0.0, rsize / float(rscale) if rscale else 0.0)
        if step < 1e-40 or (step < 1e-30 and step > 0.5 * last):
            return res, b, sweep  # converged, or stalled at the decimal noise floor far below float precision
        if sweep > 3 and step > last and step > 1e-3:
            raise HavocInputError("the design is too ill-conditioned to solve even after centring and scaling",
                                  field=field)
        last = step
    return res, b, MAX_SWEEPS


def _to_decimal_matrix(a: np.ndarray) -> np.ndarray:
    out = np.empty(a.shape, dtype=object)
    for idx, v in np.ndenumerate(a):
        out[idx] = Decimal(float(v))
    return out


def _inverse_gram_diagonal(design: Design, r: np.ndarray) -> list[Decimal] | None:
    """diag((X'X)^-1) by refining the scaled inverse against the Gram matrix formed in 80-digit decimal.

    The Gram matrix Gs = M'X'XM is exact here (decimal products of decimal data), so this is iterative
    refinement of Zs = Gs^-1 with the float QR's (R'R)^-1 as the approximate inverse, not the float
    normal equations; it converges while cond(Xs)^2 * eps < 1 and returns None when it does not.
    """
    from scipy.linalg import solve_triangular

    x, m = design.raw_dec, design.m_dec
    p = m.shape[0]
    gs = m.T.dot(x.T.dot(x)).dot(m)
    rinv = solve_triangular(r, np.eye(p))
    cs = rinv @ rinv.T
    zs = _to_decimal_matrix(cs)
    eye = np.array([[Decimal(int(i == j)) for j in range(p)] for i in range(p)], dtype=object)
    last = math.inf
    for _ in range(MAX_SWEEPS * 2):
        e = eye - gs.dot(zs)
        err = float(max(abs(v) for v in e.flat))
        if err < 1e-45:
            break
        if err > 0.5 * last and err > 1e-30:
            return None  # not contracting
        last = err
        zs = zs + _to_decimal_matrix(cs @ e.astype(float))
    z = m.dot(zs).dot(m.T)
    return [z[j, j] for j in range(p)]


def _solve_decimal(design: Design, y_dec: list[Decimal], q: np.ndarray, r: np.ndarray, intercept: bool,
                   cond: float, field: str) -> Fit:
    n, p = design.raw_dec.shape
    with localcontext() as ctx:
        ctx.prec = PRECISION
        yv = np.array(y_dec, dtype=object)
        zero_c = np.array([Decimal(0)] * p, dtype=object)
        res, b, sweeps = _refine(design, q, r, yv, zero_c, field)
        if intercept:
            ybar = sum(y_dec, Decimal(0)) / n
            tss = sum(((v - ybar) ** 2 for v in y_dec), Decimal(0))
        else:
            tss = sum((v * v for v in y_dec), Decimal(0))
        rss = sum((v * v for v in res), Decimal(0))
        # an exact fit: residuals 25+ orders below the data cannot come from decimal data that do not fit exactly
        exact = tss > 0 and rss <= tss * Decimal("1e-50")
        if exact:
            res = np.array([Decimal(0)] * n, dtype=object)
            rss = Decimal(0)
        cov = _inverse_gram_diagonal(design, r)
        if cov is None:  # scaled design too ill-conditioned for the Gram route: one augmented solve per column
            cov = []
            zero_y = np.array([Decimal(0)] * n, dtype=object)
            for j in range(p):
                e = np.array([Decimal(int(k == j)) for k in range(p)], dtype=object)
                _, col, _ = _refine(design, q, r, zero_y, e, field)
                cov.append(-col[j])  # the refinement solves X'X b = -e_j
        return Fit(coefficients=np.array([float(v) for v in b]), residuals=np.array([float(v) for v in res]),
                   rss=float(rss), tss=float(tss), ess=float(tss - rss), unscaled_cov_diag=np.array([float(v) for v in cov]),
                   condition=cond, exact_fit=bool(exact), precise=True, sweeps=sweeps)


def _solve_float(design: Design, y: np.ndarray, r: np.ndarray, qty: np.ndarray, intercept: bool, cond: float) -> Fit:
    from scipy.linalg import solve_triangular

    from tools.numeric import accurate_sum

    bs = solve_triangular(r, qty)
    resid = y - design.scaled @ bs
    # one sweep of corrected semi-normal equations (Björck): refines bs without Q
    bs = bs + solve_triangular(r, solve_triangular(r, design.scaled.T @ resid, trans="T"))
    resid = y - design.scaled @ bs
    rinv = solve_triangular(r, np.eye(r.shape[0]))
    cov = design.m @ (rinv @ rinv.T) @ design.m.T
    tss = accurate_sum((y - accurate_sum(y) / y.size) ** 2) if intercept else accurate_sum(y * y)
    rss = accurate_sum(resid * resid)
    return Fit(coefficients=design.m @ bs, residuals=resid, rss=rss, tss=tss, ess=tss - rss,
               unscaled_cov_diag=np.diag(cov).copy(), condition=cond, exact_fit=False, precise=False, sweeps=1)
