"""Write tests/data/confidence_labels.jsonl: labelled answers of earlier planners, for calibrating confidence.

Today's planner answers the project's question sets almost always right (each blind round is worked on once
it has been scored), so fitting the confidence on its answers alone would see almost no wrong answer. The
wrong readings the confidence must learn to doubt are the ones each planner made on questions it had never
seen: the planner before issue 9 (commit b9e8ccf) on the reading set, and each blind round as it was answered
when it was scored, held out, at the commit its README names.

For each (set, commit) this script checks the commit out into a temporary worktree, asks it every question of
the set, and stores the answer's evidence (plan, tool calls and outputs, arguments, numeric audit checks,
agreement, MODE's confidence) with its label from today's scorer (havoc_agent/evaluation.py): right or not,
refused when nothing was computed. The reading audit is *not* stored: `havoc-agent eval agent --fit` re-runs
today's reading audit on each stored answer, so the labels stay useful as the audit and the features grow.

    python tests/data/make_confidence_labels.py                 # every (set, commit) below
    python tests/data/make_confidence_labels.py round25         # only the sets whose name contains round25

Rows of the (set, commit) pairs not regenerated are kept as they are.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = Path(__file__).parent
OUT = DATA / "confidence_labels.jsonl"

# each set, and the commit that answered it before anything was tuned to it
ANSWERED_BLIND = {
    "reading_questions.jsonl": "b9e8ccf",  # the planner before issue 9
    "blind_round16/round16.jsonl": "6481768",
    "blind_round17/round17.jsonl": "9fb75ac",
    "blind_round18/round18.jsonl": "946ebfb",
    "blind_round19/round19.jsonl": "4d29621",
    "blind_round20/round20.jsonl": "0aa4d3f",
    "blind_round21/round21.jsonl": "70d2047",
    "blind_round22/round22.jsonl": "469233c",
    "blind_round23/round23.jsonl": "186ac2b",
    "blind_round24/round24.jsonl": "2d55f1b",
    "blind_round25/round25.jsonl": "fdaa182",
    "blind_round26/round26.jsonl": "e99b6c3",
    "blind_round27/round27.jsonl": "51532e2",
    "blind_round28/round28.jsonl": "41e535f",
    "blind_round29/round29.jsonl": "057be8b",
    "blind_round30/round30.jsonl": "88d49c0",
    "blind_round31/round31.jsonl": "10a002b",
    "blind_round32/round32.jsonl": "0ebac19",
    "blind_round33/round33.jsonl": "2fd6d0f",
    "blind_round34/round34.jsonl": "bc30024",
    "blind_round35/round35.jsonl": "bee5395",
    "blind_round36/round36.jsonl": "8f05df8",
    "blind_round37/round37.jsonl": "6ef3b46",
    "blind_round38/round38.jsonl": "eb3e54a",
    "blind_round39/round39.jsonl": "10a7b06",
    "blind_round40/round40.jsonl": "218c465",
    "blind_round41/round41.jsonl": "ba60382",
    "blind_round42/round42.jsonl": "a7bdcb6",
    "blind_round43/round43.jsonl": "a115ea1",
    "blind_round44/round44.jsonl": "34bf4f9",
    "blind_round45/round45.jsonl": "9707249",
}

_ASK = """
import json, sys
from graphs.srs import run
from graphs.jsonable import jsonable
for line in open(sys.argv[1], encoding="utf-8"):
    if not line.strip():
        continue
    s = run(json.loads(line)["question"])
    keep = ("question", "mode", "mode_confidence", "plan", "plan_error", "results", "execution_error", "arguments",
            "audit_checks", "unaudited", "agreement", "answer")
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


def evidence(state: dict) -> dict:
    """What the features need, without the stored reading audit (it is re-run at fit time)."""
    return {
        "question": state["question"],
        "mode": state.get("mode"),
        "mode_confidence": state.get("mode_confidence"),
        "plan": {k: (state.get("plan") or {}).get(k) for k in ("planner", "program", "notes")},
        "results": [{k: r.get(k) for k in ("tool", "args", "output")} for r in state.get("results") or []],
        "arguments": [{"stance": a.get("stance")} for a in state.get("arguments") or []],
        "audit_checks": [{k: c.get(k) for k in ("tool", "name", "passed", "inconclusive")}
                         for c in state.get("audit_checks") or [] if c.get("tool") != "reading"],
        "unaudited": state.get("unaudited"),
        "agreement": state.get("agreement"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("only", nargs="*", help="regenerate only the sets whose path contains one of these")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    from havoc_agent.evaluation import load, score

    chosen = {p: c for p, c in ANSWERED_BLIND.items() if not args.only or any(o in p for o in args.only)}
    redone = {(Path(p).stem, c) for p, c in chosen.items()}
    kept = [r for r in load(OUT) if (r["set"], r["commit"]) not in redone] if OUT.is_file() else []
    rows = []
    for rel, commit in chosen.items():
        path = DATA / rel
        started = time.monotonic()
        items = load(path)
        states = old_answers(commit, path)
        for item, state in zip(items, states, strict=True):
            scored = score(item, state, path.stem)
            computed = any(r.get("output") is not None for r in state.get("results") or [])
            rows.append({"set": path.stem, "commit": commit, "question": item["question"],
                         "right": scored.outcome == "right", "computed": computed,
                         "evidence": evidence(state) if computed else None})
        done = [r for r in rows if r["set"] == path.stem]
        print(f"{path.stem}@{commit}: {len(done)} answers, {sum(r['right'] for r in done)} right, "
              f"{sum(not r['computed'] for r in done)} with nothing computed ({time.monotonic() - started:.0f} s)",
              flush=True)
    order = {Path(p).stem: i for i, p in enumerate(ANSWERED_BLIND)}
    every = sorted(kept + rows, key=lambda r: order.get(r["set"], len(order)))
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in every),
                   encoding="utf-8")
    print(f"{len(every)} labelled answers -> {OUT.relative_to(REPO)}")


if __name__ == "__main__":
    main()
