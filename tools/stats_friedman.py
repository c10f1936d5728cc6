"""The Friedman test: k treatments, each measured once in every one of n blocks (judges, subjects, batches, days).

Why a tool of its own: when every block sees every treatment, the blocks differ among themselves (a strict judge
scores everything low) and the Kruskal–Wallis test, which pools the values, loses that pairing; the Friedman test
ranks within each block, so only the order of the treatments inside a block counts. It is the rank analogue of the
randomized-block (two-way, no interaction) ANOVA, for ordinal scores and skewed measurements.

Ranks are taken within each block on the values as written (decimal text compares exactly), ties sharing the mean
rank. The statistic is corrected for ties as in R's `friedman.test` and scipy's `friedmanchisquare`, and referred
to chi-square with k − 1 df. That approximation is rough for few blocks, so the Iman–Davenport F form of the same
statistic (F with k − 1 and (k − 1)(n − 1) df, the more accurate one in Conover's comparison) is given beside it,
with Kendall's W, the agreement among blocks (0: none, 1: every block ranks the treatments the same way).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import BaseModel, Field

from tools.errors import HavocInputError
from tools.numeric import exact_decimals
from tools.registry import register
from tools.stats_common import StatResult, check_probability, validate_groups

SMALL_BLOCKS = 10  # below this many blocks the chi-square p is only a rough guide


class FriedmanArgs(BaseModel):
    groups: list[Any] = Field(description="one list per treatment, each with one value per block, blocks in the same "
                                          "order in every list")
    alpha: float = 0.05


class FriedmanResult(StatResult):
    statistic: float = Field(description="Friedman's chi-square, corrected for ties within blocks")
    df: int
    p_value: float = Field(description="from chi-square with k − 1 df")
    alpha: float
    significant: bool = Field(description="p_value < alpha")
    blocks: int
    treatments: int
    rank_sums: list[float]
    mean_ranks: list[float]
    medians: list[float]
    kendall_w: float = Field(description="Kendall's coefficient of concordance, Q / (n (k − 1))")
    f_statistic: float | None = Field(None, description="Iman–Davenport F = (n − 1) Q / (n (k − 1) − Q); None when "
                                                        "every block ranks the treatments alike (F is infinite)")
    f_df: list[int]
    f_p_value: float
    tie_correction: float = Field(description="1 − Σ(t³ − t) / (n k (k² − 1)) over tied values within blocks")
    warnings: list[str] = Field(default_factory=list)


def _ranks(values: list[Decimal]) -> tuple[list[float], int]:
    """Mean ranks (1 = smallest) of one block's values, and Σ(t³ − t) over its ties."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    ties, i = 0, 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for m in range(i, j + 1):
            ranks[order[m]] = (i + j) / 2 + 1
        t = j - i + 1
        ties += t ** 3 - t
        i = j + 1
    return ranks, ties


@register("friedman", FriedmanArgs)
def friedman(args: FriedmanArgs) -> FriedmanResult:
    """Friedman rank test of k treatments measured in every one of n blocks (the nonparametric randomized-block ANOVA)."""
    from scipy import stats as sps

    alpha = check_probability(args.alpha, "alpha")
    groups = validate_groups(args.groups, min_groups=2, min_size=2)
    lengths = [len(g) for g in groups]
    if len(set(lengths)) != 1:
        raise HavocInputError("every treatment needs one value per block, in the same block order: the lists have "
                              f"{', '.join(map(str, lengths))} values", field="groups")
    k, n = len(groups), lengths[0]
    columns = [exact_decimals(g) for g in groups]
    rank_sums = [0.0] * k
    ties = 0
    for b in range(n):
        ranks, t = _ranks([columns[j][b] for j in range(k)])
        ties += t
        for j in range(k):
            rank_sums[j] += ranks[j]
    correction = 1 - ties / (n * k * (k * k - 1))
    if correction <= 0:
        raise HavocInputError("every block has all its values equal: the ranks carry no information", field="groups")
    q = (12 / (n * k * (k + 1)) * sum(r * r for r in rank_sums) - 3 * n * (k + 1)) / correction
    q = max(q, 0.0)
    p = float(sps.chi2.sf(q, k - 1))
    f_df = [k - 1, (k - 1) * (n - 1)]
    denominator = n * (k - 1) - q
    if denominator <= 1e-12 * n * k:
        f_stat, f_p = None, 0.0
    else:
        f_stat = (n - 1) * q / denominator
        f_p = float(sps.f.sf(f_stat, *f_df))
    warnings = []
    if n < SMALL_BLOCKS:
        warnings.append(f"only {n} blocks: the chi-square p-value is a rough approximation; the Iman–Davenport F "
                        f"p-value ({f_p:.4g}) is the more accurate one")
    if k == 2:
        warnings.append("with two treatments the Friedman test is the two-sided sign test (without continuity "
                        "correction); the sign test gives its exact p-value")
    medians = [float(sorted(c)[n // 2]) if n % 2 else float((sorted(c)[n // 2 - 1] + sorted(c)[n // 2]) / 2)
               for c in columns]
    return FriedmanResult(statistic=float(q), df=k - 1, p_value=p, alpha=alpha, significant=bool(p < alpha),
                          blocks=n, treatments=k, rank_sums=rank_sums, mean_ranks=[r / n for r in rank_sums],
                          medians=medians, kendall_w=float(q / (n * (k - 1))), f_statistic=f_stat, f_df=f_df,
                          f_p_value=f_p, tie_correction=float(correction), warnings=warnings)
