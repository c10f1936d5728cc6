"""Run heavy maths in a separate process that can really be stopped.

Why a process: a SymPy integral or a SciPy optimisation can run for minutes in pure
Python or C, and a Python thread cannot be interrupted. A process can be killed. So
`run_with_timeout` sends the call to a worker process and, when the time is up or the
caller cancels, kills the worker (its whole process group, so anything it started goes
too) and raises a one-line error. Nothing keeps running behind the caller's back.

Why a pool: starting a Python process that imports SymPy costs about a second. Workers are
forked from a `forkserver` that has already imported SymPy (about 10-30 ms per worker),
and a worker that finished normally is kept for the next call (well under a millisecond
per call; see `bench/symbolic_bench.py`). A worker that timed out, was cancelled, ran out
of memory or crashed is never reused. Workers are recycled after `MAX_TASKS_PER_WORKER`
calls so that SymPy's caches cannot grow without bound.

Each worker caps its own address space (`HAVOC_WORKER_MEMORY_MB`, default 1024 MiB above
its size at start), so an expansion that would eat the machine fails with a clear error
instead. Each worker also watches its parent and exits if the parent dies.

Cancellation: pass `cancel=threading.Event()` and set it from any thread, or wrap calls
in `with cancellation(event):` so that every `run_with_timeout` below (for example inside
`tools.registry.run_tool`) watches it: the graph and the API cancel a run that way.

Settings (environment): `HAVOC_WORKERS` (most workers at once; default
max(2, min(4, CPUs))), `HAVOC_WORKER_MEMORY_MB`.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib.machinery
import math
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from multiprocessing.connection import Connection, wait
from typing import Any, TypeVar

from tools.errors import HavocInputError

T = TypeVar("T")

DEFAULT_TIMEOUT_S = 10.0
MAX_TIMEOUT_S = 60.0
MAX_TASKS_PER_WORKER = 500
MAX_IDLE_WORKERS = 2
START_TIMEOUT_S = 120.0  # starting the very first worker imports SymPy in the fork server
# every worker starts with the engine imported (forked from a server that imported it once)
# (the tool modules import SciPy inside their functions, so SciPy is named here too: without it
# every fresh worker paid about 0.5 s importing scipy.stats on its first statistics call)
PRELOAD = ("tools.worker", "sympy", "scipy.stats", "scipy.optimize", "scipy.linalg", "tools.safe_expr",
           "tools.symbolic", "tools.registry", "tools.stats", "tools.regression", "tools.doe", "tools.doe_analysis",
           "tools.spc", "tools.capability")
_POLL_S = 0.02  # how often a waiting caller looks at its cancel event


class ToolTimeoutError(HavocInputError):
    """The operation ran past its time limit and was stopped (one line: "integrate timed out after 10 s")."""

    worker_pid: int | None = None  # the process that was killed (for diagnostics and tests)


class ToolCancelledError(Exception):
    """The caller cancelled the run; the worker process was killed. Not the user's input error."""

    worker_pid: int | None = None


class WorkerCrashedError(RuntimeError):
    """The worker process died without answering (a crash in native code, or killed from outside)."""


# ------------------------------------------------------------- cancellation

_ambient_cancel: ContextVar[threading.Event | None] = ContextVar("havoc_cancel", default=None)


@contextlib.contextmanager
def cancellation(event: threading.Event | None = None) -> Iterator[threading.Event]:
    """Make every `run_with_timeout` in this context (thread or asyncio task) watch `event`."""
    event = event or threading.Event()
    token = _ambient_cancel.set(event)
    try:
        yield event
    finally:
        _ambient_cancel.reset(token)


def clamp_timeout(timeout_s: float | None, field: str = "timeout_s") -> float:
    """A tool's `timeout_s` argument, checked: positive, at most MAX_TIMEOUT_S; None means the default."""
    if timeout_s is None:
        return DEFAULT_TIMEOUT_S
    if isinstance(timeout_s, bool) or not isinstance(timeout_s, (int, float)) or not math.isfinite(timeout_s):
        raise HavocInputError("expected a number of seconds", field=field)
    if timeout_s <= 0 or timeout_s > MAX_TIMEOUT_S:
        raise HavocInputError(f"must be more than 0 and at most {MAX_TIMEOUT_S:g} seconds, got {timeout_s:g}",
                              field=field)
    return float(timeout_s)


# --------------------------------------------------------------- the child

_IN_WORKER = False


def _memory_limit_mb() -> int:
    from tools.limits import limits

    return max(64, limits().worker_memory_mb)


