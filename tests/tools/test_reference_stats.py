"""Every certified statistics case (shared references and tests/data/nist) through the tool registry.

Inputs are parsed with parse_float=Decimal, as the CLI does, so the decimal text reaches the engine.
New files of these kinds are picked up by globbing; each file's own tolerance decides pass or fail.
"""

from __future__ import annotations

import json
import math
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tools.numeric import log_relative_error
from tools.registry import run_tool

HERE = Path(__file__).resolve().parent
LOCAL = HERE.parent / "data" / "nist"
SHARED = HERE.parent.parent.parent / "shared" / "reference"

KINDS = {
    "univariate_summary": ("describe", {}),
    "anova_oneway": ("anova_oneway", {}),
    "anova_twoway": ("anova_twoway", {}),
    "linear_regression": ("regression", {}),
    "ttest_paired": ("t_test", {"kind": "paired"}),
    "ttest_one_sample": ("t_test", {"kind": "one_sample"}),
    "ttest_pooled": ("t_test", {"kind": "pooled"}),
    "ttest_welch": ("t_test", {"kind": "welch"}),
}


def _cases() -> list[Path]:
    files = sorted(LOCAL.glob("*.json")) + (sorted(SHARED.glob("*.json")) if SHARED.is_dir() else [])
    out = []
    for f in files:
        kind = json.loads(f.read_text()).get("kind")
        if kind in KINDS:
            out.append(f)
    return out


def _actual(result: dict[str, Any], key: str) -> Any:
    if key in ("ci95", "ci") and "ci_low" in result:
        return [result["ci_low"], result["ci_high"]]
    assert key in result, f"result has no field {key!r}"
    return result[key]


def _half_unit(expected: Decimal, decimals: int | None) -> float:
    exponent = -decimals if decimals is not None else expected.as_tuple().exponent
    return 0.5 * 10.0**exponent


def _check(name: str, key: str, got: Any, want: Any, tol: dict[str, Any]) -> None:
    if isinstance(want, list):
        assert isinstance(got, list) and len(got) == len(want), f"{name}.{key}: shape {got!r} vs {want!r}"
        for i, (g, w) in enumerate(zip(got, want, strict=True)):
            _check(name, f"{key}[{i}]", g, w, tol)
        return
    if isinstance(want, str):  # "Infinity"
        assert math.isinf(float(got)) and float(got) == float(want), f"{name}.{key}: {got} vs {want}"
        return
    if isinstance(want, int) and not isinstance(want, bool):
        assert got == want, f"{name}.{key}: {got} vs {want}"
        return
    metric = tol["metric"]
    if metric == "lre":
        digits = log_relative_error(got, want)
        assert digits >= tol["min_digits"], f"{name}.{key}: {got!r} vs certified {want} ({digits:.1f} digits)"
    elif metric == "abs_half_unit_last_printed_digit":
        decimals = (tol.get("decimals") or {}).get(key.split("[")[0])
        allowed = _half_unit(Decimal(want), decimals) * (1 + 1e-9)
        assert abs(float(got) - float(want)) <= allowed, f"{name}.{key}: {got!r} vs printed {want} (± {allowed:g})"
    elif metric == "abs":
        assert abs(float(got) - float(want)) <= float(tol["abs"]), f"{name}.{key}: {got!r} vs {want}"
    else:  # pragma: no cover - a new metric must be taught here first
        pytest.fail(f"{name}: unknown tolerance metric {metric!r}")


@pytest.mark.parametrize("path", _cases(), ids=lambda p: p.stem)
def test_certified_case(path: Path) -> None:
    case = json.loads(path.read_text(), parse_float=Decimal)
    tool, extra = KINDS[case["kind"]]
    result = run_tool(tool, {**case["input"], **extra})
    for key, want in case["expected"].items():
        _check(case["name"], key, _actual(result, key), want, case["tolerance"])


@pytest.mark.parametrize("path", [p for p in _cases() if p.stem.startswith("strd_")], ids=lambda p: p.stem)
def test_certified_case_from_plain_floats(path: Path) -> None:
    """Python floats (json.loads without parse_float) still carry the decimal text in their repr."""
    case = json.loads(path.read_text(), parse_float=Decimal)
    plain = json.loads(path.read_text())
    tool, extra = KINDS[case["kind"]]
    result = run_tool(tool, {**plain["input"], **extra})
    for key, want in case["expected"].items():
        _check(case["name"], key, _actual(result, key), want, case["tolerance"])


def test_the_shared_and_local_cases_are_found() -> None:
    names = {p.stem for p in _cases()}
    assert {"strd_lls_Filip", "strd_lls_Wampler5", "strd_univ_NumAcc4", "strd_anova_SmLs07"} <= names
    if SHARED.is_dir():
        assert {"strd_lls_Longley", "strd_univ_Lew", "stats_ttest_sleep_paired"} <= names


def test_binary_input_of_smls07_is_capped_but_decimal_text_is_not() -> None:
    """The point of reading decimal text: the same data as numpy floats cannot reach 9 digits."""
    import numpy as np

    case = json.loads((LOCAL / "strd_anova_SmLs07.json").read_text(), parse_float=Decimal)
    as_text = run_tool("anova_oneway", case["input"])
    as_binary = run_tool("anova_oneway", {"groups": [np.array([float(v) for v in g]) for g in case["input"]["groups"]]})
    want = float(case["expected"]["between_ss"])
    assert log_relative_error(as_text["between_ss"], want) >= 13
    assert log_relative_error(as_binary["between_ss"], want) < 9
