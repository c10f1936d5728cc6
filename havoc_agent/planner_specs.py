"""Sampled specifications for the planner's training pairs, each rendered in many phrasings.

Every generator draws a specification (a design with named factors, a data set and a test,
a chart kind with its counts, an expression and what to do with it), then writes the
question from it in one of many wordings and the program from the specification itself.
The rule parser is never asked, so the model learns a second, independent reading.

Numbers: data lists are written as the user would (commas, spaces, "and"); in training they
become list slots (`havoc_model.list_slots`), so what the model learns for data is which run
goes where, not how to copy digits. Single numbers (a hypothesised mean, spec limits, a
subgroup size) are copied by the model digit by digit, as at inference.
"""

from __future__ import annotations

import random
from collections.abc import Callable

Pair = tuple[str, str]

FACTOR_NAMES = [
    ("temperature", 150, 200, "C"), ("pressure", 1, 3, "bar"), ("time", 10, 30, "min"), ("speed", 800, 1200, "rpm"),
    ("feed", 0.1, 0.3, "mm/rev"), ("concentration", 5, 15, "%"), ("ph", 4, 8, None), ("flow", 2, 6, "L/min"),
    ("voltage", 10, 20, "V"), ("catalyst", 1, 5, "g"), ("humidity", 30, 70, "%"), ("depth", 1, 4, "mm"),
    ("current", 100, 200, "A"), ("power", 200, 400, "W"), ("force", 50, 150, "N"), ("load", 2, 8, "kN"),
    ("moisture", 2, 10, "%"), ("viscosity", 100, 500, "cP"), ("torque", 10, 40, "Nm"), ("dose", 1, 10, "mg"),
    ("width", 5, 15, "mm"), ("thickness", 0.5, 2, "mm"), ("agitation", 100, 300, "rpm"), ("ratio", 1, 3, None),
    ("additive", 0, 2, "%"), ("cooling", 5, 25, "s"), ("gap", 0.2, 0.8, "mm"), ("angle", 15, 45, "deg"),
    ("frequency", 20, 60, "Hz"), ("dwell", 1, 5, "s"), ("line_speed", 10, 30, "m/min"), ("resin", 20, 40, "%"),
]
# more names, as people type them (a space becomes "_" in the program)
MORE_NAMES = ["mixing time", "feed rate", "spindle speed", "cure time", "bake time", "oven temperature",
              "roller gap", "tension", "airflow", "stirring", "temp", "hold time", "melt temp", "injection pressure",
              "screw speed", "belt speed", "nozzle size", "coolant flow", "wire feed", "travel speed", "dwell time",
              "ph level", "salt", "sugar", "water", "clamp force", "mold temp", "cycle time", "gas flow", "spacing",
              "layer height", "infill", "laser power", "scan speed", "hatch spacing", "vacuum", "rpm", "duty cycle"]
LETTER_SETS = [["A", "B", "C", "D", "E", "F", "G"], ["x1", "x2", "x3", "x4", "x5", "x6", "x7"],
               ["X1", "X2", "X3", "X4", "X5", "X6", "X7"]]
COUNT_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven"}
DESIGNS = {
    "box_behnken": ["Box-Behnken", "box behnken", "BBD", "Box Behnken", "box-behnken"],
    "central_composite": ["central composite", "CCD", "central-composite", "response surface CCD", "CCD response surface"],
    "full_factorial": ["full factorial", "2-level full factorial", "two level full factorial", "2^k factorial",
                       "full factorial screening"],
    "plackett_burman": ["Plackett-Burman", "plackett burman", "PB screening", "Plackett Burman screening"],
    "latin_hypercube": ["latin hypercube", "LHS", "space filling latin hypercube", "Latin Hypercube"],
}
ASK = ["", "please ", "can you ", "I need to ", "help me ", "could you ", "pls ", "we want to ", "quickly "]
DATA_WORDS = ["data", "values", "measurements", "readings", "samples", "observations", "results", "weights",
              "diameters", "times", "lengths", "yields", "scores"]


def _num(rng: random.Random, lo: float, hi: float, decimals: int) -> str:
    value = rng.uniform(lo, hi)
    return f"{value:.{decimals}f}" if decimals else str(round(value))


def _data(rng: random.Random, n: int | None = None, *, centre: float | None = None,
          decimals: int | None = None) -> list[str]:
    n = n if n is not None else rng.randint(5, 14)
    centre = centre if centre is not None else rng.choice([1, 2.5, 5, 10, 12, 25, 50, 74, 100, 250, 500, 1000])
    decimals = decimals if decimals is not None else rng.choice([1, 1, 2, 2, 3] if centre < 20 else [0, 0, 1, 2])
    spread = centre * rng.uniform(0.03, 0.15)
    while spread * 10 ** decimals < 3:  # enough digits that the values vary
        decimals += 1
    values = [_num(rng, centre - spread, centre + spread, decimals) for _ in range(n)]
    if n > 1 and len(set(values)) == 1:
        values[-1] = _num(rng, centre + spread, centre + 2 * spread, decimals)
    return values


