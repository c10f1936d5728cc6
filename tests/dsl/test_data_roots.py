"""Several data directories (`data_root=(first, second)`): the first that holds a name wins, and a
name that leads out of any of them is refused, even when a later one would hold it."""

from __future__ import annotations

from pathlib import Path

import pytest

import dsl
from dsl.files import OutsideDataRoot, file_access, resolve
from tools.errors import HavocInputError


@pytest.fixture
def roots(tmp_path: Path) -> tuple[Path, Path, Path]:
    first, second, outside = tmp_path / "uploads", tmp_path / "operator", tmp_path / "outside"
    for folder in (first, second, outside):
        folder.mkdir()
    (first / "both.csv").write_text("y\n10\n20\n")
    (second / "both.csv").write_text("y\n1\n2\n")
    (second / "only_second.csv").write_text("y\n5\n7\n")
    (outside / "secret.csv").write_text("y\n99\n")
    (first / "link.csv").symlink_to(outside / "secret.csv")
    (second / "inside_link.csv").symlink_to(second / "only_second.csv")
    return first, second, outside


def mean(program: str, data_root) -> float:
    return dsl.execute(dsl.parse(program), data_root=data_root)[0].output["mean"]


def test_the_first_root_that_holds_a_name_wins(roots):
    first, second, _ = roots
    assert mean('describe from "both.csv" column y', (first, second)) == 15
    assert mean('describe from "both.csv" column y', (second, first)) == 1.5
    assert mean('describe from "only_second.csv" column y', (first, second)) == 6
    assert mean('describe from "inside_link.csv" column y', (first, second)) == 6  # a link that stays inside


@pytest.mark.parametrize("name", ["link.csv", "../outside/secret.csv", "SECRET_ABS", "~/secret.csv"])
def test_a_name_that_leads_out_is_refused(roots, name):
    first, second, outside = roots
    name = str(outside / "secret.csv") if name == "SECRET_ABS" else name
    with pytest.raises(OutsideDataRoot, match="data directories of this service"):
        resolve(name, None, (first, second))


def test_not_there_is_not_a_refusal(roots):
    first, second, _ = roots
    with pytest.raises(HavocInputError, match="no such file: nowhere.csv") as info:
        resolve("nowhere.csv", None, (first, second))
    assert not isinstance(info.value, OutsideDataRoot)


def test_no_roots_reads_nothing(roots):
    first, _, _ = roots
    with file_access(()), pytest.raises(HavocInputError, match="reads no data files"):
        dsl.execute(dsl.parse('describe from "both.csv" column y'))
    with file_access((first,)):
        assert mean('describe from "both.csv" column y', dsl.files.Access.AMBIENT) == 15
