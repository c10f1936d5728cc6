"""Control limits from summary figures: X̄–R and X̄–S from the grand mean, the subgroup size and R̄ or s̄; p, np, c
and u charts from the total count over a number of equal subgroups.

Why its own tool: "after 25 hours of subgroups of 4 the grand average is 25.02 and the average range 0.21 — what
are the limits?" is the textbook way limits are set up and handed over; the subgroups themselves are often not
pasted. `control_chart` needs the data; this tool needs only the figures, and says which constants it used.

    X̄ chart:  centre X̿, limits X̿ ± A2·R̄   (or X̿ ± A3·s̄)
    R chart:  centre R̄, limits D3·R̄ and D4·R̄
    S chart:  centre s̄, limits B3·s̄ and B4·s̄
    σ within: R̄/d2 (or s̄/c4)
    p / np:   p̄ = total / (k·n); np̄ ± 3·sqrt(np̄(1 − p̄)), p̄ ± 3·sqrt(p̄(1 − p̄)/n)
    c / u:    c̄ = total / k, c̄ ± 3·sqrt(c̄); ū = total / (k·n), ū ± 3·sqrt(ū/n)   (LCLs below 0 are 0)

Constants come from the published 3-decimal table (as Montgomery, ASTM MNL7 and Minitab print them) or, with
`constants: exact`, from numerical integration; `spc_constants` gives the same numbers.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from tools.errors import HavocInputError
from tools.registry import register
from tools.spc_constants import TABLE_MAX_N, ConstantsSource, exact_constants, table_constants


class ChartLimits(BaseModel):
    lcl: float
    center: float
    ucl: float


class SummaryChartArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    chart: Literal["xbar_r", "xbar_s", "p", "np", "c", "u"] = Field(
        description="xbar_r (with R-bar), xbar_s (with s-bar), or p, np, c, u (with the total count)")
    n: float | None = Field(None, gt=0, le=1e9, allow_inf_nan=False,
                            description="subgroup size (items for p and np, units inspected for u; not for c)")
    grand_mean: float | None = Field(None, allow_inf_nan=False, description="the grand mean X-double-bar: the mean of "
                                                                            "the subgroup means (X̄ charts)")
    total: float | None = Field(None, ge=0, allow_inf_nan=False, description="p, np: defectives over all the "
                                "subgroups; c, u: defects over all the subgroups")
    r_bar: float | None = Field(None, gt=0, allow_inf_nan=False, description="the average subgroup range (xbar_r)")
    s_bar: float | None = Field(None, gt=0, allow_inf_nan=False, description="the average subgroup standard deviation "
                                                                             "(xbar_s)")
    subgroups: int | None = Field(None, ge=1, description="how many subgroups the figures come from (reported)")
    constants: ConstantsSource = Field("table", description="table: the published 3-decimal table; exact: "
                                                            "numerical integration")

    @model_validator(mode="after")
    def _spread_matches_chart(self) -> SummaryChartArgs:
        if self.chart in ATTRIBUTE_CHARTS:
            if self.total is None or self.subgroups is None:
                raise HavocInputError(f"a {self.chart} chart from summary figures takes the total count and the number "
                                      "of subgroups", field="total" if self.total is None else "subgroups")
            if self.chart != "c" and self.n is None:
                raise HavocInputError(f"a {self.chart} chart needs the subgroup size n", field="n")
            if self.chart in ("p", "np") and (self.n != int(self.n) or self.total > self.n * self.subgroups):
                raise HavocInputError(f"{self.total:g} defectives cannot come from {self.subgroups} subgroups of "
                                      f"{self.n:g}", field="total")
            return self
        bad_n = self.n is None or self.n != int(self.n) or not 2 <= self.n <= 100
        if bad_n or self.grand_mean is None:
            raise HavocInputError("an X̄ chart from summary figures takes the subgroup size (2 to 100) and the grand "
                                  "mean", field="n" if bad_n else "grand_mean")
        if self.chart == "xbar_r" and (self.r_bar is None or self.s_bar is not None):
            raise HavocInputError("an X̄–R chart from summary figures takes r_bar (the average range), not s_bar",
                                  field="r_bar")
        if self.chart == "xbar_s" and (self.s_bar is None or self.r_bar is not None):
            raise HavocInputError("an X̄–S chart from summary figures takes s_bar (the average standard "
                                  "deviation), not r_bar", field="s_bar")
        return self


ATTRIBUTE_CHARTS = ("p", "np", "c", "u")


class SummaryChartResult(BaseModel):
    chart: str
    n: float | None
    subgroups: int | None
    xbar: ChartLimits | None = Field(None, description="the X̄ chart")
    spread: ChartLimits | None = Field(None, description="the R chart (xbar_r) or the S chart (xbar_s)")
    spread_chart: Literal["R", "S"] | None = None
    sigma_within: float | None = Field(None, description="R-bar/d2 or s-bar/c4: the within-subgroup sigma the limits "
                                                         "imply")
    attribute: ChartLimits | None = Field(None, description="the p, np, c or u chart (LCL 0 where the formula is below)")
    p_bar: float | None = Field(None, description="p and np: total / (subgroups × n)")
    c_bar: float | None = Field(None, description="c: total / subgroups")
    u_bar: float | None = Field(None, description="u: total / (subgroups × n)")
    constants_used: dict[str, float] = {}
    constants: ConstantsSource
    source: str


@register("summary_chart", SummaryChartArgs)
def summary_chart(args: SummaryChartArgs) -> SummaryChartResult:
    """Control limits from summary figures: X̄–R or X̄–S (grand mean, subgroup size, R-bar or s-bar), or p, np, c, u
    (total count over equal subgroups)."""
    if args.chart in ATTRIBUTE_CHARTS:
        return _attribute_chart(args)
    n = int(args.n)  # type: ignore[arg-type]
    if args.constants == "table" and n <= TABLE_MAX_N:
        row, source = table_constants(n), "published table (Montgomery Appendix VI / ASTM MNL7), 3 decimals"
    else:
        row, source = exact_constants(n), "exact: numerical integration of the normal range distribution"
    centre = args.grand_mean
    if args.chart == "xbar_r":
        r_bar = float(args.r_bar)  # type: ignore[arg-type]
        used = {"A2": float(row["A2"]), "D3": float(row["D3"]), "D4": float(row["D4"]), "d2": float(row["d2"])}
        xbar = ChartLimits(lcl=centre - used["A2"] * r_bar, center=centre, ucl=centre + used["A2"] * r_bar)
        spread = ChartLimits(lcl=used["D3"] * r_bar, center=r_bar, ucl=used["D4"] * r_bar)
        sigma, kind = r_bar / used["d2"], "R"
    else:
        s_bar = float(args.s_bar)  # type: ignore[arg-type]
        used = {"A3": float(row["A3"]), "B3": float(row["B3"]), "B4": float(row["B4"]), "c4": float(row["c4"])}
        xbar = ChartLimits(lcl=centre - used["A3"] * s_bar, center=centre, ucl=centre + used["A3"] * s_bar)
        spread = ChartLimits(lcl=used["B3"] * s_bar, center=s_bar, ucl=used["B4"] * s_bar)
        sigma, kind = s_bar / used["c4"], "S"
    return SummaryChartResult(chart=args.chart, n=n, subgroups=args.subgroups, xbar=xbar, spread=spread,
                              spread_chart=kind, sigma_within=sigma, constants_used=used, constants=args.constants,
                              source=source)


def _attribute_chart(args: SummaryChartArgs) -> SummaryChartResult:
    import math

    k, total, n = int(args.subgroups or 0), float(args.total or 0.0), args.n
    if args.chart in ("p", "np"):
        p_bar = total / (k * n)  # type: ignore[operator]
        if not 0 < p_bar < 1:
            raise HavocInputError(f"p-bar is {p_bar:g}: with none (or all) defective there are no limits to draw",
                                  field="total")
        scale = n if args.chart == "np" else 1.0
        half = 3 * math.sqrt(p_bar * (1 - p_bar) / n) * scale  # type: ignore[operator]
        centre = p_bar * scale  # type: ignore[operator]
        limits = ChartLimits(lcl=max(0.0, centre - half), center=centre, ucl=centre + half)
        return SummaryChartResult(chart=args.chart, n=n, subgroups=k, attribute=limits, p_bar=p_bar,
                                  constants=args.constants, source=f"p-bar = {total:g} / ({k} × {n:g})")
    if args.chart == "c":
        c_bar = total / k
        if c_bar <= 0:
            raise HavocInputError("c-bar is 0: with no defects there are no limits to draw", field="total")
        half = 3 * math.sqrt(c_bar)
        return SummaryChartResult(chart="c", n=None, subgroups=k, attribute=ChartLimits(
            lcl=max(0.0, c_bar - half), center=c_bar, ucl=c_bar + half), c_bar=c_bar, constants=args.constants,
            source=f"c-bar = {total:g} / {k}")
    u_bar = total / (k * n)  # type: ignore[operator]
    if u_bar <= 0:
        raise HavocInputError("u-bar is 0: with no defects there are no limits to draw", field="total")
    half = 3 * math.sqrt(u_bar / n)  # type: ignore[operator]
    return SummaryChartResult(chart="u", n=n, subgroups=k, attribute=ChartLimits(
        lcl=max(0.0, u_bar - half), center=u_bar, ucl=u_bar + half), u_bar=u_bar, constants=args.constants,
        source=f"u-bar = {total:g} / ({k} × {n:g})")
