"""`havoc-agent dsl run | check | fmt`, and every example program run end to end."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from havoc_agent.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_run_prints_tables(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    program = tmp_path / "p.havoc"
    program.write_text("describe [1, 2, 3, 4]\nchart imr [1, 2, 3, 2, 9] rules nelson\n")
    assert main(["dsl", "run", str(program)]) == 0
    out = capsys.readouterr().out
    assert "line 1 · describe" in out and "std_dev" in out
    assert "violations" in out and "rule" in out


def test_run_json_is_the_machine_form(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "d.csv").write_text("y\n1\n2\n4\n")
    program = tmp_path / "p.havoc"
    program.write_text('describe from "d.csv" column y\n')
    assert main(["dsl", "run", "--json", str(program)]) == 0
    (result,) = json.loads(capsys.readouterr().out)
    assert result["tool"] == "describe" and result["args"] == {"data": [1, 2, 4]} and result["output"]["n"] == 3


def test_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("constants for subgroup 5"))
    assert main(["dsl", "run", "--json", "-"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["output"]["d2"] == pytest.approx(2.326)


def test_syntax_error_exit_2_with_caret_and_no_traceback(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    program = tmp_path / "bad.havoc"
    program.write_text("describe [1, 2]\ndesign box_behnken {\n    factor temperature 150 .. \n}\n")
    assert main(["dsl", "check", str(program)]) == 2
    err = capsys.readouterr().err
    assert err.splitlines()[0] == f"{program}:4:1: syntax error"
    assert "^" in err and "expected a number after `150 ..`" in err and "Traceback" not in err


def test_semantic_and_runtime_errors_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    program = tmp_path / "bad.havoc"
    program.write_text("describe x\n")
    assert main(["dsl", "run", str(program)]) == 2
    assert "1:10: error" in capsys.readouterr().err
    program.write_text("describe [1]\n")
    assert main(["dsl", "run", str(program)]) == 2
    assert "describe:" in capsys.readouterr().err


def test_missing_file_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["dsl", "run", str(tmp_path / "none.havoc")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_check_and_fmt(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    program = tmp_path / "p.havoc"
    program.write_text("# keep me\nDESCRIBE [1,2,3]   # and me\n")
    assert main(["dsl", "check", str(program)]) == 0
    assert "ok (1 statement)" in capsys.readouterr().out
    assert main(["dsl", "fmt", str(program)]) == 0
    assert capsys.readouterr().out == "# keep me\ndescribe [1, 2, 3]  # and me\n"
    assert main(["dsl", "fmt", "--check", str(program)]) == 1
    assert main(["dsl", "fmt", "--write", str(program)]) == 0
    assert program.read_text() == "# keep me\ndescribe [1, 2, 3]  # and me\n"
    assert main(["dsl", "fmt", "--check", str(program)]) == 0


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.havoc")), ids=lambda p: p.name)
def test_every_example_runs(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dsl", "run", "--json", str(path)]) == 0, capsys.readouterr().err
    results = json.loads(capsys.readouterr().out)
    assert results and all(r["output"] for r in results)


def test_every_example_in_the_reference_parses() -> None:
    import re

    import dsl

    reference = (Path(__file__).resolve().parents[2] / "docs" / "dsl.md").read_text()
    blocks = re.findall(r"```havoc\n(.*?)```", reference, re.S)
    inline = re.findall(r"^\| `[^`]+` \| `([^`]+)` \| `[a-z_]+` \|$", reference, re.M)  # the symbolic table
    assert len(blocks) >= 15 and len(inline) == 10
    for text in blocks + inline:
        program = dsl.parse(text, source="docs/dsl.md")
        assert dsl.parse(dsl.format(program)) == program


def test_every_example_in_the_reference_runs_against_the_shipped_data() -> None:
    """The reference is read top to bottom as one session: each block may use the names bound above it."""
    import re

    import dsl

    reference = (Path(__file__).resolve().parents[2] / "docs" / "dsl.md").read_text()
    blocks = re.findall(r"```havoc\n(.*?)```", reference, re.S)
    inline = re.findall(r"^\| `[^`]+` \| `([^`]+)` \| `[a-z_]+` \|$", reference, re.M)
    env: dict = {}
    ran = 0
    for text in blocks + inline:
        ran += len(dsl.execute(dsl.parse(text, source="docs/dsl.md"), base_dir=EXAMPLES / "data", env=env))
    assert ran >= 50


def test_longley_from_csv_keeps_nine_digits_of_the_certified_coefficients() -> None:
    """The reference's Longley CSV goes through decimal text to the engine and meets NIST's certified values."""
    import dsl

    certified = [-3482258.63459582, 15.0618722713733, -0.035819179292591, -2.02022980381683,
                 -1.03322686717359, -0.0511041056535807, 1829.15146461355]
    program = dsl.parse('regression from "longley.csv" column y on columns x1, x2, x3, x4, x5, x6')
    (result,) = dsl.execute(program, base_dir=EXAMPLES / "data")
    for got, want in zip(result.output["coefficients"], certified, strict=True):
        assert got == pytest.approx(want, rel=1e-9)


def test_responses_in_run_order_are_put_back_in_standard_order() -> None:
    """runs.csv holds Montgomery's filtration rates in the order a seeded run sheet ran them."""
    import dsl

    program = dsl.parse('let filtration = design full_factorial { factors 4 randomize seed 7 }\n'
                        'analyze filtration with response from "runs.csv" column rate in run order')
    effects = dsl.execute(program, base_dir=EXAMPLES / "data")[-1].output["effects"]
    assert effects["A"] == pytest.approx(21.625) and effects["AC"] == pytest.approx(-18.125)
    assert effects["AD"] == pytest.approx(16.625) and effects["AB"] == pytest.approx(0.125)