def _counts(rng: random.Random, n: int, lo: int, hi: int) -> list[str]:
    return [str(rng.randint(lo, hi)) for _ in range(n)]


def _list_text(rng: random.Random, values: list[str]) -> str:
    style = rng.randrange(6)
    if style in (0, 4):
        return ", ".join(values)
    if style in (1, 5):
        return " ".join(values)
    if style == 2:
        return "[" + ", ".join(values) + "]"
    return ", ".join(values[:-1]) + " and " + values[-1]


def _typo(rng: random.Random, text: str, keep: frozenset[str] = frozenset()) -> str:
    """Now and then one swapped letter pair, dropped letter or doubled letter in a word of five letters or more
    (never in a word of `keep`: a name the program copies)."""
    if rng.random() > 0.2:
        return text
    words = text.split(" ")
    long = [i for i, w in enumerate(words) if w.isalpha() and len(w) > 4 and w not in keep]
    if not long:
        return text
    i = rng.choice(long)
    w = words[i]
    j = rng.randrange(1, len(w) - 2)
    words[i] = rng.choice([w[:j] + w[j + 1] + w[j] + w[j + 2:], w[:j] + w[j + 1:], w[:j] + w[j] + w[j:]])
    return " ".join(words)


def _case(rng: random.Random, text: str) -> str:
    r = rng.random()
    if r < 0.15:
        return text[:1].upper() + text[1:]
    if r < 0.2:
        return text.lower()
    return text


def _values(values: list[str]) -> str:
    return "[" + ", ".join(values) + "]"


def _join_names(rng: random.Random, names: list[str]) -> str:
    if len(names) == 1:
        return names[0]
    if rng.random() < 0.3:
        return ", ".join(names)
    return ", ".join(names[:-1]) + rng.choice([" and ", ", and ", " & "]) + names[-1]


# ---------------------------------------------------------------------------- design of experiments

def gen_design(rng: random.Random) -> Pair:
    kind = rng.choice(list(DESIGNS))
    k = rng.randint(2, 5) if kind != "plackett_burman" else rng.randint(4, 7)
    if kind == "box_behnken":
        k = max(k, 3)
    style = rng.choice(["ranged", "ranged", "named", "named", "letters", "count"])
    lines, parts = [], []
    if style == "ranged":
        for name, lo, hi, unit in rng.sample(FACTOR_NAMES, k):
            sep = rng.choice(["-", " to ", "..", " - ", " from {lo} to "])
            unit_text = f" {unit}" if unit and rng.random() < 0.7 else ""
            if sep.startswith(" from"):
                parts.append(f"{name} from {lo} to {hi}{unit_text}")
            elif rng.random() < 0.2:
                parts.append(f"{name} ({lo}{sep}{hi}{unit_text})")
            else:
                parts.append(f"{name} {lo}{sep}{hi}{unit_text}")
            lines.append(f"    factor {name} {lo} .. {hi}" + (f' "{unit}"' if unit_text else ""))
    elif style in ("named", "letters"):
        if style == "letters":
            names = rng.choice(LETTER_SETS)[:k]
        else:
            pool = [n for n, *_ in FACTOR_NAMES] + MORE_NAMES + [_made_up_name(rng) for _ in range(3)]
            names = rng.sample(pool, k)
        parts = [n.replace("_", " ") if rng.random() < 0.5 else n for n in names]
        lines = [f"    factor {n.replace(' ', '_')}" for n in names]
    else:
        lines = [f"    factors {k}"]
    centre = None
    if kind in ("box_behnken", "central_composite") and rng.random() < 0.45:
        centre = rng.randint(1, 6)
    if kind in ("box_behnken", "central_composite"):
        lines.append(f"    center_points {centre if centre is not None else 3}")
    samples = None
    if kind == "latin_hypercube":
        samples = rng.choice([8, 10, 12, 15, 16, 20, 25, 30, 40, 50, 64, 100])
        lines.append(f"    samples {samples}")
    replicates = None
    if kind == "full_factorial" and rng.random() < 0.2:
        replicates = rng.randint(2, 4)
        lines.append(f"    replicates {replicates}")
    factor_word = rng.choice(["factors", "variables", "inputs", "parameters"])
    count_text = f"{rng.choice([str(k), COUNT_WORDS[k]])} {factor_word}"
    if style == "count":
        factors_text = count_text
        if kind == "full_factorial" and rng.random() < 0.4:
            factors_text = rng.choice([f"2^{k}", f"2^{k} design,", f"{k}-factor"])
    elif rng.random() < 0.3:
        factors_text = f"{count_text}: {_join_names(rng, parts)}"
    else:
        factors_text = _join_names(rng, parts)
    extras = []
    if centre is not None:
        extras.append(rng.choice([f"{centre} center points", f"{centre} centre points", f"{centre} center runs",
                                  f"{centre} replicated centre points"]))
    if samples is not None:
        extras.append(rng.choice([f"{samples} runs", f"{samples} samples", f"{samples} points"]))
    if replicates is not None:
        extras.append(rng.choice([f"{replicates} replicates", f"replicated {replicates} times"]))
    extra = (" with " + " and ".join(extras)) if extras else ""
    word = rng.choice(DESIGNS[kind])
    noun = rng.choice(["design", "DOE", "experiment", "design of experiments", "layout", "plan", "doe"])
    question = rng.choice([
        f"{rng.choice(ASK)}design a {word} {noun} for {factors_text}{extra}",
        f"{word} {noun}: {factors_text}{extra}",
        f"I want a {word} {noun} with {factors_text}{extra}",
        f"set up a {word} {noun} for {factors_text}{extra}",
        f"{factors_text}: make a {word} {noun}{extra}",
        f"build me a {word} for {factors_text}{extra}",
        f"we are studying {factors_text}. {rng.choice(ASK)}generate a {word} {noun}{extra}",
        f"{word} with {factors_text}{extra}",
        f"what runs do I need for a {word} in {factors_text}{extra}?",
    ])
    keep = frozenset(word for name in parts for word in name.replace("_", " ").split())
    return _typo(rng, _case(rng, question), keep), "let d = design " + kind + " {\n" + "\n".join(lines) + "\n}"


