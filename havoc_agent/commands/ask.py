"""`havoc-agent ask "QUESTION"` and `havoc-agent graph`.

The terminal view shows each stage as it finishes (on stderr, so `--json`
output stays clean), then the answer as rendered markdown. Exit codes: 0
answered, 2 bad input, 1 internal failure (the trace is saved under
$HAVOC_HOME/runs/ and its path printed).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from havoc_agent import jsonio
from tools.errors import HavocInputError

MAX_QUESTION = 200_000


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ask", help="ask the reasoning graph a question")
    p.add_argument("question", help="the question; @file to read it from a file, - for stdin")
    p.add_argument("--json", action="store_true", help="print one JSON object with everything")
    p.add_argument("--trace", action="store_true", help="print each stage's detail")
    p.add_argument("--thread", metavar="ID", help="continue a conversation (thread memory under $HAVOC_HOME)")
    p.add_argument("--model", metavar="DIR|none|MODULE:ATTR",
                   help="planner checkpoint directory, none, or a LangChain chat model (default: the shipped planner)")
    p.add_argument("--plots", metavar="DIR", type=Path, help="write charts of the results as PNG files")
    p.set_defaults(func=_ask)

    g = sub.add_parser("graph", help="print the reasoning graph as Mermaid")
    g.set_defaults(func=_graph)


def read_question(value: str) -> str:
    if value == "-":
        try:
            text = sys.stdin.read(MAX_QUESTION + 1)
        except UnicodeDecodeError as exc:
            raise HavocInputError(f"standard input is not UTF-8 text (byte {exc.start})", field="question") from None
    elif value.startswith("@"):
        text = jsonio.read_bounded(Path(value[1:]), field="question", limit=4 * MAX_QUESTION + 4)
    else:
        text = jsonio.check_text(value, "question")
    if len(text) > MAX_QUESTION:
        raise HavocInputError(f"longer than {MAX_QUESTION} characters", field="question")
    if not text.strip():
        raise HavocInputError("is empty", field="question")
    return text.strip()


def result_json(state: dict) -> dict:
    plan = state.get("plan") or {}
    return {
        "question": state.get("question"),
        "run_id": state.get("run_id"),
        "mode": state.get("mode"),
        "mode_confidence": state.get("mode_confidence"),
        "plan": {"program": plan.get("program"), "planner": plan.get("planner", "none"),
                 "notes": plan.get("notes", [])},
        "results": [{"tool": r["tool"], "args": r["args"], "output": r["output"], "statement": r.get("statement")}
                    for r in state.get("results") or []],
        "execution_error": state.get("execution_error"),
        "passages": state.get("passages") or [],
        "arguments": state.get("arguments") or [],
        "alternatives": [{k: a[k] for k in ("name", "tool", "summary")} for a in state.get("alternatives") or []],
        "decision": state.get("decision"),
        "audit": {"passed": bool(state.get("audit_passed")), "checks": state.get("audit_checks") or [],
                  "revisions": state.get("revisions", 0), "unaudited": state.get("unaudited") or []},
        "answer": state.get("answer"),
        "failure": state.get("failure"),
        "trace": state.get("trace") or [],
    }


def _save_trace(state: dict) -> Path:
    from havoc_agent import settings

    folder = settings.home() / "runs"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{state.get('run_id', 'run')}.json"
    path.write_text(jsonio.dumps(result_json(state)), encoding="utf-8")
    return path


def _ask(args: argparse.Namespace) -> int:
    question = read_question(args.question)
    from havoc_agent.models import load_chat_model

    model = load_chat_model(args.model)
    from rich.console import Console

    err = Console(stderr=True, highlight=False)
    show_live = not args.json

    def on_event(event: dict) -> None:
        if not show_live or event["status"] == "start":
            return
        if event["status"] == "tool":
            if args.trace:
                err.print(f"  [dim]↳ {event['summary']}[/dim]")
            return
        mark = "[red]✗[/red]" if event["status"] == "error" else "[green]✓[/green]"
        err.print(f"{mark} [bold]{event['node']:<8}[/bold] {event['duration_ms']:>8.1f} ms  {event['summary']}")
        if args.trace and event.get("detail"):
            err.print("  [dim]" + jsonio.dumps(event["detail"], indent=None)[:2000] + "[/dim]")

    from tools.worker import warm_up

    # first, on the main thread: the fork server starts deaf to Ctrl-C and imports the maths
    # engine on the other core while this process imports the graph
    warm_up(block=False)
    from graphs.srs import run, thread_memory

    if args.thread:
        with thread_memory() as saver:
            state = run(question, thread_id=args.thread, model=model, on_event=on_event, checkpointer=saver)
    else:
        state = run(question, model=model, on_event=on_event)

    if state.get("failure"):
        path = _save_trace(state)
        print(f"internal error in {state['failure']['node']}: {state['failure']['error']} (trace saved to {path})",
              file=sys.stderr)
        if args.json:
            print(jsonio.dumps(result_json(state)))
        return 1
    if args.plots:
        from havoc_agent.plots import write_plots

        written = write_plots(state.get("results") or [], args.plots)
        if not args.json:
            for path in written:
                err.print(f"[dim]plot: {path}[/dim]")
    if args.json:
        print(jsonio.dumps(result_json(state)))
        return 0
    from rich.markdown import Markdown

    Console().print(Markdown((state.get("answer") or {}).get("markdown", "")))
    return 0


def _graph(args: argparse.Namespace) -> int:
    from graphs.srs import mermaid

    print(mermaid())
    return 0
