"""Pausing the cyclic garbage collector while the library only allocates."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["gc_paused"]


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """
    Pause the cyclic garbage collector for a bulk load, and restore it after.

    Building a registry allocates many objects and frees almost none, so the
    collector's passes over the growing heap are pure cost (at 100,000
    records, most of the load time). Reference counting still frees
    everything as usual; only cycle detection waits. A collector the caller
    had disabled stays disabled.

    The collector's switch is process-wide: a thread that disables it while
    another thread is inside this block finds it enabled again when the
    block ends. The library pauses it only for bulk building (loads,
    ``as_of`` views, the search index), each a single pass.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
