"""Commands that need no embeddings must not pay for torch (issue 4, speed)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

PROBE = """
import sys
from knowledge import retrieve
from knowledge.admin import stats
import havoc_agent.commands.knowledge
stats()
hits = retrieve("Cpk capability", k=2, mode="lexical")
assert hits and hits[0].source == "process-capability.md", hits
heavy = [m for m in ("torch", "sentence_transformers", "transformers") if m in sys.modules]
print(",".join(heavy) or "none")
"""


def test_stats_and_lexical_search_do_not_import_torch(tmp_path: Path) -> None:
    env = {**os.environ, "HAVOC_HOME": str(tmp_path), "OMP_NUM_THREADS": "1"}
    env.pop("HAVOC_CHROMA_URL", None)
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=REPO, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "none"
