"""Write tests/data/confidence_labels.jsonl: labelled answers of an earlier planner, for calibrating confidence.

Today's planner answers the project's question sets almost always right, so fitting the confidence on its
answers alone would see almost no wrong answer. The wrong readings that issue 9 is about were made by the
planner as it stood before that work (commit b9e8ccf). This script checks that commit out into a temporary
worktree, asks it every question of the given sets, then re-audits each answer with *today's* reading audit
and labels it with today's scorer (havoc_agent/evaluation.py): features + right / wrong / refused. The fit
(`havoc-agent eval agent --fit`) uses these rows beside the current answers.

    python tests/data/make_confidence_labels.py [--commit b9e8ccf] [SET.jsonl ...]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
OUT = Path(__file__).with_name("confidence_labels.jsonl")
DEFAULT_SETS = [Path(__file__).with_name("reading_questions.jsonl")]

_ASK = """
import json, sys
from graphs.srs import run
from graphs.jsonable import jsonable
for line in open(sys.argv[1], encoding="utf-8"):
    if not line.strip():
        continue
    s = run(json.loads(line)["question"])
    keep = ("question", "mode", "mode_confidence", "plan", "plan_error", "results", "execution_error", "arguments",
            "audit_checks", "unaudited", "answer")
    print(json.dumps(jsonable({k: s.get(k) for k in keep}), default=str), flush=True)
"""


def old_answers(commit: str, questions: Path) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", "-q", str(tree), commit], check=True)
        try:
            env = {**os.environ, "PYTHONPATH": str(tree), "OMP_NUM_THREADS": "1"}
            out = subprocess.run([sys.executable, "-c", _ASK, str(questions)], cwd=tree, env=env, check=True,
                                 capture_output=True, text=True).stdout
        finally:
            subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(tree)], check=True)
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path, default=DEFAULT_SETS)
    parser.add_argument("--commit", default="b9e8ccf")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    from graphs.reading import reading_checks, reading_failures
    from havoc_agent.evaluation import load, score

    rows = []
    for path in args.sets:
        items = load(path)
        states = old_answers(args.commit, path)
        for item, state in zip(items, states, strict=True):
            numeric = [c for c in state.get("audit_checks") or [] if c.get("tool") != "reading"]
            checks = numeric + reading_checks(state["question"], state.get("results"),
                                              (state.get("plan") or {}).get("notes"))
            state["audit_checks"] = checks
            answer = dict(state.get("answer") or {})
            answer["status"] = "unsure" if reading_failures(checks) else answer.get("status", "answered")
            state["answer"] = answer
            scored = score(item, state, path.stem)
            rows.append({"set": path.stem, "commit": args.commit, "question": item["question"],
                         "outcome": scored.outcome, "features": scored.features})
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    counts = {k: sum(r["outcome"] == k for r in rows) for k in ("right", "refused", "flagged", "wrong")}
    print(f"{len(rows)} labelled answers of commit {args.commit} -> {OUT}: {counts}")


if __name__ == "__main__":
    main()
