"""Analysis of designed experiments: factorial effects, ANOVA of a fitted design, response surfaces.

Why these three: they answer the questions a design was run for. `doe_effects` says
which two-level effects are real (Lenth's pseudo standard error when nothing is
replicated, t-tests when pure error exists); `doe_anova` gives the table a reviewer
expects for any fitted design, with lack of fit when the data can show it; `rsm_fit`
finds where a second-order surface peaks, dips or saddles and how it is shaped.
"""

from __future__ import annotations

from itertools import combinations
from typing import Any

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from tools import doe_matrices as mats
from tools.doe_factors import Factor, parse_factors
from tools.doe_fit import (
    AnovaRow,
    Coefficient,
    Term,
    anova_table,
    coefficients,
    fit,
    model_terms,
    pure_error,
    summary,
)
from tools.doe_properties import as_matrix
from tools.doe_words import gf2_defining_words, labels, members, popcount, word
from tools.errors import HavocInputError
from tools.numeric import Numbers, as_float_array
from tools.registry import register

MAX_EFFECT_FACTORS = 15
MAX_EFFECT_CELLS = 8_000_000  # runs x effects held in memory at once (64 MB)

# ------------------------------------------------------------------ shared input handling


def _response(values: Any, n: int, field: str = "response") -> np.ndarray:
    y = as_float_array(values)
    if y.size != n:
        raise HavocInputError(f"has {y.size} values but the design has {n} runs", field=field)
    return y


def _design_matrix(coded: list[list[float]] | None, design: dict[str, Any] | None) -> tuple[np.ndarray, list[str] | None]:
    """Coded rows given directly, as a `doe_design` result, or as `doe_design` arguments."""
    if coded is not None:
        return as_matrix(coded), None
    if design is None:
        raise HavocInputError("give coded rows or a design", field="coded")
    if "coded" in design:
        return as_matrix(design["coded"], "design.coded"), design.get("factor_names")
    if "design" in design:
        from tools.doe import DesignArgs, doe_design

        result = doe_design(DesignArgs.model_validate(design))
        return np.asarray(result.coded, dtype=float), result.factor_names
    raise HavocInputError("expected a doe_design result (with coded) or doe_design arguments", field="design")


# ------------------------------------------------------------------ doe_effects


class EffectsArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    factors: int | list[str] | None = Field(None, description="count (response in standard order) or names")
    coded: list[list[float]] | None = Field(None, description="two-level coded rows (+-1, centre rows allowed)")
    response: Numbers("response")  # type: ignore[valid-type]
    alpha: float = Field(0.05, gt=0, lt=0.5, description="significance level for Lenth's ME and t-tests")
    block: list[int | str] | None = Field(None, description="block of each run (a blocked doe_design's `block`): "
                                                            "effects confounded with blocks are set apart")


class HalfNormalPoint(BaseModel):
    effect: str
    abs_effect: float
    quantile: float


class LenthResult(BaseModel):
    s0: float
    pse: float
    df: float
    me: float
    sme: float


class EffectTest(BaseModel):
    effect: str
    estimate: float
    std_error: float
    t: float
    df: int
    p: float


class EffectsResult(BaseModel):
    effects: dict[str, float]
    mean: float
    coefficients: dict[str, float]
    active: list[str]
    active_method: str
    likely_active: list[str]
    lenth: LenthResult | None
    half_normal: list[HalfNormalPoint]
    t_tests: list[EffectTest] | None
    aliases: dict[str, list[str]]
    factor_names: dict[str, str]
    runs: int
    factorial_runs: int
    centre_points: int
    curvature: dict[str, float | int | None] | None
    blocks: dict[str, Any] | None = Field(None, description="count, df, ss (between-block SS from block totals) "
                                                            "and the mean of each block")
    confounded_with_blocks: dict[str, float] = Field(
        default_factory=dict, description="effects whose contrast is a block contrast: their estimate is the block "
                                          "difference, so they are not among `effects`")
    notes: list[str]