def _made_up_name(rng: random.Random) -> str:
    """A name no list holds, so the model learns to copy names, not to recall them."""
    consonants, vowels = "bcdfghklmnprstvz", "aeiou"
    return "".join(rng.choice(consonants) + rng.choice(vowels) for _ in range(rng.randint(2, 3)))


# ---------------------------------------------------------------------------- data and tests

def _subject(rng: random.Random) -> str:
    return rng.choice(["", "", f"the {rng.choice(DATA_WORDS)} ", f"these {rng.choice(DATA_WORDS)} ",
                       f"my {rng.choice(DATA_WORDS)} "])


def gen_describe(rng: random.Random) -> Pair:
    values = _data(rng)
    text = _list_text(rng, values)
    question = rng.choice([
        f"mean and standard deviation of {text}",
        f"describe {_subject(rng)}{text}",
        f"summary statistics for {_subject(rng)}{text}",
        f"what is the average of {text}",
        f"{text} - give me the descriptive stats",
        f"{rng.choice(DATA_WORDS)}: {text}. what are the mean, median and sd?",
        f"calculate the mean and variance: {text}",
        f"summarize {text}",
        f"basic stats on {_subject(rng)}{text} please",
    ])
    return _typo(rng, _case(rng, question)), f"describe {_values(values)}"


def gen_ttest(rng: random.Random) -> Pair:
    kind = rng.choice(["one_sample", "one_sample", "welch", "welch", "paired", "pooled"])
    a = _data(rng, rng.randint(5, 12))
    if kind == "one_sample":
        mu = rng.choice([a[0].split(".")[0], a[-1], a[1]])
        side = rng.choice(["two_sided", "two_sided", "greater", "less"])
        claim = {"two_sided": rng.choice(["different from", "equal to", "on target at", "consistent with"]),
                 "greater": rng.choice(["greater than", "above", "higher than", "more than"]),
                 "less": rng.choice(["less than", "below", "lower than", "under"])}[side]
        question = rng.choice([
            f"is the mean of {_list_text(rng, a)} {claim} {mu}?",
            f"test whether the mean is {claim} {mu}: {_list_text(rng, a)}",
            f"one sample t-test, is the mean {claim} {mu}? data {_list_text(rng, a)}",
            f"{_list_text(rng, a)} -- is the true mean {claim} {mu}?",
            f"nominal is {mu}. {rng.choice(DATA_WORDS)}: {_list_text(rng, a)}. is the process mean {claim} nominal?",
        ])
        suffix = "" if side == "two_sided" else f" alternative {side}"
        return _typo(rng, _case(rng, question)), f"ttest one_sample {_values(a)} mu {mu}{suffix}"
    b = _data(rng, len(a) if kind == "paired" else rng.randint(5, 12), centre=float(a[0]) * rng.uniform(0.95, 1.05),
              decimals=len(a[0].split(".")[1]) if "." in a[0] else 0)
    if kind == "paired":
        first, second = rng.choice([("before", "after"), ("method A", "method B"), ("gauge 1", "gauge 2"),
                                    ("left", "right"), ("old", "new"), ("pre", "post")])
        question = rng.choice([
            f"paired t-test, {first}: {', '.join(a)}; {second}: {', '.join(b)}",
            f"{first} {_list_text(rng, a)} and {second} {_list_text(rng, b)} on the same parts: did it change?",
            f"same units measured twice. {first}: {' '.join(a)} / {second}: {' '.join(b)}. significant difference?",
            f"paired comparison of {first} {_list_text(rng, a)} vs {second} {_list_text(rng, b)}",
        ])
        return _typo(rng, _case(rng, question)), f"ttest paired {_values(a)} and {_values(b)}"
    g1, g2 = rng.choice([("group A", "group B"), ("machine 1", "machine 2"), ("supplier X", "supplier Y"),
                         ("line 1", "line 2"), ("batch 1", "batch 2"), ("shift A", "shift B"), ("old", "new")])
    equal = kind == "pooled"
    variance = rng.choice(["assuming equal variances", "with pooled variance", "equal variances assumed",
                           "pooled t-test"]) if equal else rng.choice(["", "", "", "unequal variances", "Welch test"])
    question = rng.choice([
        f"compare {g1} {_list_text(rng, a)} with {g2} {_list_text(rng, b)}" + (f", {variance}" if variance else ""),
        f"t-test: {g1}: {', '.join(a)}; {g2}: {', '.join(b)}" + (f" ({variance})" if variance else ""),
        f"are these two samples different? {_values(a)} vs {_values(b)}" + (f" {variance}" if variance else ""),
        f"{variance + ': ' if variance else ''}is there a difference between {g1} ({' '.join(a)}) and {g2} ({' '.join(b)})?",
        f"two sample t test{' ' + variance if variance else ''}, {g1} {_list_text(rng, a)}, {g2} {_list_text(rng, b)}",
    ])
    return _typo(rng, _case(rng, question)), f"ttest {kind} {_values(a)} and {_values(b)}"


