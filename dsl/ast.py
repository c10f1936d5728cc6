"""The typed syntax tree of a HAVOC program.

Why dataclasses built by hand rather than Lark's trees: the agent's planner
builds programs from code (`Program([Describe(Values([...]))])`) and formats
them, and the executor and checker need named fields, not child positions.

Equality ignores where a node came from (`line`, `column`, `spots`), so that
`parse(format(p)) == parse(p)` compares meaning, not layout. Numbers are
`Decimal`, keeping the text the user wrote.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

Number = Decimal


@dataclass
class Node:
    """Location fields every node carries; none of them takes part in equality."""

    line: int | None = field(default=None, compare=False, kw_only=True, repr=False)
    column: int | None = field(default=None, compare=False, kw_only=True, repr=False)
    end_line: int | None = field(default=None, compare=False, kw_only=True, repr=False)
    # where each option keyword of a statement sits: "center_points" -> (line, column)
    spots: dict[str, tuple[int, int]] = field(default_factory=dict, compare=False, kw_only=True, repr=False)
    # layout kept by the formatter (statements only): comment lines above, one on the last line, a blank line before
    comments: list[str | None] = field(default_factory=list, compare=False, kw_only=True, repr=False)
    trailing_comment: str | None = field(default=None, compare=False, kw_only=True, repr=False)
    blank_before: bool = field(default=False, compare=False, kw_only=True, repr=False)

    def spot(self, name: str) -> tuple[int | None, int | None]:
        """The location of an option if known, else of the node itself."""
        return self.spots.get(name, (self.line, self.column))


# ---------------------------------------------------------------- data sources


@dataclass
class Values(Node):
    """An inline list: numbers, or labels (quoted strings) where labels are wanted."""

    items: list[Decimal | str]


@dataclass
class Rows(Node):
    """An inline table, row by row: `[[1, 2], [3, 4]]` or `table { row 1 2  row 3 4 }`."""

    rows: list[list[Decimal]]


@dataclass
class Ref(Node):
    """A name bound by an earlier `let` (in this program or a previous run)."""

    name: str


@dataclass
class Column(Node):
    """One column of a CSV file; `file=None` means the file named earlier in the statement."""

    name: str
    file: str | None = None


@dataclass
class Columns(Node):
    """Several columns of a CSV file, read as rows."""

    names: list[str]
    file: str | None = None


Source = Values | Rows | Ref | Column | Columns


@dataclass
class Expr(Node):
    """A formula, kept as canonical text for the symbolic tools (never evaluated here)."""

    text: str

    @property
    def sympy_text(self) -> str:
        """The same formula in SymPy's spelling of powers."""
        return self.text.replace("^", "**")


# ---------------------------------------------------------------- design of experiments


@dataclass
class Factor(Node):
    """A named factor: a range in natural units (with a unit), levels, or coded only."""

    name: str
    low: Decimal | None = None
    high: Decimal | None = None
    unit: str | None = None
    levels: list[Decimal | str] | None = None


@dataclass
class Generator(Node):
    """A fractional-factorial generator: `E = ABCD` (or `E = -ABCD`)."""

    factor: str
    word: str
    negative: bool = False

    @property
    def text(self) -> str:
        return f"{self.factor}={'-' if self.negative else ''}{self.word}"


@dataclass
class Design(Node):
    kind: str
    factors: list[Factor] = field(default_factory=list)
    factor_count: Decimal | None = None
    center_points: Decimal | None = None
    centre_once: bool = False  # `center_points N once`: not repeated with each replicate
    replicates: Decimal | None = None
    randomize: bool = False
    seed: Decimal | None = None
    generators: list[Generator] = field(default_factory=list)
    resolution: Decimal | None = None
    face: str | None = None
    alpha: str | Decimal | None = None
    samples: Decimal | None = None
    blocks: Decimal | None = None
    block_words: list[str] | None = None  # `blocks 4 confounding ABC, CDE`
    runs: Decimal | None = None
    criterion: str | None = None  # Latin hypercube: random, center, maximin, centermaximin, correlation
    cost: Decimal | None = None  # the cost of one run: the result adds the total