def lenth(effects: np.ndarray, alpha: float) -> LenthResult:
    """Lenth (1989): PSE = 1.5 median{|c| : |c| < 2.5 s0}, s0 = 1.5 median|c|; d = m/3 degrees of freedom."""
    from scipy import stats

    a = np.abs(effects)
    m = a.size
    s0 = 1.5 * float(np.median(a))
    trimmed = a[a < 2.5 * s0]
    pse = 1.5 * float(np.median(trimmed)) if trimmed.size else 0.0
    d = m / 3.0
    me = float(stats.t.ppf(1 - alpha / 2, d)) * pse
    gamma = (1 + (1 - alpha) ** (1.0 / m)) / 2
    sme = float(stats.t.ppf(gamma, d)) * pse
    return LenthResult(s0=s0, pse=pse, df=d, me=me, sme=sme)


def half_normal(names: list[str], effects: np.ndarray) -> list[HalfNormalPoint]:
    from scipy import stats
    order = np.argsort(np.abs(effects), kind="stable")
    m = effects.size
    q = stats.norm.ppf(0.5 + 0.5 * (np.arange(1, m + 1) - 0.5) / m)
    return [HalfNormalPoint(effect=names[i], abs_effect=float(abs(effects[i])), quantile=float(qi))
            for i, qi in zip(order, q, strict=True)]


def _estimable_words(signs: np.ndarray) -> tuple[list[int], dict[int, list[int]], bool]:
    """One word per alias class (the shortest), its aliases, and whether the fraction is regular."""
    k = signs.shape[1]
    group = gf2_defining_words(signs)
    uniq = np.unique(signs, axis=0)
    p = len(group).bit_length() - 1
    if uniq.shape[0] != 2 ** (k - p):
        return [1 << j for j in range(k)], {}, False
    for w, _ in group[1:]:
        if popcount(w) == 1:
            raise HavocInputError(f"column {word(w)} never changes level, so its effect cannot be estimated",
                                  field="coded")
        if popcount(w) == 2:
            raise HavocInputError(f"columns {' and '.join(word(w))} are the same (or opposite), so their effects "
                                  "cannot be separated (singular design)", field="coded")
    wanted = 2 ** (k - p) - 1
    covered: set[int] = {w for w, _ in group}
    reps: list[int] = []
    alias_map: dict[int, list[int]] = {}
    for size in range(1, k + 1):
        for combo in combinations(range(k), size):
            w = sum(1 << j for j in combo)
            if w in covered:
                continue
            cls = sorted({w ^ g for g, _ in group}, key=lambda c: (popcount(c), members(c)))
            covered.update(cls)
            reps.append(w)
            alias_map[w] = [c for c in cls if c != w]
            if len(reps) == wanted:
                return reps, alias_map, True
    return reps, alias_map, True


def _two_level_scale(x: np.ndarray, field: str) -> tuple[np.ndarray, np.ndarray]:
    """Split off centre rows and rescale the rest to exactly +-1 (refusing other levels)."""
    centre = np.all(np.abs(x) < 1e-9, axis=1)
    outer = x[~centre]
    if outer.size == 0:
        raise HavocInputError("has only centre points", field=field)
    scale = np.abs(outer[0])
    if np.any(scale < 1e-12) or not np.allclose(np.abs(outer), scale, rtol=1e-9, atol=1e-12):
        raise HavocInputError("effects need a two-level design (each column at +-c, plus optional centre rows); "
                              "use doe_anova or rsm_fit for other designs", field=field)
    return np.sign(outer), centre