def gen_rank(rng: random.Random) -> Pair:
    a = _data(rng, rng.randint(5, 10), decimals=rng.choice([0, 1]))
    b = _data(rng, rng.randint(5, 10), centre=float(a[0]), decimals=len(a[0].split(".")[1]) if "." in a[0] else 0)
    if rng.random() < 0.5:
        test = rng.choice(["Mann-Whitney", "mann whitney U", "Wilcoxon rank-sum", "rank sum"])
        question = rng.choice([f"{test} test: {_list_text(rng, a)} vs {_list_text(rng, b)}",
                               f"compare {_list_text(rng, a)} and {_list_text(rng, b)} without assuming normality",
                               f"nonparametric comparison of group 1 {' '.join(a)} and group 2 {' '.join(b)} ({test})"])
        return _typo(rng, question), f"ranktest mann_whitney {_values(a)} and {_values(b)}"
    b = _data(rng, len(a), centre=float(a[0]) * rng.uniform(0.95, 1.05),
              decimals=len(a[0].split(".")[1]) if "." in a[0] else 0)
    question = rng.choice([f"Wilcoxon signed-rank test, before {_list_text(rng, a)} after {_list_text(rng, b)}",
                           f"signed rank test on paired data: {', '.join(a)} / {', '.join(b)}",
                           f"paired, but not normal: A {' '.join(a)}; B {' '.join(b)}. signed-rank test please"])
    return _typo(rng, question), f"ranktest signed_rank {_values(a)} and {_values(b)}"


def gen_groups(rng: random.Random) -> Pair:
    k = rng.randint(3, 4)
    n = rng.randint(3, 7)
    centre = rng.choice([5, 10, 20, 50, 100])
    groups = [_data(rng, n, centre=centre * rng.uniform(0.9, 1.1), decimals=rng.choice([0, 1])) for _ in range(k)]
    labels = rng.choice([["A", "B", "C", "D"], ["M1", "M2", "M3", "M4"], ["line 1", "line 2", "line 3", "line 4"],
                         ["supplier A", "supplier B", "supplier C", "supplier D"], ["low", "medium", "high", "max"]])
    style = rng.randrange(4)
    if style == 0:
        data = "; ".join(f"{labels[i]} {_list_text(rng, g)}" for i, g in enumerate(groups))
    elif style == 1:
        data = " / ".join(" ".join(g) for g in groups)
    elif style == 2:
        data = "\n" + "\n".join(f"{labels[i]}: {', '.join(g)}" for i, g in enumerate(groups))
    else:
        data = " vs ".join(", ".join(g) for g in groups)
    kind = rng.choice(["anova", "anova", "kruskal", "levene"])
    statement, test = {
        "anova": ("anova one_way", rng.choice(["one-way ANOVA", "ANOVA", "analysis of variance", "compare the means"])),
        "kruskal": ("kruskal", rng.choice(["Kruskal-Wallis", "kruskal wallis", "nonparametric comparison of medians"])),
        "levene": ("levene", rng.choice(["Levene test for equal variances", "are the variances equal (levene)",
                                         "homogeneity of variance"])),
    }[kind]
    question = rng.choice([f"{test}: {data}", f"{test} for {data}", f"{data}\n{test}?",
                           f"compare {COUNT_WORDS[k]} groups with {test}: {data}"])
    slots = ", ".join(_values(g) for g in groups)
    return _typo(rng, question), f"{statement} [{slots}]"


