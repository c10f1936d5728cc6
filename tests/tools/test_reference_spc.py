"""Every certified SPC case in ../shared/reference, through the tool registry, at the file's own tolerance.

The directory is read at collection time, so new files of these kinds are
picked up without touching this test. Numbers are read as Decimal so the
"half a unit of the last printed digit" tolerance comes from the printed text.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tools.registry import run_tool

REFERENCE = Path(__file__).resolve().parents[2].parent / "shared" / "reference"
KINDS = ("spc_capability", "spc_constants", "spc_c_u", "spc_p_np", "spc_xbar_r", "spc_run_rules")


def _load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(), parse_float=Decimal)


def _cases() -> list[Any]:
    if not REFERENCE.is_dir():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"no references at {REFERENCE}"))]
    found = []
    for path in sorted(REFERENCE.glob("*.json")):
        case = _load(path)
        if case.get("kind") in KINDS:
            found.append(pytest.param(path, id=path.stem))
    return found


def _half_unit(printed: Any, decimals: int | None = None) -> float:
    """Half a unit of the last printed digit (plus 1e-9, as the references say)."""
    if decimals is None:
        exponent = Decimal(str(printed)).as_tuple().exponent
        decimals = -exponent if isinstance(exponent, int) else 0
    return 0.5 * 10.0 ** (-decimals) + 1e-9


def _close(label: str, got: Any, want: Any, tol: float | None, failures: list[str]) -> None:
    """Compare a number or a per-point list; tol None means half a unit of each printed value."""
    if isinstance(want, list):
        if isinstance(got, (int, float)):
            got = [got] * len(want)  # a flat line printed point by point
        if not isinstance(got, list) or len(got) != len(want):
            failures.append(f"{label}: got {got}, certified {len(want)} values")
            return
        for i, (g, w) in enumerate(zip(got, want, strict=True)):
            _close(f"{label}[{i}]", g, w, tol, failures)
        return
    limit = _half_unit(want) if tol is None else tol
    if got is None or isinstance(got, list) or abs(float(got) - float(want)) > limit:
        failures.append(f"{label}: got {got}, certified {want} (tolerance {limit:.3g})")


def _one_based_exclude(inputs: dict[str, Any]) -> list[int]:
    return [int(i) - 1 for i in inputs.get("revised_phase1_exclude_samples_1based", [])]


# ---------------------------------------------------------------- per kind


def _check_xbar_r(case: dict[str, Any], failures: list[str]) -> None:
    inputs, expected = case["input"], case["expected"]
    base = {"chart": "xbar_r", "subgroups": inputs["phase1_subgroups"], "k_sigma": inputs.get("k_sigma", 3)}
    runs = {"": run_tool("control_chart", base)}
    if _one_based_exclude(inputs):
        runs["revised_"] = run_tool("control_chart", {**base, "exclude": _one_based_exclude(inputs)})
    if "phase2_subgroups" in inputs:
        with_new = run_tool("control_chart", {**base, "phase2_subgroups": inputs["phase2_subgroups"]})
        n1, n2 = len(inputs["phase1_subgroups"]), len(inputs["phase2_subgroups"])
        assert len(with_new["points"]) == n1 + n2 and with_new["phase2_start"] == n1
        for key in ("center", "lcl", "ucl", "sigma"):
            assert with_new[key] == runs[""][key], f"phase II data moved the phase I {key}"
    for key, want in expected.items():
        prefix = "revised_" if key.startswith("revised_") else ""
        result = runs[prefix]
        name = key.removeprefix(prefix)
        if name == "sigma_hat":
            got = result["sigma"]
        else:
            chart, field = name.split("_", 1)
            got = result[field] if chart == "xbar" else result["secondary"][field]
        _close(key, got, want, None, failures)


def _check_attribute(case: dict[str, Any], failures: list[str]) -> None:
    inputs, expected = case["input"], case["expected"]
    counts = inputs.get("counts", inputs.get("defectives"))
    base = {"counts": counts, "sizes": inputs["sizes"], "k_sigma": inputs.get("k_sigma", 3)}
    for key, want in expected.items():
        revised = key.startswith("revised_")
        chart, field = key.removeprefix("revised_").rsplit("_", 1)
        args = {**base, "chart": chart}
        if revised:
            args["exclude"] = _one_based_exclude(inputs)
        result = run_tool("control_chart", args)
        _close(key, result[field], want, None, failures)
    phase2 = inputs.get("phase2_defectives", inputs.get("phase2_counts"))
    if phase2 is not None:
        chart = "p"
        args = {**base, "chart": chart, "phase2_counts": phase2, "phase2_sizes": inputs.get("phase2_sizes")}
        before = run_tool("control_chart", {**base, "chart": chart})
        after = run_tool("control_chart", args)
        assert after["center"] == before["center"] and after["phase2_start"] == len(counts)
        assert len(after["points"]) == len(counts) + len(phase2)


_CAPABILITY_KEYS = {
    "Cp": "cp", "Cp_l": "cp_l", "Cp_u": "cp_u", "Cp_k": "cpk", "Cpm": "cpm",
    "Pp": "pp", "Pp_l": "pp_l", "Pp_u": "pp_u", "Pp_k": "ppk", "Ppm": "ppm",
}


def _capability_value(result: dict[str, Any], key: str) -> Any:
    if key in _CAPABILITY_KEYS:
        return result[_CAPABILITY_KEYS[key]]
    if key.endswith("_ci95"):
        return result["ci"].get(_CAPABILITY_KEYS[key.removesuffix("_ci95")])
    source, side = key.removesuffix("_pct").split("_", 1)  # e.g. exp / below_lsl
    ppm = result["ppm_expected"]["within"] if source == "exp" else result["ppm_observed"]
    return None if ppm[side] is None else ppm[side] / 1e4


def _check_capability(case: dict[str, Any], failures: list[str]) -> None:
    inputs, expected = case["input"], case["expected"]
    decimals = case["tolerance"].get("decimals_by_scenario")
    data = {"subgroups": inputs["phase1_subgroups"]} if "phase1_subgroups" in inputs else {"data": inputs["data"]}
    for i, (scenario, want_all) in enumerate(zip(inputs["scenarios"], expected["scenarios"], strict=True)):
        args = {**data, **{k: v for k, v in scenario.items() if v is not None}}
        if "confidence" in inputs:
            args["confidence"] = inputs["confidence"]
        result = run_tool("capability", args)
        for key, want in want_all.items():
            got = _capability_value(result, key)
            # qcc prints percentages to 2 significant digits, the indices to the scenario's decimals
            places = None if key.endswith("_pct") or decimals is None else decimals[i]
            if key.endswith("_ci95"):
                for end, (g, w) in enumerate(zip(got or [None, None], want, strict=True)):
                    _close(f"scenario {i} {key}[{end}]", g, w, _half_unit(w, places), failures)
            else:
                _close(f"scenario {i} {key}", got, want, _half_unit(want, places), failures)


def _check_constants(case: dict[str, Any], failures: list[str]) -> None:
    ns, expected, tolerance = case["input"]["n"], case["expected"], case["tolerance"]
    table_vs_exact = float(tolerance.get("table_vs_exact", 0.0015))
    exact_tol = float(tolerance.get("exact", 1e-7))
    for i, n in enumerate(ns):
        table = run_tool("spc_constants", {"n": n, "constants": "table"})
        exact = run_tool("spc_constants", {"n": n, "constants": "exact"})
        for name, values in expected.get("table", {}).items():
            _close(f"table {name}({n})", table[name], values[i], None, failures)
            _close(f"exact-vs-table {name}({n})", exact[name], values[i], table_vs_exact, failures)
        for name, values in expected.get("exact", {}).items():
            _close(f"exact {name}({n})", exact[name], values[i], exact_tol, failures)


def _check_run_rules(case: dict[str, Any], failures: list[str]) -> None:
    inputs = case["input"]
    base = 1 if inputs.get("index_base", 0) == 1 else 0
    for case_no, (rule_case, want) in enumerate(zip(inputs["cases"], case["expected"]["flagged"], strict=True)):
        result = run_tool(
            "run_rules",
            {
                "values": rule_case["x"],
                "center": inputs["center"],
                "sigma": inputs["sigma"],
                "k_sigma": inputs.get("k_sigma", 3),
                "rules": rule_case["rule_set"].replace("-", "_"),
            },
        )
        got = sorted(v["index"] + base for v in result["violations"] if v["rule"] == rule_case["rule"])
        if got != sorted(want):
            failures.append(f"case {case_no} ({rule_case['rule_set']} rule {rule_case['rule']}): {got} != {want}")


CHECKS = {
    "spc_xbar_r": _check_xbar_r,
    "spc_p_np": _check_attribute,
    "spc_c_u": _check_attribute,
    "spc_capability": _check_capability,
    "spc_constants": _check_constants,
    "spc_run_rules": _check_run_rules,
}


@pytest.mark.parametrize("path", _cases())
def test_certified_spc_case(path: Path) -> None:
    case = _load(path)
    failures: list[str] = []
    CHECKS[case["kind"]](case, failures)
    assert not failures, f"{path.name}:\n" + "\n".join(failures)
