"""`havoc-agent tool list | describe NAME | run NAME --args JSON|@file|-`."""

from __future__ import annotations

import argparse

from havoc_agent import jsonio
from tools import registry


def register(sub: argparse._SubParsersAction) -> None:
    tool = sub.add_parser("tool", help="list, describe and run the math engine's tools")
    tsub = tool.add_subparsers(dest="tool_command", metavar="ACTION", required=True)

    p = tsub.add_parser("list", help="names and one-line descriptions")
    p.add_argument("--json", action="store_true", help="machine-readable list")
    p.set_defaults(func=_list)

    p = tsub.add_parser("describe", help="the JSON schema of a tool's arguments")
    p.add_argument("name")
    p.set_defaults(func=_describe)

    p = tsub.add_parser("run", help="run a tool and print its result as JSON")
    p.add_argument("name")
    p.add_argument("--args", default="{}", help="JSON object, @file.json, or - for stdin")
    p.set_defaults(func=_run)


def _list(args: argparse.Namespace) -> int:
    specs = registry.tools()
    if args.json:
        print(jsonio.dumps([{"name": s.name, "description": s.description} for s in specs.values()]))
        return 0
    width = max((len(n) for n in specs), default=0)
    for spec in specs.values():
        print(f"{spec.name:<{width}}  {spec.description}")
    return 0


def _describe(args: argparse.Namespace) -> int:
    spec = registry.get(args.name)
    print(jsonio.dumps({"name": spec.name, "description": spec.description, "args": spec.json_schema()}))
    return 0


def _run(args: argparse.Namespace) -> int:
    payload = jsonio.read_arg(args.args)
    print(jsonio.dumps(registry.run_tool(args.name, payload)))
    return 0
