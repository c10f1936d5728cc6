"""One-way ANOVA with Tukey HSD (or Welch's ANOVA for unequal variances), and two-way ANOVA, exact to NIST StRD.

Why the care: SmLs07-09 are 1000000000000.4-style values whose spread sits in the 14th digit. All data
are shifted by one common offset in decimal arithmetic, group means come from corrected two-pass sums,
and the sums of squares are sums of squared deviations, never differences of raw sums of squares.
Tukey HSD uses the vectorised studentised range of tools.stats_tukey. Two-way sums of squares come from one QR factorisation per ordering: the squared entries of Q'y that
belong to a term are that term's sum of squares given the terms before it, with no subtraction.
Welch's F (1951) weights each group by n_i/s_i²: F = [Σ w_i (m_i − m_w)²/(k − 1)] / [1 + 2(k − 2)Λ/(k² − 1)],
Λ = Σ (1 − w_i/W)²/(n_i − 1), on k − 1 and (k² − 1)/(3Λ) df, as R's oneway.test(var.equal = FALSE).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, Literal

import numpy as np
from pydantic import AliasChoices, BaseModel, Field, field_validator

from tools.errors import HavocInputError
from tools.numeric import accurate_sum, add_offset, decimal_shift, validate_numbers
from tools.registry import register
from tools.stats_common import StatResult, check_probability, f_p_value, shift_groups, validate_groups
from tools.stats_describe import centred
from tools.stats_tukey import tukey_kramer


class OneWayArgs(BaseModel):
    groups: list[Any] = Field(description="one list of observations per group (sizes may differ)")
    labels: list[str | int | float] | None = Field(
        None, validation_alias=AliasChoices("labels", "group_labels"), description="a name per group")
    tukey: bool = Field(True, description="add Tukey HSD pairwise comparisons (Tukey-Kramer for unequal sizes)")
    confidence: float = Field(0.95, description="family confidence of the Tukey intervals")
    welch: bool = Field(False, description="Welch's ANOVA (1951): does not assume equal variances; F, df2 and p are "
                        "then Welch's, and Tukey HSD (which pools the variances) is not given")


class GroupSummary(BaseModel):
    label: str
    n: int
    mean: float
    std_dev: float | None


class TukeyPair(BaseModel):
    group_a: str
    group_b: str
    diff: float = Field(description="mean of group_a minus mean of group_b")
    ci_low: float
    ci_high: float
    p_adj: float
    significant: bool


class OneWayResult(StatResult):
    between_df: int
    between_ss: float
    between_ms: float
    within_df: int
    within_ss: float
    within_ms: float
    total_df: int
    total_ss: float
    f_statistic: float
    p_value: float
    r_squared: float
    residual_sd: float
    grand_mean: float
    groups: list[GroupSummary]
    tukey: list[TukeyPair] | None
    tukey_confidence: float
    welch: bool = Field(False, description="f_statistic, df2 and p_value are Welch's (unequal variances); the "
                        "sums of squares above still describe the data")
    test: str = "one-way ANOVA (equal variances)"
    df1: int = Field(description="numerator df of the F test: k - 1")
    df2: float = Field(description="denominator df: N - k, or Welch's fractional df")
    notes: list[str] = []


def _labels(given: Sequence[Any] | None, k: int) -> list[str]:
    if given is None:
        return [str(i + 1) for i in range(k)]
    if len(given) != k:
        raise HavocInputError(f"has {len(given)} labels for {k} groups", field="labels")
    out = [str(v) for v in given]
    if len(set(out)) != k:
        raise HavocInputError("labels must be distinct", field="labels")
    return out


@register("anova_oneway", OneWayArgs)
def anova_oneway(args: OneWayArgs) -> OneWayResult:
    """One-way ANOVA table (SS, df, MS, F, p, R², residual SD) with Tukey HSD, or Welch's ANOVA for unequal variances."""
    confidence = check_probability(args.confidence, "confidence")
    groups = validate_groups(args.groups)
    labels = _labels(args.labels, len(groups))
    shifted, offset = shift_groups(groups)
    k = len(shifted)
    n_total = sum(g.size for g in shifted)
    if n_total - k < 1:
        raise HavocInputError(f"{n_total} observations in {k} groups leave no within-group degrees of freedom; "
                              "some group needs a second observation", field="groups")
    grand_s, _ = centred(np.concatenate(shifted))
    means, within_ss, variances = [], 0.0, []
    for g in shifted:
        m, dev = centred(g)
        ss = accurate_sum(dev * dev)
        means.append(m)
        within_ss += ss
        variances.append(ss / (g.size - 1) if g.size > 1 else None)
    sds = [None if v is None else math.sqrt(v) for v in variances]
    between_ss = math.fsum(g.size * (m - grand_s) ** 2 for g, m in zip(shifted, means, strict=True))
    if within_ss == 0.0:
        raise HavocInputError("every group is constant: the within-group variance is zero and F is undefined",
                              field="groups")
    between_df, within_df = k - 1, n_total - k
    between_ms, within_ms = between_ss / between_df, within_ss / within_df
    f = between_ms / within_ms
    p, df2 = f_p_value(f, between_df, within_df), float(within_df)
    total_ss = between_ss + within_ss
    sizes = [g.size for g in shifted]
    tukey = _tukey(means, sizes, within_ms, within_df, labels, confidence) if args.tukey and not args.welch else None
    welch: dict[str, Any] = {}
    if args.welch:
        f, df2 = welch_f(means, sizes, variances)
        p = f_p_value(f, between_df, df2)
        welch = {"welch": True, "test": "Welch's one-way ANOVA (unequal variances)", "notes": [
            "Welch's ANOVA does not assume equal variances, so Tukey HSD (which pools them) does not apply; the "
            "pairwise comparisons for unequal variances (Games–Howell) are not computed"]}
    return OneWayResult(
        between_df=between_df, between_ss=between_ss, between_ms=between_ms, within_df=within_df,
        within_ss=within_ss, within_ms=within_ms, total_df=n_total - 1, total_ss=total_ss, f_statistic=f,
        p_value=p, r_squared=between_ss / total_ss,
        residual_sd=math.sqrt(within_ms), grand_mean=add_offset(grand_s, offset),
        groups=[GroupSummary(label=lab, n=g.size, mean=add_offset(m, offset), std_dev=sd)
                for lab, g, m, sd in zip(labels, shifted, means, sds, strict=True)],
        tukey=tukey, tukey_confidence=confidence, df1=between_df, df2=df2, **welch,
    )