@dataclass
class Analyze(Node):
    """Fit a bound design's response: effects, ANOVA or a second-order surface."""

    design: str
    response: Source
    method: str | None = None
    order: str | None = None  # "standard" (default) or "run": the order the responses are listed in
    model: str | None = None  # method anova: main, interactions (default), quadratic, first_order or full
    curvature: bool | None = None  # method anova: False = no centre-point curvature term (`without curvature`)


@dataclass
class Properties(Node):
    design: str


@dataclass
class Surface(Node):
    """A second-order response surface from the runs themselves: rows of coded settings and one response each."""

    runs: Source
    response: Source


@dataclass
class Curvature(Node):
    """The curvature test from responses: at the factorial corners, and at the centre runs."""

    factorial: Source
    center: Source


# ---------------------------------------------------------------- statistical process control


@dataclass
class Chart(Node):
    kind: str
    data: Source
    subgroup: Decimal | Source | None = None
    sizes: Decimal | Source | None = None
    k_sigma: Decimal | None = None
    center: Decimal | None = None  # known standards (written `center`, `std_dev`) ...
    sigma: Decimal | None = None  # ... instead of limits estimated from the data
    exclude: list[Decimal] | None = None
    rules: str | None = None
    phase2: Source | None = None  # new points judged against the limits of `data`
    lam: Decimal | None = None  # ewma: weight of the newest point (written `lambda`)
    k: Decimal | None = None  # cusum: reference value, sigma units
    h: Decimal | None = None  # cusum: decision interval, sigma units


@dataclass
class RunRules(Node):
    ruleset: str
    data: Source
    center: Decimal | None = None
    sigma: Decimal | None = None


@dataclass
class Capability(Node):
    data: Source
    lsl: Decimal | None = None
    usl: Decimal | None = None
    target: Decimal | None = None
    confidence: Decimal | None = None
    sigma_within: Decimal | None = None
    subgroup: Decimal | Source | None = None


@dataclass
class Constants(Node):
    n: Decimal


# ---------------------------------------------------------------- statistics


@dataclass
class TTest(Node):
    kind: str
    x: Source
    y: Source | None = None
    mu: Decimal | None = None
    alternative: str | None = None
    confidence: Decimal | None = None


@dataclass
class RankTest(Node):
    """`ranktest mann_whitney x and y`, `ranktest signed_rank x [and y]` or `ranktest sign x [and y]` (paired when y
    is given)."""

    kind: str
    x: Source
    y: Source | None = None
    mu: Decimal | None = None
    alternative: str | None = None
    confidence: Decimal | None = None
    method: str | None = None
    correction: bool | None = None  # the normal approximation's continuity correction (None: the tool's default, on)


@dataclass
class AnovaOneWay(Node):
    """Groups as table rows, or one column split by a label column (`by`); `welch`: Welch's ANOVA."""

    data: Source
    by: Source | None = None
    welch: bool = False  # Welch's ANOVA: no equal-variance assumption, no Tukey HSD


@dataclass
class AnovaTwoWay(Node):
    data: Source
    a: Source
    b: Source
    interaction: bool = True
    ss_type: str | None = None  # sequential, hierarchical or adjusted; None: the tool's default


@dataclass
class Levene(Node):
    data: Source
    by: Source | None = None
    center: str | None = None  # None: the tool's default (median, Brown-Forsythe)


@dataclass
class VarianceTest(Node):
    """`variances DATA [by L] method f|bartlett`: equal variances under normality (tool variance_test)."""

    data: Source
    by: Source | None = None
    method: str = "f"  # f (two groups: first over second) or bartlett (k groups)
    alternative: str | None = None  # the F test only
    confidence: Decimal | None = None  # of the F test's interval for the variance ratio


@dataclass
class Correlation(Node):
    """`correlation X and Y [method pearson|spearman|kendall]`: paired samples (tool correlation)."""

    x: Source
    y: Source
    method: str | None = None  # None: the tool's default, pearson
    alternative: str | None = None
    confidence: Decimal | None = None


@dataclass
class Kruskal(Node):
    data: Source
    by: Source | None = None