def gen_chisquare(rng: random.Random) -> Pair:
    rows, cols = rng.choice([(2, 2), (2, 3), (3, 2), (3, 3)])
    table = [_counts(rng, cols, 5, 60) for _ in range(rows)]
    style = rng.randrange(3)
    if style == 0:
        text = "[" + ", ".join(_values(r) for r in table) + "]"
    elif style == 1:
        text = " / ".join(" ".join(r) for r in table)
    else:
        text = "\n" + "\n".join(", ".join(r) for r in table)
    question = rng.choice([f"chi-square test of independence for the table {text}",
                           f"contingency table {text}: are rows and columns independent?",
                           f"chi square test: {text}", f"is there an association? counts {text}"])
    return _typo(rng, question), "chisquare [" + ", ".join(_values(r) for r in table) + "]"


def gen_chart(rng: random.Random) -> Pair:
    kind = rng.choice(["imr", "imr", "imr", "xbar_r", "p", "c", "u"])
    if kind == "imr":
        values = _data(rng, rng.randint(8, 20))
        question = rng.choice([
            f"control chart for {_subject(rng)}{_list_text(rng, values)}",
            f"is this process in control? {_list_text(rng, values)}",
            f"{rng.choice(['I-MR', 'IMR', 'X-mR', 'individuals', 'individuals and moving range'])} chart of "
            f"{_subject(rng)}{_list_text(rng, values)}",
            f"plot an individuals chart: {_list_text(rng, values)}",
            f"{_list_text(rng, values)}\nis the process stable?",
            f"check {_subject(rng)}{_list_text(rng, values)} for special causes",
            f"SPC chart for {_list_text(rng, values)}",
        ])
        return _typo(rng, _case(rng, question)), f"chart imr {_values(values)} rules western_electric"
    if kind == "xbar_r":
        n, k = rng.randint(3, 5), rng.randint(5, 10)
        centre = rng.choice([5, 10, 25, 50, 100])
        groups = [_data(rng, n, centre=centre, decimals=rng.choice([1, 2])) for _ in range(k)]
        sep = rng.choice([" / ", "; ", "\n"])
        data = sep.join(", ".join(g) if rng.random() < 0.5 else " ".join(g) for g in groups)
        question = rng.choice([f"xbar-r chart for subgroups {data}", f"X-bar and R chart, subgroups of {n}: {data}",
                               f"{data}\nmake an xbar R chart (each row is a subgroup)"])
        return _typo(rng, question), "chart xbar_r [" + ", ".join(_values(g) for g in groups) + "] rules western_electric"
    n = rng.randint(8, 15)
    if kind == "c":
        counts = _counts(rng, n, 0, 12)
        question = rng.choice([f"c chart for defects per unit: {_list_text(rng, counts)}",
                               f"number of defects per panel {_list_text(rng, counts)}; control chart please",
                               f"count of flaws on each roll: {_list_text(rng, counts)}. c chart"])
        return _typo(rng, question), f"chart c {_values(counts)} rules western_electric"
    counts = _counts(rng, n, 0, 15)
    if rng.random() < 0.5:
        size = rng.choice(["50", "100", "120", "200", "250", "500"])
        sizes_text, sizes = size, size
        if kind == "p":
            question = rng.choice([f"p chart: defectives {_list_text(rng, counts)} out of {size} each",
                                   f"we inspect {size} parts per lot, rejects {_list_text(rng, counts)}. p chart"])
        else:
            question = rng.choice([f"u chart: defects {_list_text(rng, counts)}, {size} units each",
                                   f"defects per sample of {size} units: {_list_text(rng, counts)}; u chart"])
    else:
        sizes_list = [str(rng.randint(80, 150)) for _ in range(n)]
        sizes_text, sizes = _list_text(rng, sizes_list), _values(sizes_list)
        if kind == "p":
            question = rng.choice([f"p chart with defectives {_list_text(rng, counts)} and sample sizes {sizes_text}",
                                   f"inspected {sizes_text}; defective {_list_text(rng, counts)}. proportion chart?"])
        else:
            question = rng.choice([f"u chart: defects {_list_text(rng, counts)} in {sizes_text} units",
                                   f"defects {_list_text(rng, counts)}, units inspected {sizes_text}: u chart"])
    return _typo(rng, question), f"chart {kind} {_values(counts)} sizes {sizes} rules western_electric"