def welch_f(means: list[float], sizes: list[int], variances: list[float | None]) -> tuple[float, float]:
    """Welch's (1951) F and its denominator df, from weights w_i = n_i / s_i² about the weighted grand mean."""
    for i, (n, var) in enumerate(zip(sizes, variances, strict=True)):
        if n < 2:
            raise HavocInputError(f"has {n} observation; Welch's ANOVA needs a variance, so at least 2 per group",
                                  field=f"groups[{i}]")
        if not var:
            raise HavocInputError("all values are equal (zero variance): Welch's weights n/s² are undefined",
                                  field=f"groups[{i}]")
    k = len(means)
    weights = [n / var for n, var in zip(sizes, variances, strict=True)]
    total = math.fsum(weights)
    centre = math.fsum(w * m for w, m in zip(weights, means, strict=True)) / total
    between = math.fsum(w * (m - centre) ** 2 for w, m in zip(weights, means, strict=True)) / (k - 1)
    spread = math.fsum((1.0 - w / total) ** 2 / (n - 1) for w, n in zip(weights, sizes, strict=True))
    f = between / (1.0 + 2.0 * (k - 2) / (k * k - 1) * spread)
    return f, (k * k - 1) / (3.0 * spread)


def _tukey(means: list[float], sizes: list[int], mse: float, df: int, labels: list[str], confidence: float
           ) -> list[TukeyPair]:
    """Tukey-Kramer intervals and adjusted p-values (see tools.stats_tukey), on shift-free mean differences."""
    alpha = 1.0 - confidence
    return [TukeyPair(group_a=labels[i], group_b=labels[j], diff=d, ci_low=lo, ci_high=hi, p_adj=p,
                      significant=p < alpha)
            for i, j, d, lo, hi, p in tukey_kramer(means, sizes, mse, df, confidence)]


# ----------------------------------------------------------------------------------------------- two-way

class TwoWayArgs(BaseModel):
    y: list[Any] | None = Field(None, description="the response, one value per observation")
    a: list[str | int | float] | None = Field(None, description="level of factor A for each observation")
    b: list[str | int | float] | None = Field(None, description="level of factor B for each observation")
    cells: list[Any] | None = Field(None, description="alternative input: cells[i][j] = replicates at A level i, "
                                    "B level j")
    interaction: bool = True
    ss_type: Literal[1, 2, 3] | None = Field(
        None, description="1 sequential, 2 hierarchical, 3 adjusted; default: 1 when balanced (all agree), "
        "3 (Minitab's adjusted SS) when unbalanced")
    factor_a: str = "A"
    factor_b: str = "B"

    @field_validator("ss_type", mode="before")
    @classmethod
    def _roman(cls, v: Any) -> Any:
        """Accept 'III', 'type 2', '1' as people write them."""
        if isinstance(v, str):
            key = v.strip().lower().removeprefix("type").strip()
            return {"i": 1, "ii": 2, "iii": 3, "1": 1, "2": 2, "3": 3}.get(key, v)
        return v