def _limit_memory(extra_mb: int) -> None:
    try:
        import resource

        with open("/proc/self/statm") as fh:
            current = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = current + extra_mb * 2**20
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, OSError, ValueError):
        pass  # not Linux: no cap, the timeout still applies


def _watch_parent(alive: Connection) -> None:
    """Exit as soon as the parent's end of `alive` closes, i.e. the parent died."""
    def watch() -> None:
        with contextlib.suppress(Exception):
            alive.poll(None)
        os._exit(3)

    threading.Thread(target=watch, name="havoc-worker-watchdog", daemon=True).start()


def _error_reply(exc: BaseException) -> tuple:
    if isinstance(exc, HavocInputError):
        return ("input", str(exc), exc.field, False)
    if isinstance(exc, MemoryError):
        return ("memory", "", None, True)
    if isinstance(exc, RecursionError):
        return ("recursion", str(exc), None, False)
    tb = "".join(traceback.format_exception(exc))
    try:
        blob = pickle.dumps(exc)
        pickle.loads(blob)
    except Exception:
        blob = None
    return ("error", (blob, type(exc).__name__, str(exc)[:500], tb[-4000:]), None, False)


def _worker_main(conn: Connection, alive: Connection, memory_mb: int) -> None:
    """The loop of one worker process: receive a call, run it, send back the result or error."""
    global _IN_WORKER
    _IN_WORKER = True
    if hasattr(os, "setpgrp"):
        with contextlib.suppress(OSError):
            os.setpgrp()  # own process group: a kill reaches whatever this process starts
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's business
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        # one thread per worker: parallelism comes from several workers, and a BLAS that
        # reserves a buffer per core could otherwise hit the address-space cap on a big machine
        os.environ.setdefault(var, "1")
    _watch_parent(alive)
    _limit_memory(memory_mb)
    while True:
        try:
            data = conn.recv_bytes()
        except (EOFError, OSError):
            return
        try:
            func, args, kwargs = pickle.loads(data)
            reply: tuple = ("ok", func(*args, **kwargs))
        except BaseException as exc:  # noqa: BLE001 - everything goes back to the caller
            reply = _error_reply(exc)
        try:
            payload = pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException as exc:  # noqa: BLE001
            payload = pickle.dumps(_error_reply(TypeError(f"the result could not be sent back: {exc}")))
        try:
            conn.send_bytes(payload)
        except (EOFError, OSError):
            return
        if reply[0] == "memory":
            return  # a process that hit its memory cap may be in a bad state: start afresh


# -------------------------------------------------------------- the parent


_MAIN_SPEC_LOCK = threading.Lock()


@contextlib.contextmanager
def _main_module_not_reimported() -> Iterator[None]:
    """Start a worker without it re-running the caller's main module.

    multiprocessing's forkserver and spawn children import the parent's `__main__` (by path for a
    script, by name under `-m`) before running their target, so a user's script that calls HAVOC
    without an `if __name__ == "__main__":` guard would run again, whole, inside every worker. Ours
    only ever run `tools.worker` functions, which need nothing from `__main__`: while a worker starts,
    `__main__` is presented as a module named "__main__", which multiprocessing leaves alone.
    """
    main = sys.modules.get("__main__")
    if main is None:
        yield
        return
    with _MAIN_SPEC_LOCK:
        saved = main.__dict__.get("__spec__")
        main.__spec__ = importlib.machinery.ModuleSpec("__main__", None)
        try:
            yield
        finally:
            main.__spec__ = saved


def _start_fork_server_deaf_to_ctrl_c() -> None:
    """Start the fork server deaf to SIGINT, so that it and every worker inherit that.

    Why: Ctrl-C in a terminal signals the whole process group. The fork server spends its first
    second importing SymPy and SciPy, and a SIGINT then printed a KeyboardInterrupt traceback
    from it. An ignored SIGINT survives fork and exec (a handler would not); the parent alone
    handles Ctrl-C and kills its workers.
    """
    from multiprocessing import forkserver

    if threading.current_thread() is threading.main_thread():
        # an ignored signal stays ignored across exec, and Python then leaves it so
        old = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            forkserver.ensure_running()
        finally:
            signal.signal(signal.SIGINT, old)
    elif hasattr(signal, "pthread_sigmask"):  # best effort off the main thread (`warm_up` starts it there first)
        old_mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            forkserver.ensure_running()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, old_mask)


