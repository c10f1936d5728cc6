"""`havoc-agent eval planner`: rules alone, model alone and both on the held-out questions."""

from __future__ import annotations

import argparse
import json


def register(sub: argparse._SubParsersAction) -> None:
    ev = sub.add_parser("eval", help="evaluate the agent's readers on held-out questions")
    esub = ev.add_subparsers(dest="what", required=True)
    p = esub.add_parser("planner", help="parse rate, execution-match, right/refused/wrong per reader")
    p.add_argument("--model", metavar="DIR|none|MODULE:ATTR", help="the second reader (default: the shipped planner)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_planner)


def _planner(args: argparse.Namespace) -> int:
    from havoc_agent.models import load_chat_model
    from havoc_agent.planner_eval import evaluate

    report = evaluate(load_chat_model(args.model))
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    n = report["questions"]
    print(f"{n} held-out questions")
    for who, c in report["counts"].items():
        print(f"  {who:<6} right {c['right']:>3} ({c['right'] / n:.0%})  refused {c['refused']:>3}  wrong {c['wrong']:>3}")
    if "model_parse_rate" in report:
        print(f"  model parse rate {report['model_parse_rate']:.0%}, execution-match "
              f"{report['model_execution_match']:.0%}, {report['model_ms_per_question']:.0f} ms per question")
    return 0