def gen_capability(rng: random.Random) -> Pair:
    values = _data(rng, rng.randint(8, 16))
    nums = sorted(float(v) for v in values)
    decimals = len(values[0].split(".")[1]) if "." in values[0] else 0
    width = nums[-1] - nums[0] or 1
    lsl = f"{nums[0] - width * rng.uniform(0.3, 1.5):.{decimals}f}"
    usl = f"{nums[-1] + width * rng.uniform(0.3, 1.5):.{decimals}f}"
    spec = rng.choice([f"LSL {lsl} and USL {usl}", f"spec {lsl} to {usl}", f"specs {lsl}-{usl}",
                       f"lower spec {lsl}, upper spec {usl}", f"tolerance {lsl} to {usl}", f"limits {lsl} and {usl}"])
    question = rng.choice([
        f"process capability with {spec}: {_list_text(rng, values)}",
        f"Cpk for {_list_text(rng, values)}, {spec}",
        f"{spec}, {rng.choice(DATA_WORDS)} {_list_text(rng, values)}: is it capable?",
        f"compute Cp and Cpk ({spec}) for {_list_text(rng, values)}",
        f"{_list_text(rng, values)}\n{spec}. Ppk?",
    ])
    return _typo(rng, _case(rng, question)), f"capability {_values(values)} lsl {lsl} usl {usl}"


def gen_normality(rng: random.Random) -> Pair:
    values = _data(rng, rng.randint(8, 20))
    method = rng.choice([None, None, "anderson_darling"])
    name = "Anderson-Darling" if method else rng.choice(["Shapiro-Wilk", "shapiro", "normality"])
    question = rng.choice([
        f"is this normally distributed? {_list_text(rng, values)}",
        f"{name} test for {_list_text(rng, values)}",
        f"check normality ({name}): {_list_text(rng, values)}",
        f"can I assume normality for {_subject(rng)}{_list_text(rng, values)}? use {name}",
    ]) if method else rng.choice([
        f"is this normally distributed? {_list_text(rng, values)}",
        f"{name} test for {_list_text(rng, values)}",
        f"check normality: {_list_text(rng, values)}",
        f"do {_subject(rng)}{_list_text(rng, values)} follow a normal distribution?",
    ])
    suffix = f" method {method}" if method else ""
    return _typo(rng, _case(rng, question)), f"normality {_values(values)}{suffix}"


def gen_regression(rng: random.Random) -> Pair:
    n = rng.randint(5, 10)
    step = rng.choice([1, 2, 5, 10, 0.5, 25])
    start = rng.choice([0, 1, 2, 10, 20, 100])
    x = [f"{start + step * i:g}" for i in range(n)]
    slope, intercept = rng.uniform(-3, 4), rng.uniform(5, 50)
    y = [f"{intercept + slope * float(v) + rng.uniform(-1, 1):.1f}" for v in x]
    xn, yn = rng.choice([("x", "y"), ("temperature", "yield"), ("dose", "response"), ("hours", "wear"),
                         ("load", "deflection"), ("speed", "finish"), ("volume", "cost"), ("age", "strength")])
    question = rng.choice([
        f"fit a line: {xn} = {', '.join(x)}; {yn} = {', '.join(y)}",
        f"regression of {yn} on {xn}, {xn}: {' '.join(x)}, {yn}: {' '.join(y)}",
        f"linear regression, {xn} {_values(x)} {yn} {_values(y)}",
        f"regress {yn} {_list_text(rng, y)} on {xn} {_list_text(rng, x)}",
        f"how does {yn} depend on {xn}? {xn}: {', '.join(x)}; {yn}: {', '.join(y)}",
        f"least squares fit of {yn} = {', '.join(y)} against {xn} = {', '.join(x)}",
    ])
    return _typo(rng, question), f"regression {_values(y)} on {_values(x)}"


def gen_constants(rng: random.Random) -> Pair:
    n = rng.randint(2, 10)
    question = rng.choice([f"control chart constants for subgroup size {n}", f"A2, D3 and D4 for n = {n}",
                           f"c4 and d2 for subgroups of {n}", f"what is d2 for a subgroup of {n}?"])
    return question, f"constants for subgroup {n}"


def gen_matrix(rng: random.Random) -> Pair:
    size = rng.choice([2, 2, 3])
    rows = [[str(rng.randint(-5, 9)) for _ in range(size)] for _ in range(size)]
    op, words = rng.choice([("determinant", ["determinant of", "det of", "find the determinant of"]),
                            ("inverse", ["inverse of", "invert", "inverse of the matrix"]),
                            ("eigenvalues", ["eigenvalues of", "eigen values of"]), ("rank", ["rank of"]),
                            ("transpose", ["transpose of"]), ("trace", ["trace of"])])
    literal = "[" + ", ".join(_values(r) for r in rows) + "]"
    text = literal if rng.random() < 0.6 else " / ".join(" ".join(r) for r in rows)
    return f"{rng.choice(words)} {text}", f"matrix {op} of {literal}"


# ---------------------------------------------------------------------------- expressions

def _coef(rng: random.Random) -> int:
    return rng.choice([1, 1, 1, 2, 3, 4, 5, 6, 7, 9, 10, 12])


