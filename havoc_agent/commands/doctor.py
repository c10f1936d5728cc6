"""`havoc-agent doctor [--repair] [--json]`: check $HAVOC_HOME (store, thread memory, vector cache,
permissions, disk); exit 0 when all is well (or repaired), 1 when something is still wrong."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from havoc_agent import jsonio


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("doctor", help="check $HAVOC_HOME and, with --repair, fix damaged stores")
    p.add_argument("--repair", action="store_true", help="move damaged stores aside (named with the time) "
                                                         "and rebuild them")
    p.add_argument("--json", action="store_true", help="print the findings as JSON")
    p.set_defaults(func=_doctor)


def _doctor(args: argparse.Namespace) -> int:
    from havoc_agent.doctor import diagnose

    report = diagnose(repair=args.repair)
    if args.json:
        print(jsonio.dumps({**asdict(report), "healthy": report.healthy}))
        return 0 if report.healthy else 1
    print(f"HAVOC_HOME {report.home}")
    for f in report.findings:
        mark = "ok " if f.ok else ("fixed" if f.repaired else "BAD")
        print(f"  {mark:<5} {f.check:<16} {f.detail}")
        if f.repaired:
            print(f"        {'':<16} repaired: {f.repaired}")
        elif not f.ok and f.repairable:
            print(f"        {'':<16} run `havoc-agent doctor --repair`")
    if report.re_ingest:
        print("Your documents were in the damaged store; ingest them again:")
        for source in report.re_ingest:
            print(f"  havoc-agent knowledge ingest {source}")
    return 0 if report.healthy else 1
