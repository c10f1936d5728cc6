"""Agreement digits of proportion_test, summary_t_test, summary_capability and power with published values.

No certified (NIST-style) reference exists for these tools, so two columns are printed per quantity:

- `published`: the value as printed by its source (R's documented examples, Newcombe 1998, Cohen 1988,
  Montgomery) and the LRE of HAVOC against it; a printed value carries only its printed digits, so the
  LRE there is capped by the print (`printed` column: significant digits of the reference);
- `library`: the LRE against the same quantity from scipy / statsmodels at full precision.

Two published values are themselves approximate: R's fisher.test finds the odds ratio with uniroot's
tolerance (about 1e-4 relative), and R's power.t.test / power.prop.test leave out the far rejection tail
(strict = FALSE), which HAVOC's t-test power counts (as G*Power and statsmodels do).

    OMP_NUM_THREADS=1 .venv/bin/python bench/summary_tools_digits.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from scipy import stats  # noqa: E402
from statsmodels.stats.power import FTestAnovaPower, TTestIndPower  # noqa: E402
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint  # noqa: E402

from tools.numeric import log_relative_error  # noqa: E402
from tools.registry import in_process, run_tool  # noqa: E402

SLEEP_1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0]
SLEEP_2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4]
SLEEP = {"mean": float(np.mean(SLEEP_1)), "sd": float(np.std(SLEEP_1, ddof=1)), "n": 10,
         "mean2": float(np.mean(SLEEP_2)), "sd2": float(np.std(SLEEP_2, ddof=1)), "n2": 10}


def _printed_digits(text: str) -> int:
    return len(text.lstrip("-0.").replace(".", ""))


def cases() -> list[tuple[str, str, str, float, str, float | None]]:
    """(tool, case, quantity, HAVOC value, printed reference, library value)."""
    rows = []
    binom = run_tool("proportion_test", {"x": 682, "n": 925, "p0": 0.75})
    ref = stats.binomtest(682, 925, 0.75)
    ci = ref.proportion_ci(method="exact")
    rows += [("proportion_test", "R binom.test(682, 925, 3/4)", "p-value", binom["p_value"], "0.3825", ref.pvalue),
             ("proportion_test", "R binom.test(682, 925, 3/4)", "CI low", binom["ci_low"], "0.7076683", ci.low),
             ("proportion_test", "R binom.test(682, 925, 3/4)", "CI high", binom["ci_high"], "0.7654066", ci.high)]
    tea = run_tool("proportion_test", {"x": [3, 1], "n": [4, 4], "method": "fisher"})
    rows += [("proportion_test", "R fisher.test(TeaTasting)", "p-value", tea["p_value"], "0.4857",
              stats.fisher_exact([[3, 1], [1, 3]]).pvalue),
             ("proportion_test", "R fisher.test(TeaTasting)", "odds ratio", tea["odds_ratio"], "6.408309",
              stats.contingency.odds_ratio([[3, 1], [1, 3]]).statistic)]
    conv = run_tool("proportion_test", {"x": [2, 10], "n": [17, 13], "method": "fisher", "alternative": "less"})
    rows.append(("proportion_test", "R fisher.test(Convictions, less)", "p-value", conv["p_value"], "0.0004652",
                 stats.fisher_exact([[2, 15], [10, 3]], alternative="less").pvalue))
    new = run_tool("proportion_test", {"x": [56, 48], "n": [70, 80]})
    low, high = confint_proportions_2indep(56, 70, 48, 80, method="newcomb")
    rows += [("proportion_test", "Newcombe 1998 56/70 - 48/80", "Newcombe low", new["ci_low"], "0.0524", low),
             ("proportion_test", "Newcombe 1998 56/70 - 48/80", "Newcombe high", new["ci_high"], "0.3339", high)]
    wil = run_tool("proportion_test", {"x": 81, "n": 263, "method": "score"})
    wl, wh = proportion_confint(81, 263, method="wilson")
    rows += [("proportion_test", "Newcombe 1998 81/263", "Wilson low", wil["ci_low"], "0.2553", wl),
             ("proportion_test", "Newcombe 1998 81/263", "Wilson high", wil["ci_high"], "0.3662", wh)]
    welch = run_tool("summary_t_test", {"kind": "welch", **SLEEP})
    ref = stats.ttest_ind_from_stats(SLEEP["mean"], SLEEP["sd"], 10, SLEEP["mean2"], SLEEP["sd2"], 10,
                                     equal_var=False)
    rows += [("summary_t_test", "R t.test(extra ~ group, sleep)", "t", welch["t"], "-1.8608", ref.statistic),
             ("summary_t_test", "R t.test(extra ~ group, sleep)", "p-value", welch["p_value"], "0.07939",
              ref.pvalue),
             ("summary_t_test", "R t.test(extra ~ group, sleep)", "CI low", welch["ci_low"], "-3.3654832", None)]
    cap = run_tool("summary_capability", {"mean": 1.5056, "sd": 0.1398, "sigma": "within", "lsl": 1, "usl": 2})
    rows.append(("summary_capability", "Montgomery hard-bake, sigma 0.1398", "Cp", cap["cp"], "1.192",
                 1 / (6 * 0.1398)))
    pt = run_tool("power", {"test": "two_sample_t", "delta": 1, "sd": 1, "n": 20})
    rows.append(("power", "R power.t.test(n = 20, delta = 1)", "power", pt["power"], "0.8689528",
                 TTestIndPower().power(1, 20, 0.05)))
    nt = run_tool("power", {"test": "two_sample_t", "delta": 1, "sd": 1, "power": 0.9})
    rows.append(("power", "R power.t.test(power = .9, delta = 1)", "n", nt["n_exact"], "22.02110",
                 TTestIndPower().solve_power(1, power=0.9, alpha=0.05)))
    pp = run_tool("power", {"test": "two_proportions", "p1": 0.5, "p2": 0.75, "n": 50})
    rows.append(("power", "R power.prop.test(n = 50, .50, .75)", "power", pp["power"], "0.7401659", None))
    an = run_tool("power", {"test": "anova", "effect_size": 0.25, "groups": 3, "power": 0.8})
    rows.append(("power", "G*Power ANOVA f = .25, k = 3, power .8", "n per group", an["n_exact"], "52.4",
                 FTestAnovaPower().solve_power(0.25, power=0.8, alpha=0.05, k_groups=3) / 3))
    return rows


def main() -> None:
    with in_process():
        rows = cases()
    print(f"{'tool':20} {'case':42} {'quantity':13} {'printed':>7} {'LRE pub':>7} {'LRE lib':>7}")
    for tool, case, quantity, value, printed, library in rows:
        pub = log_relative_error(value, float(printed))
        lib = "—" if library is None else f"{log_relative_error(value, library):.1f}"
        print(f"{tool:20} {case:42} {quantity:13} {_printed_digits(printed):>7} {pub:>7.1f} {lib:>7}")


if __name__ == "__main__":
    main()
