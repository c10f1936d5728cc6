"""Statistical process control: control charts, run rules and the chart constants.

The work lives in small modules (`spc_constants`, `spc_rules`, `spc_data`,
`spc_charts`); importing this one registers their tools (`control_chart`,
`run_rules`, `spc_constants`, `summary_chart`) and gives in-process callers one place to import
from. Capability analysis is `tools.capability`.
"""

from __future__ import annotations

from tools.spc_charts import ControlChartArgs, ControlChartResult, SecondaryChart, control_chart
from tools.spc_constants import (
    SpcConstantsArgs,
    SpcConstantsResult,
    chart_factors,
    exact_c4,
    exact_d2,
    exact_d3,
    spc_constants,
    table_constants,
)
from tools.spc_rules import RunRulesArgs, RunRulesResult, Violation, Zones, run_rules, violations
from tools.spc_summary import SummaryChartArgs, SummaryChartResult, summary_chart

__all__ = [
    "ControlChartArgs",
    "ControlChartResult",
    "RunRulesArgs",
    "RunRulesResult",
    "SecondaryChart",
    "SpcConstantsArgs",
    "SpcConstantsResult",
    "SummaryChartArgs",
    "SummaryChartResult",
    "Violation",
    "Zones",
    "chart_factors",
    "control_chart",
    "exact_c4",
    "exact_d2",
    "exact_d3",
    "run_rules",
    "spc_constants",
    "summary_chart",
    "table_constants",
    "violations",
]
