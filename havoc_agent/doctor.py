"""`havoc-agent doctor`: check `$HAVOC_HOME` and, with `--repair`, put it right.

Why: a damaged SQLite file (a crash mid-write, a full disk, a copy taken while writing) used
to end every later command in "internal error". The doctor names what is wrong; the repair
moves a damaged store aside under its name and the time (nothing is deleted), rebuilds it
(the built-in corpus is ingested again) and lists the documents the user had ingested, which
only they can add back.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from knowledge import settings

MIN_FREE_MB = 200


@dataclass
class Finding:
    check: str
    ok: bool
    detail: str
    repairable: bool = False
    repaired: str | None = None


@dataclass
class Report:
    home: str
    findings: list[Finding] = field(default_factory=list)
    re_ingest: list[str] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return all(f.ok or f.repaired for f in self.findings)


def _aside(path: Path) -> Path:
    target = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}-{n}")
    path.rename(target)
    return target


def _forget_open_store() -> None:
    from knowledge import store

    with store._CLIENTS_LOCK:
        store._CLIENTS.clear()
    with store._STORES_LOCK:
        store._STORES.clear()
    try:  # Chroma keeps one system per path in a process-wide cache
        from chromadb.api.shared_system_client import SharedSystemClient

        SharedSystemClient.clear_system_cache()
    except Exception:  # noqa: BLE001 - an older Chroma without it: a fresh process is clean anyway
        pass


def diagnose(repair: bool = False) -> Report:
    from knowledge.ingest import ensure_builtin, ingested_sources
    from knowledge.store import get_store, sqlite_problem

    home = settings.home()  # a home below a regular file is refused here, in one line
    report = Report(home=str(home))
    writable = settings.is_writable(home)
    report.findings.append(Finding("permissions", writable, "writable" if writable else
                                   "read-only: searching and asking work; ingest and --thread cannot write"))
    free_mb = shutil.disk_usage(home).free // 2**20
    report.findings.append(Finding("disk", free_mb >= MIN_FREE_MB, f"{free_mb:,} MiB free"
                                   + ("" if free_mb >= MIN_FREE_MB else f" (under {MIN_FREE_MB} MiB)")))

    threads = home / "threads.sqlite"
    problem = sqlite_problem(threads) if threads.exists() else None
    finding = Finding("thread memory", problem is None,
                      f"{threads}: {problem or ('sound' if threads.exists() else 'not created yet')}",
                      repairable=problem is not None)
    if problem and repair and writable:
        finding.repaired = f"moved aside to {_aside(threads).name}; a new one is made on the next --thread"
    report.findings.append(finding)

    if settings.chroma_url():
        report.findings.append(Finding("knowledge store", True, f"a Chroma server at {settings.chroma_url()} "
                                                                 "(checked by the server, not here)"))
    else:
        chroma = settings.chroma_path()
        db = chroma / "chroma.sqlite3"
        problem = sqlite_problem(db) if db.exists() else None
        if problem is None and db.exists():
            try:
                _forget_open_store()
                count = get_store().count()
            except Exception as exc:  # noqa: BLE001 - anything Chroma cannot open is damage to report
                problem = " ".join(str(exc).split())[:200]
        finding = Finding("knowledge store", problem is None,
                          f"{chroma}: {problem or ('sound, ' + format(count, ',') + ' passages' if db.exists() else 'not created yet')}",
                          repairable=problem is not None)
        if problem and repair and writable:
            _forget_open_store()
            moved = _aside(chroma)
            ensure_builtin(get_store())
            finding.repaired = (f"moved aside to {moved.name}; rebuilt with the built-in corpus "
                                f"({get_store().count():,} passages)")
            report.re_ingest = ingested_sources()
        report.findings.append(finding)

    from knowledge import vector_cache
    from knowledge.embeddings import model_slug

    cache = vector_cache.cache_file(settings.embedding_model())
    cache_ok = cache.exists()
    report.findings.append(Finding("vector cache", True,
                                   f"{cache.name}: {'present' if cache_ok else 'absent'} for {model_slug(settings.embedding_model())}"
                                   + ("" if cache_ok else " (a fresh store embeds the corpus itself: slower, not wrong)")))

    from havoc_agent.models import shipped_planner_status

    used, why = shipped_planner_status()  # informational: the agent works without a second reader
    report.findings.append(Finding("planner model", True, f"{'default second reader' if used else 'not used by default'}: {why}"))
    return report