def _inner(rng: random.Random) -> tuple[str, str, bool]:
    """A function's argument: (typed, formula, needs brackets when typed)."""
    a, c = rng.randint(2, 9), rng.randint(1, 9)
    return rng.choice([("x", "x", False), ("x", "x", False), (f"{a}x", f"{a}*x", False), ("-x", "-x", True),
                       (f"x^2 + {c}", f"x^2 + {c}", True), (f"{a}x + {c}", f"{a}*x + {c}", True),
                       (f"x - {c}", f"x - {c}", True), ("1 + x^2", "1 + x^2", True)])


def _function(rng: random.Random) -> tuple[str, str]:
    fn = rng.choice(["sin", "cos", "tan", "exp", "exp", "log", "log", "sqrt"])
    text, formula, compound = _inner(rng)
    if fn == "exp":
        if rng.random() < 0.6:
            typed = f"e^{text}" if text == "x" else f"e^({text})"
            return typed, f"e^{formula}" if formula == "x" else f"e^({formula})"
        return f"exp({text})", f"exp({formula})"
    if fn == "log":
        name = rng.choice(["ln", "ln", "log"])
        typed = f"{name} {text}" if not compound and rng.random() < 0.4 else f"{name}({text})"
        return typed, f"log({formula})"
    if fn == "sqrt":
        return f"sqrt({text})", f"sqrt({formula})"
    typed = f"{fn} {text}" if not compound and rng.random() < 0.4 else f"{fn}({text})"
    return typed, f"{fn}({formula})"


def _term(rng: random.Random) -> tuple[str, str]:
    """(how a person types it, the DSL's formula): a monomial or a function of a simple argument."""
    kind = rng.randrange(3)
    c = _coef(rng)
    if kind == 0:
        p = rng.randint(2, 6)
        return (f"{c if c > 1 else ''}x^{p}", f"{str(c) + '*' if c > 1 else ''}x^{p}")
    if kind == 1:
        return (f"{c if c > 1 else ''}x", f"{str(c) + '*' if c > 1 else ''}x")
    return _function(rng)


def expression(rng: random.Random) -> tuple[str, str]:
    shape = rng.randrange(6)
    a, b = _term(rng), _term(rng)
    if shape == 0:
        return _function(rng)
    if shape in (1, 2):  # a sum of two or three terms, perhaps a constant
        terms = [a, b] + ([_term(rng)] if rng.random() < 0.3 else [])
        typed, formula = terms[0]
        for t in terms[1:]:
            op = rng.choice([" + ", " - "])
            typed, formula = typed + op + t[0], formula + op + t[1]
        if rng.random() < 0.4:
            op, c = rng.choice([" + ", " - "]), str(rng.randint(1, 20))
            typed, formula = typed + op + c, formula + op + c
        return typed, formula
    if shape == 3:  # a product: x^2 sin x, x e^x, x*ln(x)
        p = rng.choice(["x", f"x^{rng.randint(2, 4)}"])
        fn = _function(rng)
        sep = rng.choice([" ", "*", " "])
        return f"{p}{sep}{fn[0]}", f"{p}*{fn[1]}"
    if shape == 4:  # a quotient of two simple parts
        parts = [("1", "1"), ("x", "x"), ("x + 1", "x + 1"), ("x - 1", "x - 1"), ("x^2 - 1", "x^2 - 1"),
                 ("x^2 + 1", "x^2 + 1"), ("2x + 1", "2*x + 1"), ("x - 3", "x - 3"), ("1 + x^2", "1 + x^2")]
        num = rng.choice(parts + [_function(rng)])
        den = rng.choice(parts[1:] + [_function(rng)])
        bracket = [len(p[0]) > 3 or " " in p[0] for p in (num, den)]
        typed_num = f"({num[0]})" if bracket[0] and not num[0].endswith(")") or "+" in num[0] or "-" in num[0] \
            else num[0]
        typed_den = f"({den[0]})" if bracket[1] or "+" in den[0] or "-" in den[0] else den[0]
        f_num = f"({num[1]})" if "+" in num[1] or "-" in num[1] else num[1]
        f_den = f"({den[1]})" if "+" in den[1] or "-" in den[1] or "*" in den[1] else den[1]
        return f"{typed_num}/{typed_den}", f"{f_num}/{f_den}"
    return _poly(rng)


def _poly(rng: random.Random) -> tuple[str, str]:
    """A polynomial as typed and as the DSL writes it, with coefficients that read naturally."""
    p = rng.randint(2, 3)
    b, c = rng.randint(1, 9), rng.randint(1, 20)
    sb, sc = rng.choice(["+", "-"]), rng.choice(["+", "-"])
    bx = "x" if b == 1 else f"{b}x"
    bd = "x" if b == 1 else f"{b}*x"
    return f"x^{p} {sb} {bx} {sc} {c}", f"x^{p} {sb} {bd} {sc} {c}"


