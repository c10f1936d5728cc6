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
DataRoot = Path | str | None | Access

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


def effective(data_root: DataRoot) -> Path | None | Access:
    """The policy in force: an explicit root wins over the ambient one; roots become real paths."""
    if data_root is Access.AMBIENT:
        data_root = _ambient.get()
    if data_root is Access.AMBIENT:
        data_root = Access.LOCAL
    if data_root is Access.LOCAL or data_root is None:
        return data_root
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
            assert isinstance(policy, Path)
            real = (policy / Path(file).expanduser()).resolve()
            if real != policy and policy not in real.parents:
                raise HavocInputError(f"{shown}: data files are read from {policy} only")
        if not real.is_file():
            raise HavocInputError(f"no such file: {real if policy is Access.LOCAL else shown}")
    except OSError as exc:  # a name too long for the file system, a loop of symlinks, no permission
        raise HavocInputError(f"{shown}: {exc.strerror or 'not a readable path'}") from None
    except RuntimeError:  # pathlib's symlink loop on older Pythons
        raise HavocInputError(f"{shown}: a loop of symbolic links") from None
    return real


def root_for(base_dir: Path | None, confine_files: bool, data_root: DataRoot) -> DataRoot:
    """`confine_files=True` (the older spelling) means: confined to `base_dir`, else the current directory.

    The ambient setting is fixed here, once, so that a check and the run after it agree.
    """
    if confine_files and data_root is Access.AMBIENT:
        return Path(base_dir if base_dir is not None else Path.cwd()).resolve()
    return effective(data_root)
