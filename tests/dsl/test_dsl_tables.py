"""The parser's compiled tables are saved beside the grammar and loaded next time; bad tables are rebuilt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import dsl
from dsl import parser

REPO = Path(__file__).resolve().parents[2]
PROGRAM = "let d = design box_behnken { factors 3 center_points 3 }\nchart imr [1, 2, 3, 4] rules nelson"


def _fresh_parse() -> subprocess.CompletedProcess:
    code = f"import dsl\nprint(len(dsl.parse({PROGRAM!r}).statements))"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120)


def test_saved_tables_parse_like_the_grammar() -> None:
    tables = parser._tables_path(parser.GRAMMAR_PATH.read_text(encoding="utf-8"))
    first = _fresh_parse()
    assert first.returncode == 0 and first.stdout.strip() == "2", first.stderr
    assert tables.is_file()
    second = _fresh_parse()  # loads the saved tables
    assert second.stdout == first.stdout and not second.stderr


def test_corrupt_tables_are_rebuilt_silently() -> None:
    tables = parser._tables_path(parser.GRAMMAR_PATH.read_text(encoding="utf-8"))
    tables.write_bytes(b"not a pickle")
    out = _fresh_parse()
    assert out.returncode == 0 and out.stdout.strip() == "2" and not out.stderr, out.stderr
    assert tables.read_bytes() != b"not a pickle"


def test_the_key_follows_the_grammar() -> None:
    grammar = parser.GRAMMAR_PATH.read_text(encoding="utf-8")
    assert parser._tables_path(grammar) != parser._tables_path(grammar + "\n// edited\n")
    assert len(dsl.parse(PROGRAM).statements) == 2
