"""The statistics tools, one registry entry each; this module only gathers them.

Why split: each family (summary, t-tests, ANOVA, tests of assumptions, chi-square) is a small module with
its own numerics notes; the registry imports `tools.stats` and so registers them all. Callers above
`tools` use `tools.registry.run_tool(name, args)`: describe, t_test, anova_oneway (with Tukey HSD, or Welch's),
anova_twoway, chi_square, normality, levene, variance_test (F and Bartlett), correlation, kruskal_wallis, mann_whitney, wilcoxon_signed_rank, sign_test, proportion_test, summary_t_test, summary_capability, power, and regression (in `tools.regression`).
Every result's JSON form writes infinities as the text "Infinity" (strict JSON).
"""

from __future__ import annotations

from tools.stats_anova import anova_oneway, anova_twoway
from tools.stats_assumptions import kruskal_wallis, levene, normality
from tools.stats_chisq import chi_square
from tools.stats_correlation import correlation
from tools.stats_describe import describe, summarise
from tools.stats_friedman import friedman
from tools.stats_mcnemar import mcnemar
from tools.stats_power import power
from tools.stats_precision import sample_size_ci
from tools.stats_proportion import proportion_test
from tools.stats_rank import mann_whitney, wilcoxon_signed_rank
from tools.stats_sign import sign_test
from tools.stats_summary import summary_capability, summary_t_test
from tools.stats_ttest import t_test
from tools.stats_variance import variance_test

__all__ = [
    "anova_oneway", "anova_twoway", "chi_square", "correlation", "describe", "friedman", "kruskal_wallis", "levene", "mann_whitney", "mcnemar", "normality", "power",
    "proportion_test", "sample_size_ci", "sign_test", "summarise", "summary_capability", "summary_t_test", "t_test", "variance_test",
    "wilcoxon_signed_rank",
]
