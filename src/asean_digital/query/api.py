"""
The package's entry points: the default registry, made once, and :func:`load`.

The default registry and the converter are the only process-wide state the
library keeps; each is made on first use, exactly once, whatever the threads.
"""

from __future__ import annotations

import _thread
import os
from typing import TYPE_CHECKING

from asean_digital.loading.load import MAX_LOAD_BYTES, load_dataset, packaged_dataset
from asean_digital.model.errors import NotFoundError
from asean_digital.model.parts import SOURCE_DOCUMENTS

from .registry import Registry

if TYPE_CHECKING:
    from asean_digital.model.parts import SourceDocument

__all__ = ["default_registry", "load"]

_lock = _thread.allocate_lock()
_default: list[Registry] = []


def default_registry() -> Registry:
    """
    The registry of the packaged data (``asean_digital.registry``), made on first use.

    It trusts the packaged data, which the test suite checks whole: each
    collection is read when a query first needs it, and not checked again.
    :func:`load` reads and checks everything, overlays or none.

    >>> default_registry() is default_registry()
    True
    """
    if not _default:
        with _lock:
            if not _default:
                registry = Registry(packaged_dataset())
                SOURCE_DOCUMENTS[:] = [lambda sid: _source_or_none(registry, sid)]  # for records' own cards
                _default.append(registry)
    return _default[0]


def _source_or_none(registry: Registry, sid: str) -> SourceDocument | None:
    try:
        return registry.source(sid)
    except NotFoundError:
        return None


def load(*overlays: str | os.PathLike[str], max_bytes: int = MAX_LOAD_BYTES) -> Registry:
    """
    A new registry: the packaged data plus your overlay files or folders.

    An overlay is JSON in the packaged format (an object whose keys are
    collections such as ``"bodies"`` or ``"documents"``, each an array of
    records); a folder is read as all its ``*.json`` files in name order.
    A record whose id is already present replaces it; others are added.
    Nothing is mutated: :data:`registry` is unchanged, and a bad overlay
    raises :class:`DataError` without anything applied.

    Args:
        overlays: Paths of JSON files or folders, applied in order.
        max_bytes: The most bytes the load reads of the overlays' files, over
            them all (default 512 MiB); each file is also limited to 64 MiB.
            Only regular files (or links to them) are read: a named pipe, a
            device, a dangling link or a link loop is a problem named as such.

    Raises:
        DataError: An overlay is malformed or makes the data inconsistent;
            the message lists every problem with file and JSON path.
        TypeError: An overlay is not a path.

    >>> import asean_digital as ad, json, pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "mine.json").write_text(json.dumps({"partners": [{
    ...     "id": "AU", "name": "Australia", "kind": "country",
    ...     "sources": [{"document": "seed-page", "section": "Overview"}]}]}))
    >>> mine = ad.load(folder)
    >>> mine.partner("Australia").id, len(mine.partners()) - len(ad.registry.partners())
    ('AU', 1)
    """
    for overlay in overlays:
        if not isinstance(overlay, str | os.PathLike):
            msg = (
                f"each overlay must be a path (str or os.PathLike), got {type(overlay).__name__} {overlay!r}"
            )
            raise TypeError(msg)
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1:
        msg = f"max_bytes must be a positive number of bytes, got {max_bytes!r}"
        raise TypeError(msg) if not isinstance(max_bytes, int) else ValueError(msg)
    return Registry(load_dataset(overlays, max_bytes=max_bytes))