@dataclass
class Friedman(Node):
    """`friedman ROWS`: one row per treatment, one value per block in each (blocks in the same order)."""
    data: Source


@dataclass
class McNemar(Node):
    """`mcnemar [[a, b], [c, d]] | mcnemar discordant B C, [method M] [confidence C]`: paired yes/no outcomes."""
    data: Source | None = None
    b: Decimal | None = None
    c: Decimal | None = None
    method: str | None = None
    confidence: Decimal | None = None


@dataclass
class Normality(Node):
    data: Source
    method: str | None = None  # shapiro_wilk (the tool's default) or anderson_darling


@dataclass
class ChiSquare(Node):
    """A contingency table (independence), or observed counts with `expected` (goodness of fit)."""

    observed: Source
    expected: Source | None = None
    correction: bool | None = None  # None: the tool's default (no Yates correction)


@dataclass
class Regression(Node):
    """`y on x`: simple, polynomial (`degree`) or multiple (x is a table of predictors)."""

    y: Source
    x: Source
    degree: Decimal | None = None
    intercept: bool = True
    at: Source | None = None  # new predictor values: the fitted mean with its CI and a prediction interval
    confidence: Decimal | None = None  # of the coefficient and prediction intervals; None: the tool's 0.95


@dataclass
class Describe(Node):
    data: Source
    confidence: Decimal | None = None  # of the interval for the mean; None: the tool's default (0.95)
    bound: str | None = None  # "upper" or "lower": the one-sided bound for the mean the question asks for


# ---------------------------------------------------------------- symbolic mathematics


@dataclass
class Derivative(Node):
    expression: Expr
    variables: list[str]
    order: Decimal | None = None
    at: list[Assignment] = field(default_factory=list)  # also the derivative's value at this point


@dataclass
class Integral(Node):
    expression: Expr
    variable: str
    lower: Expr | None = None
    upper: Expr | None = None


@dataclass
class Equation(Node):
    left: Expr
    right: Expr | None = None  # None: `left = 0`


@dataclass
class Solve(Node):
    equations: list[Equation]
    variables: list[str]
    real: bool = False  # real solutions only


@dataclass
class Simplify(Node):
    expression: Expr
    method: str | None = None  # the simplify tool's method (expand, factor, ...); None: its default, simplify
    at: list[Assignment] = field(default_factory=list)  # also the result's value at this point


@dataclass
class Limit(Node):
    expression: Expr
    variable: str
    point: Expr
    side: str | None = None


@dataclass
class Extrema(Node):
    """`extrema of EXPR by x[, y] [from A to B | over (A, B]]`: critical points, classified; on an interval the
    absolute extremes (`from A to B` is the closed [A, B]; `over` writes each end open or closed)."""
    expression: Expr
    variables: list[str]
    lower: Expr | None = None
    upper: Expr | None = None
    lower_open: bool = False
    upper_open: bool = False


@dataclass
class Series(Node):
    expression: Expr
    variable: str
    point: Expr
    order: Decimal | None = None


@dataclass
class Summation(Node):
    """`sum of EXPR for NAME from A to B` (tool summation): the index runs over the integers A..B (oo allowed)."""

    expression: Expr
    variable: str
    lower: Expr
    upper: Expr


@dataclass
class Matrix(Node):
    operation: str
    rows: list[list[Expr]]


@dataclass
class Assignment(Node):
    name: str
    value: Expr


@dataclass
class Evaluate(Node):
    expression: Expr
    at: list[Assignment] = field(default_factory=list)
    digits: Decimal | None = None


# ---------------------------------------------------------------- proportions, summary figures, power


@dataclass
class ProportionTest(Node):
    """`proptest x of n [and x of n]`: one proportion against p0, or two compared (tool proportion_test)."""

    x: list[Decimal]
    n: list[Decimal]
    p0: Decimal | None = None
    method: str | None = None
    alternative: str | None = None
    confidence: Decimal | None = None
    correction: bool | None = None  # None: the tool's default (no continuity correction)


