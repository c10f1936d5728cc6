"""`havoc-agent eval agent` (right / refused / flagged / wrong, AUROC, calibration) and `eval planner` (the readers)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tools.errors import HavocInputError


def register(sub: argparse._SubParsersAction) -> None:
    ev = sub.add_parser("eval", help="measure the agent on labelled question sets")
    esub = ev.add_subparsers(dest="eval_command", metavar="WHAT", required=True)
    p = esub.add_parser("agent", help="right/refused/wrong counts, AUROC and calibration of the confidence")
    p.add_argument("--set", dest="sets", action="append", type=Path, default=[], metavar="FILE",
                   help="a labelled JSONL set (repeatable); default: tests/data/agent_questions.jsonl and "
                        "tests/data/blind/*.jsonl and the worked-on rounds 15 to 17")
    p.add_argument("--fit", action="store_true",
                   help="refit the confidence weights on these sets (graphs/confidence_weights.json), with the "
                        "earlier planner's labelled answers (tests/data/confidence_labels.jsonl)")
    p.add_argument("--misses", action="store_true", help="list every answer that is not right")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=_agent)
    p = esub.add_parser("planner", help="the readers on held-out questions: parse rate, execution-match, "
                                         "right/refused/wrong for rules alone, model alone and both")
    p.add_argument("--model", metavar="DIR|none|MODULE:ATTR",
                   help="the second reader (default: the shipped planner checkpoint, whatever its record)")
    p.add_argument("--set", dest="eval_set", type=Path, default=None, metavar="FILE",
                   help="held-out (question, program) pairs as JSONL (default: the blind set tests/data/planner_fresh/planner_eval2.jsonl; tests/data/planner_eval.jsonl is the older one)")
    p.add_argument("--record", action="store_true",
                   help="save the report as eval.json in the evaluated checkpoint directory (the shipped planner is "
                        "the default second reader only when that record reaches the execution-match goal)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=_planner)


def _planner(args: argparse.Namespace) -> int:
    from havoc_agent.models import RECORD, SHIPPED_PLANNER, load_chat_model, planner_model
    from havoc_agent.planner_eval import evaluate

    if args.model is None and (SHIPPED_PLANNER / "model.safetensors").is_file():
        directory, model = SHIPPED_PLANNER, planner_model(SHIPPED_PLANNER)
    else:
        directory, model = (Path(args.model) if args.model and Path(args.model).is_dir() else None,
                            load_chat_model(args.model))
    report = evaluate(model, args.eval_set) if args.eval_set else evaluate(model)
    if args.record:
        if directory is None or model is None:
            raise HavocInputError("--record needs a checkpoint directory to write eval.json into", field="--record")
        (directory / RECORD).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    n = report["questions"]
    print(f"{n} held-out questions ({report['set']})")
    for who, c in report["counts"].items():
        print(f"  {who:<6} right {c['right']:>3} ({c['right'] / n:.0%})  refused {c['refused']:>3}  wrong {c['wrong']:>3}")
    if "model_parse_rate" in report:
        print(f"  model parse rate {report['model_parse_rate']:.0%}, execution-match "
              f"{report['model_execution_match']:.0%}, {report['model_ms_per_question']:.0f} ms per question")
        d = report["both_disagreed"]
        print(f"  the readers disagreed on {d['right'] + d['wrong']} answered questions (shown as two readings, "
              f"confidence capped at 0.5): {d['right']} of them right, {d['wrong']} wrong")
        o = report["both_model_only"]
        print(f"  the model answered {o['right'] + o['wrong']} questions the rules refused (confidence capped): "
              f"{o['right']} right, {o['wrong']} wrong")
        print(f"  both: wrong with uncapped confidence {report['both_confident_wrong']} "
              f"(rules alone: {report['counts']['rules']['wrong']})")
    return 0


def _agent(args: argparse.Namespace) -> int:
    from havoc_agent.evaluation import (
        DEFAULT_SETS,
        earlier_answers,
        fit_weights,
        floors_failed,
        run_sets,
        summary,
    )

    paths = args.sets or list(DEFAULT_SETS)
    for path in paths:
        if not path.is_file():
            raise HavocInputError(f"no such question set: {path}", field="--set")
    total = sum(1 for p in paths for line in p.read_text(encoding="utf-8").splitlines() if line.strip())
    done = 0

    def progress(_row) -> None:
        nonlocal done
        done += 1
        if sys.stderr.isatty():
            print(f"\r{done}/{total} questions", end="" if done < total else "\n", file=sys.stderr, flush=True)
        elif done % 100 == 0 or done == total:
            print(f"{done}/{total} questions", file=sys.stderr, flush=True)

    scored = run_sets(paths, progress)
    if not args.sets:
        scored += earlier_answers()
    fitted = fit_weights(scored) if args.fit else None
    report = summary(scored, fitted["weights"] if fitted else None)
    failed = floors_failed(report)
    report["floors_failed"] = failed
    if fitted:
        report["fit"] = fitted
    if args.misses:
        report["misses"] = [{"set": r.set_name, "question": r.question, "outcome": r.outcome,
                             "confidence": r.confidence, "problems": r.problems}
                            for r in scored if r.outcome != "right"]
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        _print(report)
    return 1 if failed else 0


def _print(report: dict) -> None:
    head = f"{'set':28} {'n':>5} {'right':>6} {'refused':>8} {'flagged':>8} {'wrong':>6} {'AUROC':>6} {'ECE':>6} " \
           f"{'wrong@≥0.7':>11}"
    print(head)
    rows = [*report["sets"].items(), ("all of today's answers", report["all"])]
    if "not_fitted" in report:
        rows.append(("not used in the fit", report["not_fitted"]))
    if "earlier" in report:
        rows.append(("earlier planners' answers", report["earlier"]))
        rows.append(("  cross-validated by set", report["earlier_cross_validated"]))
    for name, b in rows:
        def f(v):
            return "—" if v is None else f"{v:.3f}"
        conf = "—" if b["wrong_rate_confident"] is None else f"{b['wrong_rate_confident']:.3f} of {b['confident']}"
        print(f"{name:28} {b['questions']:>5} {b['right']:>6} {b['refused']:>8} {b['flagged']:>8} {b['wrong']:>6} "
              f"{f(b['auroc']):>6} {f(b['ece']):>6} {conf:>11}")
    print(f"confidence fitted on: {', '.join(report['fitted_on']) or 'nothing (default weights)'}")
    for m in report.get("misses") or []:
        print(f"- [{m['outcome']}, {m['confidence']:.2f}] {m['question'][:100]!r}: {'; '.join(m['problems'])[:200]}")
    for line in report["floors_failed"]:
        print(f"below floor: {line}")
