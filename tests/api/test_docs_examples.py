"""Every curl, Python and JavaScript example in docs/api.md runs against a real server and does what it says."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"
BLOCK = re.compile(r"```(bash|python|javascript)\n(.*?)```", re.S)
DOC_URL = "http://127.0.0.1:8000"


def examples() -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2)) for m in BLOCK.finditer(DOC.read_text(encoding="utf-8"))]


def json_values(text: str) -> list:
    """Every JSON document printed one after another (curl adds no newline between answers)."""
    decoder, values, at = json.JSONDecoder(), [], 0
    while at < len(text.rstrip()):
        value, at = decoder.raw_decode(text, at)
        values.append(value)
        while at < len(text) and text[at].isspace():
            at += 1
    return values


def test_the_doc_has_each_kind_of_example():
    kinds = [k for k, _ in examples()]
    assert kinds.count("bash") >= 2 and kinds.count("python") >= 2 and kinds.count("javascript") >= 1


@pytest.mark.parametrize("index", range(len(examples())))
def test_example_runs(server, index, tmp_path):
    kind, code = examples()[index]
    code = code.replace(DOC_URL, server.url)
    env = {**os.environ, "PYTHONPATH": str(DOC.parents[1])}
    if kind == "bash":
        out = subprocess.run(["bash", "-c", code], capture_output=True, text=True, timeout=120, env=env,
                             cwd=tmp_path)
        assert out.returncode == 0, out.stderr
        if "/v1/files" in code:  # upload, then a program reads the upload
            uploaded, ran = json_values(out.stdout)
            assert uploaded["name"] == "mine.csv" and len(uploaded["sha256"]) == 64
            assert ran["results"][0]["output"]["mean"] == 10.08
            return
        data = json.loads(out.stdout)
        if "/v1/dsl/check" in code:  # the example shows a located error
            assert data["error"]["line"] == 2 and data["error"]["column"]
        elif "chat/completions" in code:
            assert "18" in data["choices"][0]["message"]["content"]  # the mean of 4 8 15 16 23 42
        else:
            assert data["p_value"] is not None
    elif kind == "python":
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env,
                             cwd=tmp_path)
        assert out.returncode == 0, out.stderr
        if "/v1/files" in code:  # the upload is listed, and the question's program read it
            assert "'mine.csv'" in out.stdout.splitlines()[0] and "mean 10.08" in out.stdout, out.stdout
            return
        assert "15 runs" in out.stdout or "ANSWER" in out.stdout, out.stdout[-2000:]
        if "runs.stream" in code:
            assert [line.split()[0] for line in out.stdout.splitlines()] == \
                   ["MODE", "GROUND", "PLAN", "EXECUTE", "ARGUE", "ARBITER", "AUDIT", "ANSWER"]
    else:
        node = shutil.which("node")
        if node is None:
            pytest.skip("node is not installed")
        script = tmp_path / "example.mjs"
        script.write_text(code)
        out = subprocess.run([node, str(script)], capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr
        assert [line.split()[0] for line in out.stdout.splitlines()] == \
               ["MODE", "GROUND", "PLAN", "EXECUTE", "ARGUE", "ARBITER", "AUDIT", "ANSWER"], out.stdout