@register("doe_effects", EffectsArgs)
def doe_effects(args: EffectsArgs) -> EffectsResult:
    """Estimate two-level factorial effects and flag the active ones (Lenth's method or t-tests)."""
    from scipy import stats

    notes: list[str] = []
    names: list[str] | None = None
    if args.coded is None:
        if args.factors is None:
            raise HavocInputError("give the number of factors (response in standard order) or coded rows",
                                  field="factors")
        facs = parse_factors(args.factors)
        k = len(facs)
        if k > MAX_EFFECT_FACTORS:
            raise HavocInputError(f"{k} factors is more than {MAX_EFFECT_FACTORS}", field="factors")
        base = mats.yates(k)
        n_resp = len(args.response)
        if n_resp % base.shape[0]:
            raise HavocInputError(f"has {n_resp} values; a 2^{k} design in standard order needs a multiple of "
                                  f"{base.shape[0]} (replicates one after another)", field="response")
        x = np.vstack([base] * (n_resp // base.shape[0]))
        names = [f.name for f in facs]
    else:
        x = as_matrix(args.coded)
        k = x.shape[1]
        if k > MAX_EFFECT_FACTORS:
            raise HavocInputError(f"{k} columns is more than {MAX_EFFECT_FACTORS}", field="coded")
        if args.factors is not None:
            facs = parse_factors(args.factors)
            if len(facs) != k:
                raise HavocInputError(f"{len(facs)} factors but the coded rows have {k} columns", field="factors")
            names = [f.name for f in facs]
    y = _response(args.response, x.shape[0])
    signs, centre = _two_level_scale(x, "coded")
    yf, yc = y[~centre], y[centre]
    nf, nc = yf.size, yc.size
    labs = labels(k)
    words, alias_map, regular = _estimable_words(signs)
    if not regular:
        notes.append("not a regular fraction (e.g. Plackett-Burman): main effects only, partially aliased "
                     "with two-factor interactions")
    if signs.shape[0] * len(words) > MAX_EFFECT_CELLS:
        raise HavocInputError(f"{len(words)} effects from {signs.shape[0]} runs is more than this tool computes; "
                              "analyse a model with fewer terms in doe_anova",
                              field="coded" if args.coded is not None else "factors")
    cols = np.column_stack([np.prod(signs[:, members(w)], axis=1) for w in words])
    plus = cols > 0
    if np.any(plus.sum(axis=0) == 0) or np.any((~plus).sum(axis=0) == 0):
        raise HavocInputError("a column never changes level, so its effect cannot be estimated", field="coded")
    est = np.array([yf[plus[:, j]].mean() - yf[~plus[:, j]].mean() for j in range(len(words))])
    rank = np.linalg.matrix_rank(np.column_stack([np.ones(nf), cols]))
    if rank < len(words) + 1:
        raise HavocInputError(f"{nf} factorial runs cannot separate {len(words)} effects (singular design)",
                              field="coded" if args.coded is not None else "response")
    keys = [word(w) for w in words]
    block = _block_labels(args.block, None, x.shape[0], "block")
    blocks_out, confounded = None, {}
    block_key = np.zeros((x.shape[0], 0))
    if block is not None:
        blocks_out, keep = _effect_blocks(block, y, centre, cols, keys, est, notes)
        confounded = {key: float(v) for key, v, k_ in zip(keys, est, keep, strict=True) if not k_}
        keys = [key for key, k_ in zip(keys, keep, strict=True) if k_]
        est, cols = est[keep], cols[:, keep]
        plus = cols > 0
        block_key = np.unique(block, return_inverse=True)[1].reshape(-1, 1).astype(float)
    effects = {key: float(v) for key, v in zip(keys, est, strict=True)}
    mean_f = float(yf.mean())

    # error estimate: pure error from repeated settings in the same block (incl. centre runs), else residual of a
    # non-saturated fit
    settings = np.vstack([signs, np.zeros((nc, k))])
    block_order = np.concatenate([block_key[~centre], block_key[centre]]) if block is not None else block_key
    ss_pe, df_pe = pure_error(np.column_stack([settings, block_order]), np.concatenate([yf, yc]))
    t_tests: list[EffectTest] | None = None
    lres = lenth(est, args.alpha) if len(keys) >= 3 else None
    active_lenth = [k_ for k_, v in zip(keys, est, strict=True) if lres and lres.pse > 0 and abs(v) > lres.me]
    likely = [k_ for k_, v in zip(keys, est, strict=True) if lres and lres.pse > 0 and abs(v) > lres.sme]
    balanced = np.allclose(plus.sum(axis=0), nf / 2)
    if df_pe > 0 and balanced:
        s2 = ss_pe / df_pe
        se = 2 * np.sqrt(s2 / nf)
        t_tests = []
        for key, v in zip(keys, est, strict=True):
            t = float(v / se) if se > 0 else float("inf") * np.sign(v)
            p = float(2 * stats.t.sf(abs(t), df_pe)) if np.isfinite(t) else 0.0
            t_tests.append(EffectTest(effect=key, estimate=float(v), std_error=float(se), t=t, df=df_pe, p=p))
        active = [tt.effect for tt in t_tests if tt.p < args.alpha]
        method = f"t-tests with pure error ({df_pe} df) at alpha = {args.alpha}"
    else:
        active = active_lenth
        method = f"Lenth's margin of error (ME) at alpha = {args.alpha}"
        if lres is None:
            notes.append("fewer than 3 effects: Lenth's method needs more; replicate to test effects")
        elif lres.pse == 0:
            notes.append("Lenth's PSE is 0 (most effects exactly 0): no basis to call effects active")
    curvature = None
    if nc and nf:
        ss_curv = nf * nc * (mean_f - float(yc.mean())) ** 2 / (nf + nc)
        curvature = {"ss": ss_curv, "factorial_mean": mean_f, "centre_mean": float(yc.mean()), "df": 1,
                     "f": None, "p": None}
        if df_pe > 0 and ss_pe > 0:
            f = ss_curv / (ss_pe / df_pe)
            curvature.update(f=f, p=float(stats.f.sf(f, 1, df_pe)))
    return EffectsResult(
        effects=effects,
        mean=mean_f,
        coefficients={"constant": mean_f, **{key: v / 2 for key, v in effects.items()}},
        active=active,
        active_method=method,
        likely_active=likely,
        lenth=lres,
        half_normal=half_normal(keys, est),
        t_tests=t_tests,
        aliases={word(w): [word(a) for a in alias_map[w] if popcount(a) <= 3] for w in words if alias_map.get(w)},
        factor_names={lab: (names[i] if names else lab) for i, lab in enumerate(labs)},
        runs=int(y.size),
        factorial_runs=nf,
        centre_points=nc,
        curvature=curvature,
        blocks=blocks_out,
        confounded_with_blocks=confounded,
        notes=notes,
    )


def _effect_blocks(block: np.ndarray, y: np.ndarray, centre: np.ndarray, cols: np.ndarray, keys: list[str],
                   est: np.ndarray, notes: list[str]) -> tuple[dict[str, Any], np.ndarray]:
    """Block SS and means, and which effect columns survive (those not constant within every block).

    An effect confounded with blocks is estimated by the same contrast as a block difference, so its estimate is
    the block effect plus the interaction: it is set apart, not tested. A partly confounded one is kept and named.
    """
    from tools.doe_fit import block_columns

    labels = list(dict.fromkeys(block.tolist()))
    grand = float(y.mean())
    means = {lab: float(y[block == lab].mean()) for lab in labels}
    ss = float(sum((block == lab).sum() * (means[lab] - grand) ** 2 for lab in labels))
    fb = block[~centre]
    base = np.column_stack([np.ones(fb.size), block_columns(fb)[0]]) if len(set(fb.tolist())) > 1 else np.ones((fb.size, 1))
    keep = np.ones(len(keys), dtype=bool)
    partly = []
    for j in range(cols.shape[1]):
        c = cols[:, j]
        resid = c - base @ np.linalg.lstsq(base, c, rcond=None)[0]
        if np.linalg.norm(resid) <= 1e-9 * np.linalg.norm(c):
            keep[j] = False
        elif np.linalg.norm(c - resid) > 1e-9 * np.linalg.norm(c):
            partly.append(keys[j])
    gone = [k for k, kept in zip(keys, keep, strict=True) if not kept]
    if gone:
        notes.append(f"confounded with blocks, not tested as effects: {', '.join(gone)} (the block difference "
                     f"is part of their estimate)")
    if partly:
        notes.append(f"partly confounded with blocks (their estimates carry some block difference): {', '.join(partly)}")
    return {"count": len(labels), "df": len(labels) - 1, "ss": ss, "means": means}, keep


class AnovaArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    coded: list[list[float]] | None = Field(None, description="coded rows, one per run")
    design: dict[str, Any] | None = Field(None, description="a doe_design result, or doe_design arguments")
    response: Numbers("response")  # type: ignore[valid-type]
    model: str = Field("interactions", description="main, interactions (up to `order`), quadratic, or first_order "
                                                   "(the main effects alone, with no centre-point curvature term: what "
                                                   "the centre runs show is left in the lack of fit)")
    order: int = Field(2, ge=1, le=10, description="highest interaction order for model=interactions")
    curvature: bool = Field(True, description="a two-level design with centre points: fit their 1-df curvature term "
                                              "(false: what the centre runs show is left in the lack of fit)")
    factor_names: list[str] | None = None
    block: list[int | str] | None = Field(None, description="block of each run (default: the design's own `block` "
                                                            "column); blocks are fitted before the model terms")


class DoeAnovaResult(BaseModel):
    model: str
    terms: list[str]
    aliased_terms: list[str]
    table: list[AnovaRow]
    coefficients: list[Coefficient]
    r_squared: float | None
    adj_r_squared: float | None
    pred_r_squared: float | None
    residual_sd: float | None
    residual_df: int
    lack_of_fit: dict[str, float | int | None]
    ss_type: str
    blocks: int = Field(1, description="number of blocks fitted (1: none)")
    confounded_with_blocks: list[str] = Field(default_factory=list,
                                              description="model terms left out because blocks estimate them")
    notes: list[str]


def _block_labels(given: list | None, design: dict[str, Any] | None, n: int, field: str) -> np.ndarray | None:
    """The block of each run: given, or the `block` column of a blocked `doe_design` result; None when one block."""
    if given is None and isinstance(design, dict) and isinstance(design.get("block"), list):
        given, field = design["block"], "design.block"
    if given is None:
        return None
    if len(given) != n:
        raise HavocInputError(f"has {len(given)} labels but the design has {n} runs", field=field)
    labels = np.asarray([str(v) for v in given])
    if len(set(labels.tolist())) < 2:
        return None
    if len(set(labels.tolist())) > n // 2:
        raise HavocInputError(f"{len(set(labels.tolist()))} blocks in {n} runs leave too few runs per block", field=field)
    return labels


def _confounded_with_blocks(x: np.ndarray, terms: list[Term], names: list[str], block: np.ndarray) -> list[str]:
    """Terms whose column is a combination of the constant and the blocks: their effect is the block effect."""
    from tools.doe_fit import block_columns

    base = np.column_stack([np.ones(x.shape[0]), block_columns(block)[0]])
    out = []
    for t in terms:
        if t.name not in names:
            continue
        col = t.column(x)
        resid = col - base @ np.linalg.lstsq(base, col, rcond=None)[0]
        if np.linalg.norm(col) > 0 and np.linalg.norm(resid) <= 1e-9 * np.linalg.norm(col):
            out.append(t.name)
    return out


@register("doe_anova", AnovaArgs)
def doe_anova(args: AnovaArgs) -> DoeAnovaResult:
    """ANOVA of a fitted design: adjusted SS per term, F and p, lack of fit and pure error, R^2."""
    x, design_names = _design_matrix(args.coded, args.design)
    y = _response(args.response, x.shape[0])
    k = x.shape[1]
    model = args.model.strip().lower()
    # a first-order polynomial: the main effects and nothing else, so curvature stays in the lack of fit
    first_order = model in ("linear", "first_order")
    if first_order:
        model = "main"
    if model not in ("main", "interactions", "quadratic"):
        raise HavocInputError(f"unknown model {args.model!r}; use main, interactions, quadratic or first_order",
                              field="model")
    labs = labels(k)
    terms = model_terms(k, labs, model, args.order)
    notes: list[str] = []
    centre = np.all(np.abs(x) < 1e-9, axis=1)
    non_centre = x[~centre]
    two_level = non_centre.size and np.allclose(np.abs(non_centre), np.abs(non_centre[0]), atol=1e-9)
    if model != "quadratic" and args.curvature and not first_order and two_level and centre.any() and (~centre).any():
        terms.append(Term("Curvature", tuple([0] * k), "curvature"))
        notes.append("centre points give a 1-df curvature term (pure quadratic effects, not separable)")
    data_field = "coded" if args.coded is not None else "design"
    block = _block_labels(args.block, args.design, x.shape[0], "block")
    f = fit(x, y, terms, data_field, block=block)
    if not f.terms:
        raise HavocInputError("no term of the model can be estimated from these runs (singular design)",
                              field=data_field)
    confounded = [] if block is None else _confounded_with_blocks(x, terms, f.dropped, block)
    if confounded:
        notes.append(f"confounded with blocks, estimated by the Blocks row instead: {', '.join(confounded)}")
    aliased = [t for t in f.dropped if t not in confounded]
    if aliased:
        notes.append(f"aliased or inestimable terms left out: {', '.join(aliased)}")
    if block is not None:
        notes.append(f"{len(f.block_names) + 1} blocks fitted before the model terms (their SS is the Blocks row)")
    if f.df_resid == 0:
        notes.append("no degrees of freedom for error: F and p need replicates or fewer terms "
                     "(for an unreplicated 2^k use doe_effects)")
    table, lof = anova_table(x, y, f)
    s = summary(f)
    names = ["constant"] + f.block_names + [t.name for t in f.terms]
    _ = args.factor_names or design_names
    if not args.curvature and two_level and centre.any() and model != "quadratic":
        notes.append("no curvature term: what the centre runs show is left in the lack of fit")
    return DoeAnovaResult(
        model=model if model != "interactions" else f"interactions up to order {args.order}",
        terms=[t.name for t in f.terms],
        aliased_terms=aliased,
        table=table,
        coefficients=coefficients(f, names),
        r_squared=s["r_squared"], adj_r_squared=s["adj_r_squared"], pred_r_squared=s["pred_r_squared"],
        residual_sd=s["residual_sd"], residual_df=f.df_resid,
        lack_of_fit=lof,
        ss_type="adjusted (Type III); equal to sequential for orthogonal designs"
                + ("; blocks sequential (fitted first)" if block is not None else ""),
        blocks=len(f.block_names) + 1,
        confounded_with_blocks=confounded,
        notes=notes,
    )


# ------------------------------------------------------------------ rsm_fit


class RsmArgs(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    X: list[list[float]] = Field(description="coded rows, one per run")
    y: Numbers("y")  # type: ignore[valid-type]
    factors: int | list[Any] | None = Field(None, description="optional names/ranges to report the stationary "
                                                                "point in natural units")


class CanonicalAxis(BaseModel):
    eigenvalue: float
    direction: list[float]


class RsmResult(BaseModel):
    coefficients: dict[str, float]
    coefficient_tests: list[Coefficient]
    stationary_point: list[float] | None
    stationary_point_natural: list[float] | None
    predicted_at_stationary: float | None
    eigenvalues: list[float]
    nature: str
    canonical: list[CanonicalAxis]
    canonical_form: str
    distance_from_centre: float | None
    inside_design_region: bool | None
    r_squared: float | None
    adj_r_squared: float | None
    residual_sd: float | None
    residual_df: int
    lack_of_fit: dict[str, float | int | None]
    anova: list[AnovaRow]
    notes: list[str]


def _coef_names(k: int) -> list[str]:
    sep = "" if k <= 9 else "_"
    lin = [f"b{i + 1}" for i in range(k)]
    sq = [f"b{i + 1}{sep}{i + 1}" for i in range(k)]
    inter = [f"b{i + 1}{sep}{j + 1}" for i, j in combinations(range(k), 2)]
    return ["b0"] + lin + sq + inter


@register("rsm_fit", RsmArgs)
def rsm_fit(args: RsmArgs) -> RsmResult:
    """Fit a second-order response surface; stationary point, its nature and canonical analysis."""
    x = as_matrix(args.X, "X")
    y = _response(args.y, x.shape[0], "y")
    n, k = x.shape
    if k > 20:
        raise HavocInputError(f"{k} factors is more than 20", field="X")
    labs = labels(k)
    terms = model_terms(k, labs, "quadratic", 2)
    p = 1 + len(terms)
    if n < p:
        raise HavocInputError(f"{n} runs cannot fit a second-order model in {k} factors ({p} coefficients)",
                              field="X")
    f = fit(x, y, terms, "X", drop_aliased=False)
    names = _coef_names(k)
    beta = f.beta
    b = beta[1 : k + 1]
    big_b = np.diag(beta[k + 1 : 2 * k + 1]).astype(float)
    for (i, j), v in zip(combinations(range(k), 2), beta[2 * k + 1 :], strict=True):
        big_b[i, j] = big_b[j, i] = v / 2
    eig, vec = np.linalg.eigh(big_b)
    notes: list[str] = []
    scale = max(float(np.abs(eig).max()), 1e-300)
    singular = float(np.abs(eig).min()) <= 1e-10 * scale or float(np.abs(eig).max()) == 0
    if singular:
        xs = None
        pred = None
        nature = "ridge"
        notes.append("the quadratic part is singular: no unique stationary point (a stationary ridge)")
    else:
        xs = -0.5 * np.linalg.solve(big_b, b)
        pred = float(beta[0] + 0.5 * xs @ b)
        nature = "maximum" if np.all(eig < 0) else "minimum" if np.all(eig > 0) else "saddle"
        if float(np.abs(eig).min()) < 0.05 * scale:
            notes.append("one eigenvalue is near zero: the surface is close to a ridge along that axis")
    inside = None
    dist = None
    natural = None
    if xs is not None:
        dist = float(np.linalg.norm(xs))
        lo, hi = x.min(axis=0), x.max(axis=0)
        inside = bool(np.all(xs >= lo - 1e-12) and np.all(xs <= hi + 1e-12))
        if not inside:
            notes.append("the stationary point lies outside the region of the design: extrapolation")
        if args.factors is not None:
            facs: list[Factor] = parse_factors(args.factors)
            if len(facs) != k:
                raise HavocInputError(f"{len(facs)} factors but X has {k} columns", field="factors")
            if all(fc.has_range for fc in facs):
                natural = [float((fc.low + fc.high) / 2 + v * (fc.high - fc.low) / 2)  # type: ignore[operator]
                           for fc, v in zip(facs, xs, strict=True)]
    table, lof = anova_table(x, y, f)
    s = summary(f)
    tests = coefficients(f, names)
    ys = f"{pred:.6g}" if pred is not None else "y_s"
    form = f"y = {ys} " + " ".join(f"{'+' if v >= 0 else '-'} {abs(v):.6g} w{i + 1}^2" for i, v in enumerate(eig))
    return RsmResult(
        coefficients={nm: float(v) for nm, v in zip(names, beta, strict=True)},
        coefficient_tests=tests,
        stationary_point=[float(v) for v in xs] if xs is not None else None,
        stationary_point_natural=natural,
        predicted_at_stationary=pred,
        eigenvalues=[float(v) for v in eig],
        nature=nature,
        canonical=[CanonicalAxis(eigenvalue=float(eig[i]), direction=[float(v) for v in vec[:, i]])
                   for i in range(k)],
        canonical_form=form,
        distance_from_centre=dist,
        inside_design_region=inside,
        r_squared=s["r_squared"], adj_r_squared=s["adj_r_squared"], residual_sd=s["residual_sd"],
        residual_df=f.df_resid,
        lack_of_fit=lof,
        anova=table,
        notes=notes,
    )
