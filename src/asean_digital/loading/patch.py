"""
Patches: an overlay record that changes some fields of a record and keeps the rest.

A record written with ``"$patch": true`` and an ``id`` is merged over the
record that id names (packaged, or from an earlier overlay): the fields it
gives replace those of the record, the others are kept, and so are the
sources and errata of the kept fields. A source or erratum about a field the
patch replaces goes with it; the overlay file is cited for the fields the
patch gives. Without ``"$patch"`` a record replaces the whole record.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final

__all__ = ["PATCH", "REFUSED", "apply_patches", "has_patches"]

PATCH: Final = "$patch"
"""The key that makes an overlay record a patch of the record its id names."""

REFUSED: Final = object()
"""What stands in a document's array for a patch that was refused (its problem already said)."""


def has_patches(doc: Mapping[str, Any]) -> bool:
    """Whether any record of the overlay document *doc* is a patch."""
    return any(
        isinstance(items, list) and any(isinstance(i, dict) and PATCH in i for i in items)
        for items in doc.values()
    )


def _about(path: str, fields: set[str]) -> bool:
    """Whether a source's field *path* (``names[0].valid``) is about one of *fields*."""
    return path.split(".", maxsplit=1)[0].split("[", maxsplit=1)[0] in fields


def _merged(base: dict[str, Any], patch: dict[str, Any]) -> dict[str, Any]:
    """*base* (a record as JSON) with *patch*'s fields, keeping the sources and errata of the rest."""
    fields = set(patch) - {"id"}
    kept_sources = []
    for source in base.get("sources", []):
        cited = [f for f in source.get("fields", []) if not _about(f, fields)]
        if source.get("fields") and not cited:
            continue  # it stated only what the patch replaces
        kept_sources.append({**source, "fields": cited})
    kept_errata = [e for e in base.get("errata", []) if not (e.get("field") and _about(e["field"], fields))]
    return {
        **base,
        **patch,
        "sources": kept_sources + list(patch.get("sources", [])),
        "errata": kept_errata + list(patch.get("errata", [])),
    }


def apply_patches(
    file: str,
    doc: Mapping[str, Any],
    base_of: Callable[[str, str], Any | None],
    unstructure: Callable[[Any], dict[str, Any]],
    problems: list[str],
) -> tuple[dict[str, Any], dict[tuple[str, int], tuple[str, ...]]]:
    """
    *doc* with each patch merged over its record, and the fields each patch gave, by (collection, index).

    ``base_of(collection, id)`` finds the record a patch changes; a patch whose
    id finds none, or whose ``"$patch"`` is not ``true``, is a problem and is
    left out.
    """
    out: dict[str, Any] = dict(doc)
    given: dict[tuple[str, int], tuple[str, ...]] = {}
    for name, items in doc.items():
        if not has_patches({name: items}):
            continue
        merged: list[Any] = []
        patching: dict[str, int] = {}  # the ids patched in this file, and where
        for index, item in enumerate(items):
            if not (isinstance(item, dict) and PATCH in item):
                merged.append(item)
                continue
            where = f"{file}: $.{name}[{index}]"
            patch = {k: v for k, v in item.items() if k != PATCH}
            rid = patch.get("id")
            if item[PATCH] is not True:
                problems.append(f'{where}.{PATCH}: {item[PATCH]!r}: write "$patch": true, or leave it out')
            elif not isinstance(rid, str):
                problems.append(f'{where}: a patch names the record it changes by its id: give "id"')
            elif rid in patching:
                problems.append(
                    f"{where}.id: {rid!r} is patched at [{patching[rid]}] of this file already: "
                    "write one patch per record and file"
                )
            elif (base := base_of(name, rid)) is None:
                problems.append(
                    f"{where}.id: {rid!r}: no record of {name} to patch; to add one, give it whole "
                    f'without "$patch"'
                )
            else:
                patching[rid] = index
                given[(name, index)] = tuple(k for k in patch if k != "id")
                merged.append(_merged(unstructure(base), patch))
                continue
            merged.append(REFUSED)  # keeps the indices of the records after it
        out[name] = merged
    return out, given