class _Worker:
    def __init__(self, ctx: Any, alive: Connection) -> None:
        parent_end, child_end = ctx.Pipe(duplex=True)
        self.process = ctx.Process(target=_worker_main, args=(child_end, alive, _memory_limit_mb()),
                                   name="havoc-worker", daemon=True)
        with _main_module_not_reimported():
            self.process.start()
        child_end.close()
        self.conn: Connection = parent_end
        self.tasks = 0

    @property
    def pid(self) -> int | None:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.is_alive()

    def kill(self) -> None:
        """SIGKILL the worker and its process group, and wait until it is gone."""
        pid = self.process.pid
        if pid is not None and hasattr(os, "killpg") and self.process.exitcode is None:
            with contextlib.suppress(ProcessLookupError, PermissionError, OSError):
                if os.getpgid(pid) == pid:  # still our worker, leading the group it made
                    os.killpg(pid, signal.SIGKILL)  # POSIX only, checked above
            with contextlib.suppress(Exception):
                self.process.kill()
        self.process.join(timeout=10)
        with contextlib.suppress(Exception):
            self.conn.close()

    def stop(self) -> None:
        """Ask politely (close the pipe: the worker exits on EOF), then make sure."""
        with contextlib.suppress(Exception):
            self.conn.close()
        self.process.join(timeout=1)
        if self.process.is_alive():
            self.kill()


def _max_workers() -> int:
    try:
        return max(1, int(os.environ["HAVOC_WORKERS"]))
    except (KeyError, ValueError):
        return max(2, min(4, os.cpu_count() or 2))


class _Pool:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.idle: list[_Worker] = []
        self.busy: set[_Worker] = set()
        self.owner = os.getpid()
        self.slots = threading.BoundedSemaphore(_max_workers())
        self.ctx: Any = None
        self.ctx_lock = threading.Lock()
        self.alive_r: Connection | None = None
        self.alive_w: Connection | None = None

    def _context(self) -> Any:
        with self.ctx_lock:
            return self._make_context()

    def _make_context(self) -> Any:
        if self.ctx is None:
            method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
            ctx = multiprocessing.get_context(method)
            if method == "forkserver":
                ctx.set_forkserver_preload(list(PRELOAD))
                _start_fork_server_deaf_to_ctrl_c()
            self.alive_r, self.alive_w = ctx.Pipe(duplex=False)
            self.ctx = ctx
        return self.ctx

    def _new_worker(self) -> _Worker:
        ctx = self._context()
        assert self.alive_r is not None
        return _Worker(ctx, self.alive_r)

    def acquire(self, wait_s: float, label: str) -> _Worker:
        if not self.slots.acquire(timeout=wait_s):
            raise ToolTimeoutError(f"{label} timed out after {wait_s:g} s waiting for a free worker process")
        try:
            with self.lock:
                worker = None
                while self.idle:
                    candidate = self.idle.pop()
                    if candidate.alive():
                        worker = candidate
                        break
                    candidate.kill()
            if worker is None:
                worker = self._new_worker()
            with self.lock:
                self.busy.add(worker)
            return worker
        except BaseException:
            self.slots.release()
            raise

    def release(self, worker: _Worker, reusable: bool) -> None:
        with self.lock:
            self.busy.discard(worker)
            keep = reusable and worker.tasks < MAX_TASKS_PER_WORKER and len(self.idle) < MAX_IDLE_WORKERS \
                and worker.alive()
            if keep:
                self.idle.append(worker)
        if not keep:
            if reusable:
                worker.stop()
            else:
                worker.kill()
        self.slots.release()

    def shutdown(self) -> None:
        with self.lock:
            idle, self.idle = self.idle, []
            busy = list(self.busy)
        for worker in idle:
            worker.stop()
        for worker in busy:
            worker.kill()


_pool: _Pool | None = None
_pool_lock = threading.Lock()


def _get_pool() -> _Pool:
    global _pool
    with _pool_lock:
        if _pool is None or _pool.owner != os.getpid():  # a forked copy must not share workers
            _pool = _Pool()
        return _pool


@atexit.register
def shutdown() -> None:
    """Stop every worker process (idle ones politely, busy ones by force)."""
    if _pool is not None and _pool.owner == os.getpid():
        _pool.shutdown()


def add_preload(modules: tuple[str, ...] | list[str]) -> None:
    """Have the fork server import these modules too, so that every worker starts with them loaded.

    Add the heavy modules your jobs need (for example "scipy.stats") before the first call;
    after the fork server has started the list can no longer change, so that is an error.
    """
    global PRELOAD
    pool = _get_pool()
    with pool.ctx_lock:
        if pool.ctx is not None:
            raise RuntimeError("add_preload must be called before the first worker starts")
        PRELOAD = tuple(dict.fromkeys((*PRELOAD, *modules)))


