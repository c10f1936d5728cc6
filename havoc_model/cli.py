"""`havoc-model`: the standalone model toolkit (no LangChain here, ever).

Each module listed below exposes `register(subparsers)`; a corrupt or missing
checkpoint, a bad config or bad data is a one-line error and exit code 2.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from importlib import import_module

from havoc_model.errors import ModelInputError

COMMAND_MODULES = (
    "havoc_model.cli_model",  # info, init, export, import, generate
    "havoc_model.cli_train",  # tokenizer train, data prepare, train, plan, plot
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="havoc-model", description="HAVOC's Llama-style model: build, train, export.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except ModelInputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        if os.environ.get("HAVOC_DEBUG"):
            traceback.print_exc()
        print(f"internal error: {type(exc).__name__}: {exc} (set HAVOC_DEBUG=1 for the traceback)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