def test_run_json_keeps_the_results_before_a_failing_statement(capsys: pytest.CaptureFixture[str],
                                                               tmp_path: Path) -> None:
    program = tmp_path / "p.havoc"
    program.write_text("describe [1, 2, 3]\nsimplify x^2 - 1 method factor\nlet d = [1]\n"
                       "describe d\ndescribe [4, 5]\n")
    assert main(["dsl", "run", "--json", str(program)]) == 2
    captured = capsys.readouterr()
    out = json.loads(captured.out)
    assert [r["statement"] for r in out["results"]] == ["describe [1, 2, 3]", "simplify x^2 - 1 method factor"]
    assert out["results"][1]["output"]["result"] == "(x - 1)*(x + 1)"
    error = out["error"]
    assert (error["line"], error["column"], error["statement_index"]) == (4, 1, 3)
    assert error["statement"] == "describe d" and error["kind"] == "error" and error["source"] == str(program)
    assert error["message"].startswith("describe: data: needs at least 2 observations")
    assert f"{program}:4:1: error" in captured.err and "Traceback" not in captured.err


def test_run_tables_show_the_results_before_a_failing_statement(capsys: pytest.CaptureFixture[str],
                                                                tmp_path: Path) -> None:
    program = tmp_path / "p.havoc"
    program.write_text("constants for subgroup 5\ndescribe [1]\n")
    assert main(["dsl", "run", str(program)]) == 2
    captured = capsys.readouterr()
    assert "line 1 · spc_constants" in captured.out and "d2" in captured.out
    assert f"{program}:2:1: error" in captured.err


@pytest.mark.parametrize(("text", "kind", "where", "index"), [
    ("describe [1, 2, 3]\ndescribe x\n", "error", (2, 10), 1),  # found by the check: nothing ran
    ("describe [1, 2, 3]\ndescribe [1,\n", "syntax error", (2, 13), None),
])
def test_run_json_errors_before_running_have_no_results(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                        text: str, kind: str, where: tuple, index: int | None) -> None:
    program = tmp_path / "p.havoc"
    program.write_text(text)
    assert main(["dsl", "run", "--json", str(program)]) == 2
    out = json.loads(capsys.readouterr().out)
    assert out["results"] == []
    assert out["error"]["kind"] == kind and (out["error"]["line"], out["error"]["column"]) == where
    assert out["error"]["statement_index"] == index and out["error"]["statement"].startswith("describe ")


def test_execute_error_carries_index_and_earlier_results() -> None:
    import dsl

    with pytest.raises(dsl.DslRuntimeError) as info:
        dsl.execute(dsl.parse("describe [1, 2]\nlet t = [1]\nconstants for subgroup 4\ndescribe t\n"))
    assert info.value.index == 3
    assert [r.tool for r in info.value.results] == ["describe", "spc_constants"]