def warm_up(block: bool = False) -> None:
    """Start one worker ahead of time so that the first heavy call does not pay the start-up.

    Call it early (at CLI or API start); with `block=False` it returns at once.
    """
    def start() -> None:
        with contextlib.suppress(Exception):
            pool = _get_pool()
            worker = pool.acquire(START_TIMEOUT_S, "warm-up")
            pool.release(worker, reusable=True)

    if _IN_WORKER:
        return
    if threading.current_thread() is threading.main_thread():
        with contextlib.suppress(Exception):
            _get_pool()._context()  # the fork server starts here, where SIGINT can be set aside for it
    if block:
        start()
    else:
        threading.Thread(target=start, name="havoc-worker-warmup", daemon=True).start()


def run_with_timeout(func: Callable[..., T], /, *args: Any, timeout: float, cancel: threading.Event | None = None,
                     label: str | None = None, **kwargs: Any) -> T:
    """Run `func(*args, **kwargs)` in a worker process and return its result.

    `func` must be a top-level (picklable) function; its arguments and result must pickle.
    Raises `ToolTimeoutError` after `timeout` seconds of running, `ToolCancelledError` when
    `cancel` (or the ambient `cancellation` event) is set; either way the worker process is
    killed before the error is raised. Errors raised by `func` come back as themselves
    (`HavocInputError` keeps its message and field). Called from inside a worker (a tool that
    uses another tool), it runs inline: the outer call's limit already applies.
    """
    name = label or getattr(func, "__name__", "operation")
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not timeout > 0 \
            or not math.isfinite(timeout):
        raise ValueError(f"timeout must be a positive number of seconds, got {timeout!r}")
    if _IN_WORKER:
        return func(*args, **kwargs)
    events = [e for e in (cancel, _ambient_cancel.get()) if e is not None]
    if any(e.is_set() for e in events):
        raise ToolCancelledError(f"{name} was cancelled")
    payload = pickle.dumps((func, args, kwargs), protocol=pickle.HIGHEST_PROTOCOL)
    pool = _get_pool()
    worker = pool.acquire(max(timeout, START_TIMEOUT_S if pool.ctx is None else timeout), name)
    reusable = False
    try:
        worker.conn.send_bytes(payload)
        worker.tasks += 1
        deadline = time.monotonic() + timeout
        while True:
            if any(e.is_set() for e in events):
                cancelled = ToolCancelledError(f"{name} was cancelled; its worker process was stopped")
                cancelled.worker_pid = worker.pid
                raise cancelled
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                err = ToolTimeoutError(f"{name} timed out after {timeout:g} s")
                err.field = "timeout_s"
                err.worker_pid = worker.pid
                raise err
            ready = wait([worker.conn, worker.process.sentinel], timeout=min(remaining, _POLL_S) if events else remaining)
            if worker.conn in ready:
                try:
                    reply = pickle.loads(worker.conn.recv_bytes())
                except (EOFError, OSError):
                    ready = [worker.process.sentinel]
                else:
                    break
            if worker.process.sentinel in ready:
                worker.process.join(timeout=1)
                raise WorkerCrashedError(
                    f"{name}: the worker process died without answering (exit code {worker.process.exitcode})")
        kind = reply[0]
        reusable = kind != "memory"
        if kind == "ok":
            return reply[1]
        raise _rebuild_error(reply, name)
    finally:
        pool.release(worker, reusable)


def _rebuild_error(reply: tuple, name: str) -> BaseException:
    kind, detail, field, _ = reply
    if kind == "input":
        err = HavocInputError(detail)
        err.field = field
        err.__suppress_context__ = True  # one line, as raised in the worker: nothing behind it to show
        return err
    if kind == "memory":
        return HavocInputError(f"{name} ran out of memory (limit {_memory_limit_mb()} MiB above the worker's size, "
                               "HAVOC_WORKER_MEMORY_MB); give it a smaller input")
    if kind == "recursion":
        return HavocInputError(f"{name}: the expression is nested too deeply to process")
    blob, type_name, message, tb = detail
    exc: BaseException | None = None
    if blob is not None:
        with contextlib.suppress(Exception):
            exc = pickle.loads(blob)
    if not isinstance(exc, BaseException):
        exc = RuntimeError(f"{type_name}: {message}")
    exc.add_note(f"raised in a HAVOC worker process:\n{tb}")
    return exc


def worker_pids() -> list[int]:
    """Process ids of the live workers (idle and busy): for tests and diagnostics."""
    pool = _pool
    if pool is None:
        return []
    with pool.lock:
        workers = list(pool.idle) + list(pool.busy)
    return [w.pid for w in workers if w.pid is not None and w.alive()]
