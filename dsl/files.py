"""Which files a HAVOC program may read: the confinement of `from "file.csv" column x`.

Why a policy of its own: a program can come from the local user (the CLI: any file they
can read), or from a remote caller or a chat model (the HTTP API, the `dsl_run` tool),
which must never read a server file outside a configured data directory, and where no
directory is configured must read no file at all. The directory is the operator's
choice, never an argument of the program or of the tool.

The interface (`dsl.check` and `dsl.execute` take `data_root=`):

- `LOCAL` (the default): any file; relative names from `base_dir` (the program's folder,
  else the current directory). For the CLI only.
- `None`: no file is read; any `from "file.csv"` is a one-line error naming the file.
- a `Path`: names are resolved against it (`~`, `..`, symlinks, absolute paths all
  resolved first) and the real path must lie under the real `data_root`.
- a tuple of `Path`s: the same, each in turn; the first directory that holds the name wins
  (the API: the caller's uploads, then the operator's `HAVOC_DATA_DIR`). A name that escapes
  any of them is refused, even if a later one would hold it.

A name that escapes its directory raises `OutsideDataRoot` (a `HavocInputError`), so a
server can tell "not allowed" from "not there".

`with file_access(root):` sets the default for every check/execute in that context (a
thread or an asyncio task), so a server can confine a whole graph run without passing the
root through every stage. An explicit `data_root=` argument always wins.
"""

from __future__ import annotations

import contextlib
import enum
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path

from tools.errors import HavocInputError
from tools.limits import limits


class Access(enum.Enum):
    LOCAL = "local"  # the local user's own files (the CLI)
    AMBIENT = "ambient"  # not given: whatever `file_access` set, else LOCAL


LOCAL = Access.LOCAL
DataRoot = Path | str | None | Access | tuple[Path | str, ...]
Policy = Path | tuple[Path, ...] | None | Access


class OutsideDataRoot(HavocInputError):
    """The name resolves (through `..`, `~`, an absolute path or a symlink) outside the data directory."""

_ambient: ContextVar[DataRoot] = ContextVar("havoc_data_root", default=Access.AMBIENT)  # AMBIENT: not set


@contextlib.contextmanager
def file_access(data_root: DataRoot) -> Iterator[None]:
    """Every DSL check and run in this context reads files as `data_root` says (see the module doc)."""
    token = _ambient.set(data_root)
    try:
        yield
    finally:
        _ambient.reset(token)


def ambient() -> DataRoot:
    """What `file_access` set in this context, or `Access.AMBIENT` when nothing was set."""
    return _ambient.get()


def effective(data_root: DataRoot) -> Policy:
    """The policy in force: an explicit root wins over the ambient one; roots become real paths."""
    if data_root is Access.AMBIENT:
        data_root = _ambient.get()
    if data_root is Access.AMBIENT:
        data_root = Access.LOCAL
    if data_root is Access.LOCAL or data_root is None:
        return data_root
    if isinstance(data_root, tuple):
        return tuple(Path(root).expanduser().resolve() for root in data_root) or None
    return Path(data_root).expanduser().resolve()


def resolve(file: str, base_dir: Path | None, data_root: DataRoot) -> Path:
    """The real path of a data file named in a program, or a one-line error naming it."""
    shown = file if len(file) <= 80 else file[:77] + "..."
    if len(file) > limits().max_path_chars:
        raise HavocInputError(f"{shown}: a path of {len(file):,} characters is longer than the limit of "
                              f"{limits().max_path_chars:,} (HAVOC_MAX_PATH_CHARS)")
    if "\x00" in file:
        raise HavocInputError(f"{shown!r}: a file name cannot hold a NUL character")
    policy = effective(data_root)
    if policy is None:
        raise HavocInputError(f"{shown}: this service reads no data files; send the numbers in the program")
    try:
        if policy is Access.LOCAL:
            path = Path(file).expanduser()
            if not path.is_absolute() and base_dir is not None:
                path = Path(base_dir) / path
            real = path.resolve()
        else:
            real = _confined(file, shown, policy)
        if not real.is_file():
            raise HavocInputError(f"no such file: {real if policy is Access.LOCAL else shown}")
    except OSError as exc:  # a name too long for the file system, a loop of symlinks, no permission
        raise HavocInputError(f"{shown}: {exc.strerror or 'not a readable path'}") from None
    except RuntimeError:  # pathlib's symlink loop on older Pythons
        raise HavocInputError(f"{shown}: a loop of symbolic links") from None
    return real


def _confined(file: str, shown: str, policy: Path | tuple[Path, ...]) -> Path:
    """The first real path under a root that is a file, else the last root's candidate (not there)."""
    roots = (policy,) if isinstance(policy, Path) else policy
    for root in roots:
        real = (root / Path(file).expanduser()).resolve()
        if real != root and root not in real.parents:
            where = str(root) if isinstance(policy, Path) else "the data directories of this service"
            raise OutsideDataRoot(f"{shown}: data files are read from {where} only")
        if real.is_file():
            return real
    return real


def root_for(base_dir: Path | None, confine_files: bool, data_root: DataRoot) -> DataRoot:
    """`confine_files=True` (the older spelling) means: confined to `base_dir`, else the current directory.

    The ambient setting is fixed here, once, so that a check and the run after it agree.
    """
    if confine_files and data_root is Access.AMBIENT:
        return Path(base_dir if base_dir is not None else Path.cwd()).resolve()
    return effective(data_root)