class TwoWayResult(StatResult):
    balanced: bool
    ss_type: int
    ss_type_note: str
    interaction: bool
    factor_a: str
    factor_b: str
    levels_a: list[str]
    levels_b: list[str]
    df_a: int
    df_b: int
    df_ab: int | None
    df_error: int
    df_total: int
    ss_a: float
    ss_b: float
    ss_ab: float | None
    ss_error: float
    ss_total: float
    ms_a: float
    ms_b: float
    ms_ab: float | None
    ms_error: float
    f_a: float | None
    f_b: float | None
    f_ab: float | None
    p_a: float | None
    p_b: float | None
    p_ab: float | None
    r_squared: float
    residual_sd: float
    cell_means: list[list[float | None]]
    cell_counts: list[list[int]]


def _from_cells(cells: Any) -> tuple[list[Any], list[str], list[str]]:
    if not isinstance(cells, list) or not cells or not all(isinstance(r, list) and r for r in cells):
        raise HavocInputError("expected cells[i][j] = list of replicates", field="cells")
    width = len(cells[0])
    y, a, b = [], [], []
    for i, row in enumerate(cells):
        if len(row) != width:
            raise HavocInputError(f"row {i} has {len(row)} cells, row 0 has {width}", field=f"cells[{i}]")
        for j, cell in enumerate(row):
            vals = validate_numbers(cell if isinstance(cell, list) else [cell], f"cells[{i}][{j}]")
            y.extend(vals)
            a.extend([str(i + 1)] * len(vals))
            b.extend([str(j + 1)] * len(vals))
    return y, a, b


def _effect_columns(codes: np.ndarray, levels: int) -> np.ndarray:
    """Sum-to-zero (effect) coding: what makes type III sums of squares meaningful."""
    cols = np.zeros((codes.size, levels - 1))
    for j in range(levels - 1):
        cols[:, j] = (codes == j).astype(float) - (codes == levels - 1).astype(float)
    return cols


def _last_block_ss(blocks: list[np.ndarray], y: np.ndarray) -> tuple[float, int]:
    """SS of the last block given the earlier ones (all after the intercept), and its rank."""
    n = y.size
    x = np.hstack([np.ones((n, 1))] + blocks)
    q, r = np.linalg.qr(x)
    diag = np.abs(np.diag(r))
    keep = diag > 1e-10 * diag.max()
    qty = q.T @ y
    last = blocks[-1].shape[1]
    tail = slice(x.shape[1] - last, x.shape[1])
    return accurate_sum(qty[tail][keep[tail]] ** 2), int(keep[tail].sum())


