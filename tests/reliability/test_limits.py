"""The execution envelope and the edge: every refused input is one line naming the field, exit 2."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import dsl
from havoc_agent.cli import main
from tools.errors import HavocInputError
from tools.limits import check_arguments, limits
from tools.registry import run_tool


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    err = capsys.readouterr().err
    return code, err


def _one_clean_line(err: str) -> None:
    assert "Traceback" not in err and "internal error" not in err
    assert len(err.strip().splitlines()) == 1, err


def test_plackett_burman_of_100000_runs_is_refused_before_any_work(capsys) -> None:
    code, err = _cli(capsys, "tool", "run", "doe_design", "--args",
                     '{"design": "plackett_burman", "factors": 3, "runs": 100000}')
    assert code == 2
    _one_clean_line(err)
    assert "runs" in err and f"{limits().max_runs:,}" in err


def test_the_same_design_through_the_dsl_is_refused(tmp_path: Path, capsys) -> None:
    program = tmp_path / "pb.havoc"
    program.write_text("design plackett_burman {\n    factors 3\n    runs 100000\n}\n")
    code, err = _cli(capsys, "dsl", "run", str(program))
    assert code == 2 and "runs" in err and "Traceback" not in err


def test_limits_are_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HAVOC_MAX_DATA_POINTS", "5")
    with pytest.raises(HavocInputError, match=r"^data: 6 values is more than the limit of 5 \(HAVOC_MAX_DATA_POINTS\)$"):
        run_tool("describe", {"data": [1, 2, 3, 4, 5, 6]})
    monkeypatch.setenv("HAVOC_MAX_FACTORS", "3")
    with pytest.raises(HavocInputError, match="factors: 4 factors is more than the limit of 3"):
        run_tool("doe_design", {"design": "full_factorial", "factors": 4})
    monkeypatch.setenv("HAVOC_MAX_RUNS", "oops")
    with pytest.raises(HavocInputError, match="HAVOC_MAX_RUNS: expected a whole number"):
        limits()


def test_a_full_factorial_past_the_run_limit_names_the_setting() -> None:
    with pytest.raises(HavocInputError, match=r"factors: a 2\^13 full factorial .* \(HAVOC_MAX_RUNS\)"):
        run_tool("doe_design", {"design": "full_factorial", "factors": 13})


def test_work_past_the_memory_cap_is_a_clean_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """A size that passes the limits but not the worker's memory cap: one line, the worker killed, no OOM."""
    from tools import worker

    monkeypatch.setenv("HAVOC_WORKER_MEMORY_MB", "64")
    worker.shutdown()  # workers already running keep their old cap
    try:  # a 4092 x 4092 Hadamard matrix (Paley I) is 134 MB of float64
        with pytest.raises(HavocInputError, match="ran out of memory .*HAVOC_WORKER_MEMORY_MB"):
            run_tool("doe_design", {"design": "plackett_burman", "factors": 3, "runs": 4092})
    finally:
        worker.shutdown()


def test_nesting_and_text_are_checked_before_validation() -> None:
    deep: object = 1
    for _ in range(40):
        deep = [deep]
    with pytest.raises(HavocInputError, match="nested more than"):
        check_arguments({"data": deep})
    with pytest.raises(HavocInputError, match="^label: text holds an invalid character"):
        run_tool("describe", {"data": [1, 2], "label": "\ud800"})
    with pytest.raises(HavocInputError, match="HAVOC_MAX_STRING_CHARS"):
        check_arguments({"expression": "x" * (limits().max_string_chars + 1)})


@pytest.mark.parametrize(("args", "words"), [
    ('{"data": [1e999999999999]}', "out of range"),
    ('{"data": [' + "1" * 5000 + "]}", "longer than the limit"),
    ('{"data": [NaN, 1]}', "NaN is not a JSON number"),
    ("[" * 100000 + "]" * 100000, "nested too deeply"),
])
def test_json_numbers_and_depth_have_explicit_limits(capsys, args: str, words: str) -> None:
    code, err = _cli(capsys, "tool", "run", "describe", "--args", args)
    assert code == 2 and words in err
    _one_clean_line(err)


def test_tukey_confidence_outside_the_quantile_range_is_bad_input(capsys) -> None:
    code, err = _cli(capsys, "tool", "run", "anova_oneway", "--args",
                     '{"groups": [[1, 2, 3], [4, 5, 6.5]], "confidence": 1e-20}')
    assert code == 2 and err.startswith("error: confidence: ")
    _one_clean_line(err)


def test_args_from_an_endless_file_are_cut_at_the_limit(capsys) -> None:
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    code, err = _cli(capsys, "tool", "run", "describe", "--args", "@/dev/zero")
    assert code == 2 and "HAVOC_MAX_FILE_MB" in err


def test_an_invalid_utf8_question_is_refused(capsys) -> None:
    question = b"mean of 1 2 \xff 3".decode("utf-8", "surrogateescape")  # what argv holds for such bytes
    code, err = _cli(capsys, "ask", question)
    assert code == 2 and err.startswith("error: question: is not valid UTF-8 text")


def test_over_long_programs_and_paths_in_dsl_check(tmp_path: Path, capsys) -> None:
    long_path = tmp_path / "p.havoc"
    long_path.write_text(f'describe from "{"a" * 300}.csv" column x\n')
    code, err = _cli(capsys, "dsl", "check", str(long_path))
    assert code == 2 and "File name too long" in err and "internal error" not in err
    big = tmp_path / "big.havoc"
    big.write_text('let s = "' + "a" * 1_000_000 + '"\n')
    code, err = _cli(capsys, "dsl", "check", str(big))
    assert code == 2 and "HAVOC_MAX_PROGRAM_CHARS" in err


# ----------------------------------------------------------------- confinement

@pytest.fixture()
def data_dir(tmp_path: Path) -> Path:
    inside = tmp_path / "data"
    inside.mkdir()
    (inside / "ok.csv").write_text("y\n1\n2\n")
    (tmp_path / "secret.csv").write_text("y\n7\n8\n9\n")
    (inside / "link.csv").symlink_to(tmp_path / "secret.csv")
    return inside


def _describe(name: str) -> dsl.Program:
    return dsl.parse(f'describe from "{name}" column y')


@pytest.mark.parametrize("name", ["../secret.csv", "{tmp}/secret.csv", "link.csv", "~/secret.csv",
                                  "./../data/../secret.csv"])
def test_a_data_root_cannot_be_left(data_dir: Path, name: str) -> None:
    name = name.replace("{tmp}", str(data_dir.parent))
    assert dsl.execute(_describe("ok.csv"), data_root=data_dir)[0].output["n"] == 2
    with pytest.raises(dsl.DslError, match="data files are read from"):
        dsl.execute(_describe(name), data_root=data_dir)


def test_no_data_root_reads_no_file(data_dir: Path) -> None:
    with pytest.raises(dsl.DslError, match="reads no data files"):
        dsl.check(_describe(str(data_dir / "ok.csv")), data_root=None)
    with dsl.file_access(None), pytest.raises(dsl.DslError, match="reads no data files"):
        run_tool("dsl_run", {"program": f'describe from "{data_dir / "ok.csv"}" column y'})


def test_dsl_run_takes_no_base_dir_from_its_caller(capsys) -> None:
    code, err = _cli(capsys, "tool", "run", "dsl_run", "--args",
                     '{"program": "describe from \\"etc/passwd\\" column root", "base_dir": "/"}')
    assert code == 2 and err.startswith("error: base_dir: is not an argument")
