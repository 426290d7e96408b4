"""Shared test fixtures: where the shared seeds, gold annotations and sample pages live."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    """../shared beside the checkout (as in CI), or $GWCONV_SHARED."""
    path = Path(os.environ.get("GWCONV_SHARED", ROOT.parent / "shared"))
    if not (path / "seeds").is_dir():
        raise RuntimeError(f"shared material not found at {path} (set GWCONV_SHARED)")
    return path


@pytest.fixture(scope="session")
def shared() -> Path:
    return shared_dir()
