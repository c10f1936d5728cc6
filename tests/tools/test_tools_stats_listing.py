"""`havoc-agent tool list` shows the statistics tools users ask for by name, each with a one-line description."""

from __future__ import annotations

import json

import pytest

from havoc_agent.cli import main


def test_tool_list_names_correlation_and_variance_test(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tool", "list", "--json"]) == 0
    listed = {t["name"]: t["description"] for t in json.loads(capsys.readouterr().out)}
    assert listed["correlation"].startswith("Correlation of paired x and y: Pearson r, Spearman rho or Kendall tau-b")
    assert listed["variance_test"].startswith("Equal variances under normality: the F test of two variances")
    assert "Welch" in listed["anova_oneway"]
    for name in ("correlation", "variance_test", "anova_oneway"):
        assert "\n" not in listed[name] and len(listed[name]) < 140
    assert main(["tool", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith("correlation ") and "Kendall" in line for line in lines)
    assert any(line.startswith("variance_test ") and "Bartlett" in line for line in lines)


def test_tool_describe_gives_the_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tool", "describe", "variance_test"]) == 0
    schema = json.loads(capsys.readouterr().out)["args"]["properties"]
    assert set(schema) == {"groups", "method", "alternative", "confidence", "alpha"}
    assert schema["method"]["enum"] == ["f", "bartlett"]
    assert main(["tool", "describe", "correlation"]) == 0
    schema = json.loads(capsys.readouterr().out)["args"]["properties"]
    assert set(schema) == {"x", "y", "method", "alternative", "confidence", "alpha"}
    assert schema["method"]["enum"] == ["pearson", "spearman", "kendall"]
