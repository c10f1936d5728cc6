"""X̄–R and X̄–S chart limits from summary figures: the grand mean, the subgroup size and R̄ or s̄.

Why its own tool: "after 25 hours of subgroups of 4 the grand average is 25.02 and the average range 0.21 — what
are the limits?" is the textbook way limits are set up and handed over; the subgroups themselves are often not
pasted. `control_chart` needs the data; this tool needs only the figures, and says which constants it used.

    X̄ chart:  centre X̿, limits X̿ ± A2·R̄   (or X̿ ± A3·s̄)
    R chart:  centre R̄, limits D3·R̄ and D4·R̄
    S chart:  centre s̄, limits B3·s̄ and B4·s̄
    σ within: R̄/d2 (or s̄/c4)

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

    chart: Literal["xbar_r", "xbar_s"] = Field(description="xbar_r (with R-bar) or xbar_s (with s-bar)")
    n: int = Field(ge=2, le=100, description="subgroup size")
    grand_mean: float = Field(allow_inf_nan=False, description="the grand mean X-double-bar: the mean of the subgroup "
                                                               "means")
    r_bar: float | None = Field(None, gt=0, allow_inf_nan=False, description="the average subgroup range (xbar_r)")
    s_bar: float | None = Field(None, gt=0, allow_inf_nan=False, description="the average subgroup standard deviation "
                                                                             "(xbar_s)")
    subgroups: int | None = Field(None, ge=1, description="how many subgroups the figures come from (reported)")
    constants: ConstantsSource = Field("table", description="table: the published 3-decimal table; exact: "
                                                            "numerical integration")

    @model_validator(mode="after")
    def _spread_matches_chart(self) -> SummaryChartArgs:
        if self.chart == "xbar_r" and (self.r_bar is None or self.s_bar is not None):
            raise HavocInputError("an X̄–R chart from summary figures takes r_bar (the average range), not s_bar",
                                  field="r_bar")
        if self.chart == "xbar_s" and (self.s_bar is None or self.r_bar is not None):
            raise HavocInputError("an X̄–S chart from summary figures takes s_bar (the average standard "
                                  "deviation), not r_bar", field="s_bar")
        return self


class SummaryChartResult(BaseModel):
    chart: str
    n: int
    subgroups: int | None
    xbar: ChartLimits = Field(description="the X̄ chart")
    spread: ChartLimits = Field(description="the R chart (xbar_r) or the S chart (xbar_s)")
    spread_chart: Literal["R", "S"]
    sigma_within: float = Field(description="R-bar/d2 or s-bar/c4: the within-subgroup sigma the limits imply")
    constants_used: dict[str, float]
    constants: ConstantsSource
    source: str


@register("summary_chart", SummaryChartArgs)
def summary_chart(args: SummaryChartArgs) -> SummaryChartResult:
    """X̄–R or X̄–S control limits from summary figures: grand mean, subgroup size and R-bar or s-bar."""
    n = args.n
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