def gen_calculus(rng: random.Random) -> Pair:
    task = rng.choice(["derivative", "derivative", "derivative", "integral", "integral", "definite", "limit", "solve",
                       "simplify", "series", "evaluate"])
    text, formula = expression(rng)
    if task == "derivative":
        order = rng.choice([1, 1, 1, 1, 2])
        if order == 2:
            question = rng.choice([f"second derivative of {text}", f"d2/dx2 {text}", f"differentiate {text} twice"])
            return question, f"derivative of {formula} by x order 2"
        question = rng.choice([f"derivative of {text}", f"differentiate {text}", f"d/dx {text}", f"d/dx of {text}",
                               f"what is the derivative of {text} with respect to x?", f"diff {text}",
                               f"find dy/dx for y = {text}", f"derivate {text}"])
        return _typo(rng, question), f"derivative of {formula} by x"
    if task == "definite":
        a, b = sorted(rng.sample(range(0, 6), 2))
        if rng.random() < 0.15:
            a, b = rng.choice([(0, "pi"), (0, "pi/2"), ("-pi", "pi")]) if "sin" in formula or "cos" in formula else (a, b)
        question = rng.choice([f"integrate {text} from {a} to {b}", f"definite integral of {text} between {a} and {b}",
                               f"area under {text} from x = {a} to x = {b}", f"∫ {text} dx from {a} to {b}"])
        return question, f"integral of {formula} by x from {a} to {b}"
    if task == "integral":
        question = rng.choice([f"integrate {text}", f"antiderivative of {text}", f"integral of {text} dx",
                               f"indefinite integral of {text}", f"integrate {text} with respect to x"])
        return _typo(rng, question), f"integral of {formula} by x"
    if task == "limit":
        point = rng.choice(["0", "1", "2", "infinity"])
        target = "oo" if point == "infinity" else point
        question = rng.choice([f"limit of {text} as x approaches {point}", f"lim x->{point} {text}",
                               f"limit as x goes to {point} of {text}", f"what does {text} tend to as x -> {point}?"])
        return question, f"limit of {formula} as x to {target}"
    if task == "solve":
        poly_text, poly = _poly(rng)
        if rng.random() < 0.4:
            a, b, c = rng.randint(2, 9), rng.randint(1, 20), rng.randint(1, 40)
            poly_text, poly, rhs = f"{a}x + {b}", f"{a}*x + {b}", str(c)
        else:
            rhs = "0"
        question = rng.choice([f"solve {poly_text} = {rhs}", f"find x if {poly_text} = {rhs}",
                               f"roots of {poly_text} = {rhs}", f"for what x is {poly_text} = {rhs}?"])
        return question, f"solve {poly} = {rhs} for x"
    if task == "simplify":
        method = rng.choice([None, "expand", "factor"])
        if method == "expand":
            k = rng.randint(1, 5)
            p = rng.randint(2, 4)
            return (rng.choice([f"expand (x + {k})^{p}", f"multiply out (x + {k})^{p}"]),
                    f"simplify (x + {k})^{p} method expand")
        if method == "factor":
            poly_text, poly = _poly(rng)
            return rng.choice([f"factor {poly_text}", f"factorise {poly_text}"]), f"simplify {poly} method factor"
        return rng.choice([f"simplify {text}", f"simplify the expression {text}"]), f"simplify {formula}"
    if task == "series":
        order = rng.choice([None, 4, 5, 8])
        around = rng.choice(["0", "0", "1"])
        question = (f"taylor series of {text} around {around}" if order is None
                    else f"taylor expansion of {text} about x = {around} to order {order}")
        return question, f"series of {formula} around x = {around} order {order or 6}"
    a, b, c = rng.randint(2, 30), rng.randint(2, 30), rng.randint(2, 5)
    op_text, op = rng.choice([(f"{a} * {b}", f"{a}*{b}"), (f"{a}^{c}", f"{a}^{c}"), (f"{a} / {b}", f"{a}/{b}"),
                              (f"{a}^{c} - {b}", f"{a}^{c} - {b}"), (f"sqrt({a * a})", f"sqrt({a * a})")])
    return rng.choice([f"what is {op_text}", f"evaluate {op_text}", f"compute {op_text}", f"{op_text} = ?"]), (
        f"evaluate {op}")


GENERATORS: list[tuple[Callable[[random.Random], Pair], int]] = [
    (gen_design, 6), (gen_describe, 3), (gen_ttest, 4), (gen_rank, 1), (gen_groups, 2), (gen_chisquare, 1),
    (gen_chart, 4), (gen_capability, 2), (gen_normality, 2), (gen_regression, 2), (gen_constants, 1),
    (gen_matrix, 1), (gen_calculus, 7),
]


def sample(rng: random.Random) -> Pair:
    generators, weights = zip(*GENERATORS, strict=True)
    return rng.choices(generators, weights=weights)[0](rng)
