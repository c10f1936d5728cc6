"""`havoc-agent`: one entry point, one sub-command module per job.

Each module in `havoc_agent/commands/` exposes `register(subparsers)` and sets
`func` on its parser. Errors follow one rule: bad input is a one-line message on
stderr and exit code 2; anything else is our bug, exit code 1, never a bare
traceback (set HAVOC_DEBUG=1 to see it).
"""

from __future__ import annotations

import os
import signal
import sys
import threading


def _interrupted_while_starting(_signum: int, _frame: object) -> None:
    """A Ctrl-C before `main` has its handlers in place: the same quiet exit 130."""
    sys.stderr.write("interrupted\n")
    os._exit(130)


if threading.current_thread() is threading.main_thread():
    signal.signal(signal.SIGINT, _interrupted_while_starting)

import argparse  # noqa: E402
import traceback  # noqa: E402
from importlib import import_module  # noqa: E402

from tools.errors import HavocInputError  # noqa: E402

COMMAND_MODULES = (
    "havoc_agent.commands.tool",
    "havoc_agent.commands.dsl",
    "havoc_agent.commands.knowledge",
    "havoc_agent.commands.ask",
    "havoc_agent.commands.eval",
    "havoc_agent.commands.doctor",
    "havoc_agent.commands.serve",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="havoc-agent",
        description="HAVOC: a reasoning agent for mathematics, statistics and engineering.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # a command group not written yet
                continue
            raise
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    try:  # building the parser imports the tools: a Ctrl-C there is an interrupt like any other
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGINT, signal.default_int_handler)
        parser = build_parser()
        args = parser.parse_args(argv)
        if not getattr(args, "func", None):
            parser.print_help()
            return 2
        return int(args.func(args) or 0)
    except HavocInputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        if threading.current_thread() is threading.main_thread():
            # a second Ctrl-C (or the same one seen again while the interpreter shuts down its threads) must not
            # turn the quiet exit 130 into a death by SIGINT
            signal.signal(signal.SIGINT, signal.SIG_IGN)
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # our bug: say so in one line, keep the details on request
        if os.environ.get("HAVOC_DEBUG"):
            traceback.print_exc()
        print(f"internal error: {type(exc).__name__}: {exc} (set HAVOC_DEBUG=1 for the traceback)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
