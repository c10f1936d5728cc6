"""Least-squares fitting of designed experiments: model terms, adjusted sums of squares, lack of fit.

Why its own module: `doe_anova` and `rsm_fit` (and the curvature test of
`doe_effects`) share one careful fit: QR on the model matrix rather than normal
equations, aliased terms dropped explicitly rather than hidden in a pseudo-inverse,
adjusted (Type III) sums of squares from refits, and pure error from the runs that
repeat a setting exactly, so lack of fit can be tested whenever the data allow.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

import numpy as np
from pydantic import BaseModel

from tools.errors import HavocInputError

RANK_TOL = 1e-9


@dataclass
class Term:
    """A model term: a product of coded columns (powers allowed), e.g. A, AB, A^2."""

    name: str
    powers: tuple[int, ...]  # exponent per factor
    kind: str = "linear"  # linear, interaction, square, curvature

    def column(self, x: np.ndarray) -> np.ndarray:
        if self.kind == "curvature":  # Minitab's centre-point indicator
            return np.all(np.abs(x) < 1e-9, axis=1).astype(float)
        col = np.ones(x.shape[0])
        for j, p in enumerate(self.powers):
            if p:
                col = col * x[:, j] ** p
        return col


def term_name(powers: tuple[int, ...], labels: list[str]) -> str:
    parts = []
    for j, p in enumerate(powers):
        if p == 1:
            parts.append(labels[j])
        elif p > 1:
            parts.append(f"{labels[j]}^{p}")
    return "".join(parts)


def model_terms(k: int, labels: list[str], model: str, order: int) -> list[Term]:
    """Terms of `main`, `interactions` (up to `order`) or `quadratic` models, hierarchical order."""
    terms: list[Term] = []
    top = 1 if model == "main" else (2 if model == "quadratic" else order)
    for size in range(1, min(top, k) + 1):
        for combo in combinations(range(k), size):
            powers = tuple(1 if j in combo else 0 for j in range(k))
            terms.append(Term(term_name(powers, labels), powers, "linear" if size == 1 else "interaction"))
    if model == "quadratic":
        squares = [Term(f"{labels[j]}^2", tuple(2 if i == j else 0 for i in range(k)), "square") for j in range(k)]
        terms = terms[:k] + squares + terms[k:]
    return terms


class AnovaRow(BaseModel):
    source: str
    df: int
    ss: float
    ms: float | None = None
    f: float | None = None
    p: float | None = None


class Coefficient(BaseModel):
    term: str
    estimate: float
    std_error: float | None = None
    t: float | None = None
    p: float | None = None


@dataclass
class Fit:
    terms: list[Term]
    dropped: list[str]
    beta: np.ndarray
    fitted: np.ndarray
    residuals: np.ndarray
    rss: float
    tss: float
    n: int
    df_resid: int
    cov_unscaled: np.ndarray
    leverage: np.ndarray
    table: list[AnovaRow] = field(default_factory=list)
    blocks: np.ndarray | None = None  # block columns (sum-to-zero coded), fitted before the terms
    block_names: list[str] = field(default_factory=list)


def _lstsq(m: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    q, r = np.linalg.qr(m)
    beta = np.linalg.solve(r, q.T @ y)
    rinv = np.linalg.solve(r, np.eye(r.shape[0]))
    return beta, m @ beta, rinv


def block_columns(block: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """Sum-to-zero columns for the blocks (block j against the first), so the constant stays the grand mean
    in a balanced design; and their names ("Block 2", ...)."""
    labels = list(dict.fromkeys(block.tolist()))
    first = block == labels[0]
    cols = np.column_stack([(block == lab).astype(float) - first for lab in labels[1:]])
    return cols, [f"Block {lab}" for lab in labels[1:]]


def fit(x: np.ndarray, y: np.ndarray, terms: list[Term], field_name: str = "coded",
        drop_aliased: bool = True, block: np.ndarray | None = None) -> Fit:
    """Fit y on an intercept (plus blocks) plus `terms`; terms that repeat earlier columns are dropped (or refused).

    Blocks enter right after the intercept, so a term confounded with blocks is the one dropped, by name.
    """
    n = x.shape[0]
    kept: list[Term] = []
    dropped: list[str] = []
    cols = [np.ones(n)]
    block_cols, block_names = (None, []) if block is None else block_columns(block)
    if block_cols is not None:
        cols += list(block_cols.T)
    for t in terms:
        c = t.column(x)
        trial = np.column_stack(cols + [c])
        scale = np.linalg.norm(trial, axis=0)
        scale[scale == 0] = 1
        sv = np.linalg.svd(trial / scale, compute_uv=False)
        if trial.shape[1] > n or sv[-1] <= RANK_TOL * sv[0] * max(trial.shape) or np.linalg.norm(c) == 0:
            if not drop_aliased:
                raise HavocInputError(f"the design cannot estimate {t.name}: its column repeats a combination of "
                                      "earlier terms (aliased or too few distinct settings)", field=field_name)
            dropped.append(t.name)
            continue
        cols.append(c)
        kept.append(t)
    m = np.column_stack(cols)
    if n < m.shape[1]:
        raise HavocInputError(f"{n} runs cannot estimate {m.shape[1]} coefficients", field=field_name)
    beta, fitted, rinv = _lstsq(m, y)
    resid = y - fitted
    rss = float(resid @ resid)
    tss = float(((y - y.mean()) ** 2).sum())
    cov = rinv @ rinv.T
    q = m @ rinv
    lev = (q**2).sum(axis=1)
    return Fit(kept, dropped, beta, fitted, resid, rss, tss, n, n - m.shape[1], cov, lev, blocks=block_cols,
               block_names=block_names)


def _block_extra(f: Fit) -> list[np.ndarray]:
    return [] if f.blocks is None else list(f.blocks.T)


def _rss_without(x: np.ndarray, y: np.ndarray, terms: list[Term], skip: int, extra: list[np.ndarray]) -> float:
    cols = [np.ones(x.shape[0])] + [t.column(x) for i, t in enumerate(terms) if i != skip] + extra
    m = np.column_stack(cols)
    _, fitted, _ = _lstsq(m, y)
    return float(((y - fitted) ** 2).sum())


def pure_error(x: np.ndarray, y: np.ndarray) -> tuple[float, int]:
    """SS and df among runs at identical settings."""
    keys = [tuple(np.round(row, 10)) for row in x]
    groups: dict[tuple, list[float]] = {}
    for key, v in zip(keys, y, strict=True):
        groups.setdefault(key, []).append(float(v))
    ss = sum(float(((np.array(g) - np.mean(g)) ** 2).sum()) for g in groups.values())
    df = sum(len(g) - 1 for g in groups.values())
    return ss, df


def _f_row(source: str, df: int, ss: float, mse: float | None, df_err: int) -> AnovaRow:
    from scipy import stats
    ms = ss / df if df > 0 else None
    if ms is not None and mse is not None and mse > 0 and df_err > 0:
        f = ms / mse
        return AnovaRow(source=source, df=df, ss=ss, ms=ms, f=f, p=float(stats.f.sf(f, df, df_err)))
    return AnovaRow(source=source, df=df, ss=ss, ms=ms)


def anova_table(x: np.ndarray, y: np.ndarray, f: Fit) -> tuple[list[AnovaRow], dict[str, float | int | None]]:
    """Adjusted SS per term, model, error, lack of fit / pure error and total."""
    mse = f.rss / f.df_resid if f.df_resid > 0 else None
    rows: list[AnovaRow] = []
    model_df = len(f.terms)
    extra = _block_extra(f)
    ss_blocks = 0.0
    if extra:  # blocks first (sequential): between-block SS, Montgomery's sum of block totals squared
        _, fitted, _ = _lstsq(np.column_stack([np.ones(f.n)] + extra), y)
        ss_blocks = float(((fitted - y.mean()) ** 2).sum())
        rows.append(_f_row("Blocks", len(extra), ss_blocks, mse, f.df_resid))
    rows.append(_f_row("Model", model_df, max(f.tss - f.rss - ss_blocks, 0.0), mse, f.df_resid))
    for i, t in enumerate(f.terms):
        ss = max(_rss_without(x, y, f.terms, i, extra) - f.rss, 0.0)
        rows.append(_f_row(t.name, 1, ss, mse, f.df_resid))
    rows.append(AnovaRow(source="Error", df=f.df_resid, ss=f.rss, ms=mse))
    # pure error among runs at the same settings in the same block (a block shift is not error)
    blocks = np.column_stack(extra) if extra else np.zeros((f.n, 0))
    ss_pe, df_pe = pure_error(np.column_stack([x, blocks]), y)
    lof: dict[str, float | int | None] = {"f": None, "p": None, "df": None}
    if 0 < df_pe < f.df_resid:
        ss_lof = max(f.rss - ss_pe, 0.0)
        df_lof = f.df_resid - df_pe
        ms_pe = ss_pe / df_pe
        lof_row = _f_row("Lack of fit", df_lof, ss_lof, ms_pe, df_pe)
        rows.append(lof_row)
        rows.append(AnovaRow(source="Pure error", df=df_pe, ss=ss_pe, ms=ms_pe))
        lof = {"f": lof_row.f, "p": lof_row.p, "df": df_lof, "pure_error_df": df_pe}
    rows.append(AnovaRow(source="Total", df=f.n - 1, ss=f.tss))
    return rows, lof


def coefficients(f: Fit, names: list[str]) -> list[Coefficient]:
    from scipy import stats
    mse = f.rss / f.df_resid if f.df_resid > 0 else None
    out = []
    for i, name in enumerate(names):
        est = float(f.beta[i])
        if mse is None:
            out.append(Coefficient(term=name, estimate=est))
            continue
        se = float(np.sqrt(f.cov_unscaled[i, i] * mse))
        t = est / se if se > 0 else None
        p = float(2 * stats.t.sf(abs(t), f.df_resid)) if t is not None else None
        out.append(Coefficient(term=name, estimate=est, std_error=se, t=t, p=p))
    return out


def summary(f: Fit) -> dict[str, float | None]:
    """R^2, adjusted R^2, predicted R^2 (PRESS) and the residual standard deviation."""
    p = len(f.terms)
    r2 = 1 - f.rss / f.tss if f.tss > 0 else None
    adj = 1 - (f.rss / f.df_resid) / (f.tss / (f.n - 1)) if f.tss > 0 and f.df_resid > 0 else None
    with np.errstate(divide="ignore", invalid="ignore"):
        ok = f.leverage < 1 - 1e-10
        press = float(((f.residuals[ok] / (1 - f.leverage[ok])) ** 2).sum()) if ok.all() else None
    pred = 1 - press / f.tss if press is not None and f.tss > 0 else None
    s = float(np.sqrt(f.rss / f.df_resid)) if f.df_resid > 0 else None
    return {"r_squared": r2, "adj_r_squared": adj, "pred_r_squared": pred, "residual_sd": s,
            "residual_df": f.df_resid, "terms": p}
