"""`havoc-agent knowledge ingest | search | stats | reset | eval`: the cited corpus from the shell."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from havoc_agent import jsonio
from tools.errors import HavocInputError


def register(sub: argparse._SubParsersAction) -> None:
    kb = sub.add_parser("knowledge", help="ingest documents, search the cited corpus, measure retrieval")
    ksub = kb.add_subparsers(dest="knowledge_command", metavar="ACTION", required=True)

    p = ksub.add_parser("ingest", help="add markdown, text or PDF files (folders are searched)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--topic", action="append", default=[], help="topic tag for these files (repeatable), e.g. spc")
    p.add_argument("--json", action="store_true", help="print the ingest report as JSON")
    p.set_defaults(func=_ingest)

    p = ksub.add_parser("search", help="retrieve cited passages for a question")
    p.add_argument("query")
    p.add_argument("-k", type=int, default=5, help="number of passages (default 5)")
    p.add_argument("--where", action="append", default=[], metavar="KEY=VALUE",
                   help="filter, e.g. topic=spc or source=my-sop.md; VALUE may be a,b for any of several")
    p.add_argument("--mode", choices=("hybrid", "vector", "lexical"), default="hybrid")
    p.add_argument("--json", action="store_true", help="print passages as JSON")
    p.set_defaults(func=_search)

    p = ksub.add_parser("stats", help="what the store holds and where it lives")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_stats)

    p = ksub.add_parser("reset", help="delete every passage (the built-in corpus returns on next use)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_reset)

    p = ksub.add_parser("eval", help="recall@1, recall@5 and MRR for vector, lexical and hybrid retrieval")
    p.add_argument("--file", type=Path, default=None, help="labelled questions (JSONL); default tests/data/retrieval_eval.jsonl")
    p.add_argument("--misses", action="store_true", help="list questions whose answer is not in the top 5")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_eval)


def parse_where(items: list[str]) -> dict[str, str | list[str]] | None:
    """`["topic=spc", "source=a.md,b.md"]` as the filter dict `retrieve` takes."""
    where: dict[str, str | list[str]] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise HavocInputError(f"expected KEY=VALUE, got {item!r}", field="--where")
        values = [v.strip() for v in value.split(",") if v.strip()]
        where[key.strip()] = values[0] if len(values) == 1 else values
    return where or None


def _ingest(args: argparse.Namespace) -> int:
    from knowledge.ingest import ingest_paths

    report = ingest_paths(args.paths, topics=args.topic or None, progress=not args.json)
    if args.json:
        print(jsonio.dumps(report.model_dump()))
    else:
        print(
            f"ingested {report.files_added} new and {report.files_changed} changed file(s), "
            f"{report.files_unchanged} unchanged, {len(report.skipped)} skipped; "
            f"+{report.chunks_added} / -{report.chunks_removed} chunks; "
            f"{report.total_chunks} in the store ({report.store}) in {report.seconds:.1f} s"
        )
    usable = report.files_added + report.files_changed + report.files_unchanged
    if usable == 0:
        print("error: no file could be ingested", file=sys.stderr)
        return 2
    return 0


def _search(args: argparse.Namespace) -> int:
    from knowledge import retrieve

    passages = retrieve(args.query, k=args.k, where=parse_where(args.where), mode=args.mode)
    if args.json:
        print(jsonio.dumps([p.model_dump() for p in passages]))
        return 0
    if not passages:
        print(f"no passages match {args.query!r}" + (f" with {' '.join(args.where)}" if args.where else ""))
        return 0
    for n, p in enumerate(passages, 1):
        print(f"[{n}] {p.citation}  ({p.source}, score {p.score:.4f}, topics: {', '.join(p.topics)})")
        body = " ".join(p.text.split())
        print(f"    {body[:400]}{'…' if len(body) > 400 else ''}")
    return 0


def _stats(args: argparse.Namespace) -> int:
    from knowledge.admin import stats

    result = stats()
    if args.json:
        print(jsonio.dumps(result.model_dump()))
        return 0
    print(f"store        {result.location} ({result.backend})")
    print(f"collection   {result.collection}")
    print(f"embeddings   {result.embedding_model}")
    print(f"chunks       {result.chunks}")
    current = "current" if result.builtin_current else "not ingested yet or out of date; ingested on next search"
    print(f"built-in     {result.builtin_articles} articles ({current})")
    print(f"your files   {len(result.user_sources)}")
    for source in result.user_sources:
        print(f"  {source.chunks:>5}  {source.source}")
    return 0


def _reset(args: argparse.Namespace) -> int:
    from knowledge.admin import reset

    result = reset()
    if args.json:
        print(jsonio.dumps(result.model_dump()))
    else:
        print(f"removed {result.chunks_removed} chunks from {result.collection} at {result.location}")
    return 0


def _eval(args: argparse.Namespace) -> int:
    from knowledge.evaluate import evaluate

    report = evaluate(args.file)
    if args.json:
        print(jsonio.dumps(report.model_dump()))
        return 0
    print(report.table())
    if args.misses:
        for scores in report.modes:
            for miss in scores.misses_at_5:
                print(f"{scores.mode}: {miss.question!r} wanted {', '.join(miss.relevant)}; got {', '.join(miss.got)}")
    return 0