@dataclass
class SummarySample(Node):
    """`mean M sd S size N`: one sample's summary figures."""

    mean: Decimal
    sd: Decimal
    n: Decimal


@dataclass
class SummaryTTest(Node):
    """`summary ttest KIND mean .. sd .. size .. [and mean .. sd .. size ..]` (tool summary_t_test)."""

    kind: str
    x: SummarySample
    y: SummarySample | None = None
    mu: Decimal | None = None
    alternative: str | None = None
    confidence: Decimal | None = None


@dataclass
class SummaryChart(Node):
    """`summary chart xbar_r|xbar_s subgroup N mean M rbar R|sbar S [subgroups K]`: limits from summary figures."""

    chart: str
    n: Decimal
    mean: Decimal
    spread: str  # rbar or sbar
    value: Decimal
    subgroups: Decimal | None = None


@dataclass
class SummaryCountChart(Node):
    """`summary chart p|np|c|u [subgroup N] total T subgroups K`: limits from the total count over K equal subgroups
    (tool summary_chart)."""

    chart: str
    total: Decimal
    subgroups: Decimal
    n: Decimal | None = None


@dataclass
class SummaryCapability(Node):
    """`summary capability mean M (sd S | rbar R subgroup N | sbar S subgroup N) [sigma overall|within]
    [sigma_within W] [lsl ..] [usl ..] [target ..]`."""

    mean: Decimal
    sd: Decimal | None
    lsl: Decimal | None = None
    usl: Decimal | None = None
    target: Decimal | None = None
    sigma: str | None = None
    sigma_within: Decimal | None = None
    spread: str | None = None  # rbar or sbar: the within sigma is spread_value / d2 or c4 of the subgroup size
    spread_value: Decimal | None = None
    subgroup: Decimal | None = None


@dataclass
class Power(Node):
    """`power KIND effect .. | delta .. sd .. | means [..] sd .. | p1 .. p2 .., size N | for power P, [alpha ..] ...`
    (tool power)."""

    kind: str
    effect: Decimal | None = None
    delta: Decimal | None = None
    sd: Decimal | None = None
    p1: Decimal | None = None
    p2: Decimal | None = None
    n: Decimal | None = None
    power: Decimal | None = None
    alpha: Decimal | str | None = None
    alternative: str | None = None
    groups: Decimal | None = None
    ratio: Decimal | None = None
    method: str | None = None
    means: Values | None = None  # anova: hypothesised group means (with sd)
    cost: Decimal | None = None  # the cost of one unit measured: the result adds the total


@dataclass
class SampleSize(Node):
    """`samplesize mean|proportion margin E | width W, [sd S] [p P] [confidence C] [method z|t] [population N] [cost K]`
    (tool sample_size_ci): the n that estimates a mean or a proportion to within ± E."""

    target: str
    margin: Decimal | None = None
    width: Decimal | None = None
    sd: Decimal | None = None
    p: Decimal | None = None
    confidence: Decimal | None = None
    method: str | None = None
    population: Decimal | None = None
    cost: Decimal | None = None  # the cost of one unit measured: the result adds the total


Action = (
    Design | Analyze | Properties | Curvature | Surface | Chart | RunRules | Capability | Constants | TTest | RankTest
    | AnovaOneWay | AnovaTwoWay | Levene | VarianceTest | Correlation | Kruskal | Normality | ChiSquare | Regression | Describe | Derivative
    | Friedman | McNemar | Integral | Solve | Simplify | Limit | Extrema | Series | Summation | Matrix | Evaluate
    | ProportionTest | SummaryTTest | SummaryCapability | SummaryChart | SummaryCountChart | Power | SampleSize
)


@dataclass
class Let(Node):
    """`let NAME = value`: the value's result (or data) is kept under NAME for later statements."""

    name: str
    value: Action | Source


Statement = Action | Let


@dataclass
class Program(Node):
    statements: list[Statement] = field(default_factory=list)
    closing_comments: list[str | None] = field(default_factory=list, compare=False, repr=False)  # after the last statement
    source: str = field(default="<program>", compare=False, repr=False)
    text: str | None = field(default=None, compare=False, repr=False)  # for error carets
