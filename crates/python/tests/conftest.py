"""Where the tests find the CLI (HOINGHI, default target/release/hoinghi) and the eval sets ($SHARED/eval)."""

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SHARED = Path(os.environ.get("SHARED", ROOT.parent / "shared"))
if not SHARED.is_absolute():
    SHARED = (ROOT / SHARED).resolve()
CLI = Path(os.environ.get("HOINGHI", ROOT / "target" / "release" / "hoinghi"))


def eval_files():
    """Every eval article, sorted: $SHARED/eval/{dev,corpus,modern}/*.txt."""
    return sorted(str(p) for s in ("dev", "corpus", "modern") for p in (SHARED / "eval" / s).glob("*.txt"))


def cli(*args, stdin=None):
    """Runs the CLI; its stdout as text (it must succeed)."""
    if not CLI.exists():
        pytest.skip(f"no CLI at {CLI}: cargo build --release -p hoinghi-cli")
    done = subprocess.run([str(CLI), *args], input=stdin, capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def cli_records(*args):
    return [json.loads(line) for line in cli("extract", "--format", "jsonl", *args).splitlines()]


@pytest.fixture(scope="session")
def eval_paths():
    paths = eval_files()
    if not paths:
        pytest.skip(f"no eval sets at {SHARED}/eval (SHARED=...)")
    return paths
