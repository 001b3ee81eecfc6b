"""
Writing files so that an interrupted export leaves the previous one whole: one home for every export.

An export is written beside its target under a temporary name, made durable
(:func:`flush`), and only then swapped in.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["flush"]


def flush(path: Path) -> None:
    """Make sure *path*'s bytes are on disk (a full disk fails here, before the swap)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