@register("anova_twoway", TwoWayArgs)
def anova_twoway(args: TwoWayArgs) -> TwoWayResult:
    """Two-way ANOVA with interaction, balanced or unbalanced (sequential, hierarchical or adjusted SS, stated)."""
    if args.cells is not None:
        if args.y is not None:
            raise HavocInputError("give either cells or y with a and b, not both", field="cells")
        y_raw, a_raw, b_raw = _from_cells(args.cells)
    else:
        if args.y is None or args.a is None or args.b is None:
            raise HavocInputError("needs y with factor levels a and b (or cells)", field="y")
        y_raw = validate_numbers(args.y, "y")
        a_raw, b_raw = [str(v) for v in args.a], [str(v) for v in args.b]
        for name, lab in (("a", a_raw), ("b", b_raw)):
            if len(lab) != len(y_raw):
                raise HavocInputError(f"has {len(lab)} levels for {len(y_raw)} observations", field=name)
    levels_a = list(dict.fromkeys(a_raw))
    levels_b = list(dict.fromkeys(b_raw))
    if len(levels_a) < 2 or len(levels_b) < 2:
        raise HavocInputError("each factor needs at least 2 levels", field="a" if len(levels_a) < 2 else "b")
    ca = np.array([levels_a.index(v) for v in a_raw])
    cb = np.array([levels_b.index(v) for v in b_raw])
    la, lb = len(levels_a), len(levels_b)
    shifted, offset = decimal_shift(y_raw)
    _, y = centred(shifted)
    n = y.size
    counts = np.zeros((la, lb), dtype=int)
    np.add.at(counts, (ca, cb), 1)
    if args.interaction and (counts == 0).any():
        i, j = map(int, np.argwhere(counts == 0)[0])
        raise HavocInputError(f"cell ({levels_a[i]}, {levels_b[j]}) has no observations: the interaction model "
                              "needs every cell; set interaction to false", field="a")
    balanced = bool((counts == counts.flat[0]).all())
    ss_type = args.ss_type or (1 if balanced else 3)
    xa, xb = _effect_columns(ca, la), _effect_columns(cb, lb)
    xab = np.hstack([xa[:, [i]] * xb[:, [j]] for i in range(la - 1) for j in range(lb - 1)])
    full = [xa, xb, xab] if args.interaction else [xa, xb]
    if ss_type == 1:
        orders = {"a": [xa], "b": [xa, xb], "ab": [xa, xb, xab]}
    elif ss_type == 2:
        orders = {"a": [xb, xa], "b": [xa, xb], "ab": [xa, xb, xab]}
    else:
        orders = ({"a": [xb, xab, xa], "b": [xa, xab, xb], "ab": [xa, xb, xab]} if args.interaction
                  else {"a": [xb, xa], "b": [xa, xb]})
    ss_a, df_a = _last_block_ss(orders["a"], y)
    ss_b, df_b = _last_block_ss(orders["b"], y)
    ss_ab = df_ab = None
    if args.interaction:
        ss_ab, df_ab = _last_block_ss(orders["ab"], y)
    x = np.hstack([np.ones((n, 1))] + full)
    q, r = np.linalg.qr(x)
    rank = int((np.abs(np.diag(r)) > 1e-10 * np.abs(np.diag(r)).max()).sum())
    resid = y - q @ (q.T @ y)
    if args.interaction:  # residuals from the cell means: exact two-pass deviations
        resid = np.empty(n)
        for i in range(la):
            for j in range(lb):
                m = (ca == i) & (cb == j)
                resid[m] = centred(shifted[m])[1]
    ss_error = accurate_sum(resid * resid)
    df_error = n - rank
    if df_error < 1:
        raise HavocInputError("no degrees of freedom left for error (one observation per cell?): "
                              "replicate the runs or set interaction to false", field="y")
    ss_total = accurate_sum(y * y)
    ms_error = ss_error / df_error

    def ms_f_p(ss: float | None, df: int | None) -> tuple[float | None, float | None, float | None]:
        if ss is None or not df:
            return None, None, None
        ms = ss / df
        if ms_error == 0.0:
            return ms, None, None
        f = ms / ms_error
        return ms, f, f_p_value(f, df, df_error)

    ms_a, f_a, p_a = ms_f_p(ss_a, df_a)
    ms_b, f_b, p_b = ms_f_p(ss_b, df_b)
    ms_ab, f_ab, p_ab = ms_f_p(ss_ab, df_ab)
    cell_means = [[add_offset(float(np.mean(shifted[(ca == i) & (cb == j)])), offset) if counts[i, j] else None
                   for j in range(lb)] for i in range(la)]
    note = {1: "sequential (type I): A, then B given A, then AB", 2: "hierarchical (type II): each main effect "
            "given the other, AB given both", 3: "adjusted (type III, Minitab's default): each term given all "
            "others, sum-to-zero coding"}[ss_type]
    if balanced:
        note += "; the design is balanced, so types I, II and III agree"
    return TwoWayResult(
        balanced=balanced, ss_type=ss_type, ss_type_note=note, interaction=args.interaction,
        factor_a=args.factor_a, factor_b=args.factor_b, levels_a=levels_a, levels_b=levels_b,
        df_a=df_a, df_b=df_b, df_ab=df_ab, df_error=df_error, df_total=n - 1,
        ss_a=ss_a, ss_b=ss_b, ss_ab=ss_ab, ss_error=ss_error, ss_total=ss_total,
        ms_a=ms_a, ms_b=ms_b, ms_ab=ms_ab, ms_error=ms_error, f_a=f_a, f_b=f_b, f_ab=f_ab,
        p_a=p_a, p_b=p_b, p_ab=p_ab, r_squared=1.0 - ss_error / ss_total if ss_total > 0 else 0.0,
        residual_sd=math.sqrt(ms_error), cell_means=cell_means, cell_counts=counts.tolist(),
    )


