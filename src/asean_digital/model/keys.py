"""
Lookup keys: which strings find a record, and how they are normalised.

A key is matched case-insensitively and regardless of punctuation, spacing
and accents, so ``"Putra Jaya"`` and ``"Putrajaya"``, ``"U.S."`` and ``"US"``,
``"ADGSOM WG"`` and ``"adgsom-wg"`` are the same key.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final

import attrs

from .collections import COLLECTIONS, collection_of, kind_of

__all__ = [
    "KIND_OF",
    "KeyIndex",
    "closest",
    "fold",
    "index_keys",
    "keys_and_forms",
    "kind_of",
    "normalise",
    "record_keys",
    "search_entries",
    "title_keys",
]

_KEPT: Final = b"0123456789abcdefghijklmnopqrstuvwxyz"
_ASCII_DROP: Final = bytes(c for c in range(256) if c not in _KEPT)
# Letters that Unicode does not decompose into a base letter and a mark.
_UNDECOMPOSED: Final = str.maketrans({"đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ı": "i"})

KIND_OF: Final[dict[str, str]] = {c.name: c.kind for c in COLLECTIONS}
"""The kind of record each collection holds, as messages name it."""


def normalise(text: str) -> str:
    """
    The normal form of a key: accents, case, punctuation and spaces removed.

    Letters and digits of every script are kept, so a key in Chinese or
    Cyrillic is a key of its own, never reduced to its Latin part.

    >>> normalise("Putra Jaya"), normalise("U.S."), normalise("Đà Nẵng"), normalise("中国 ASEAN")
    ('putrajaya', 'us', 'danang', '中国asean')
    """
    if text.isascii():  # the common case: lower case without what is not a letter or digit, as bytes
        return text.encode().lower().translate(None, _ASCII_DROP).decode()
    return "".join(c for c in fold(text) if c.isalnum())


def fold(text: str) -> str:
    """
    *text* without accents, in case-folded form; punctuation is kept.

    >>> fold("Đà Nẵng Déclaration")
    'da nang declaration'
    """
    if text.isascii():  # the common case needs no Unicode decomposition
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def title_keys(record: Any) -> tuple[str, ...]:
    """
    The keys of *record* that may legitimately be shared with another record.

    A document's title (the page lists two different *Singapore
    Declarations*), a meeting's name (two unnumbered sessions the sources
    both call *日・ASEAN情報通信大臣会合*). A shared key is ambiguous and
    finds neither; an alias is never shared.
    """
    out: list[str] = []
    for field in collection_of(type(record)).shared_keys:
        value = getattr(record, field)
        out.extend((value,) if isinstance(value, str) else value or ())
    return tuple(out)


def record_keys(record: Any) -> tuple[str, ...]:
    """
    Every key that finds *record*: its names, acronyms, aliases and id.

    Former names and acronyms are keys too, so a body is found by every name
    it ever bore. Keys that normalise alike are given once.

    >>> import asean_digital as ad
    >>> record_keys(ad.registry.body("ssm"))
    ('Sub-Working Group on Spectrum Management', 'SSM')
    """
    return tuple(key for key, _ in keys_and_forms(record))


def keys_and_forms(record: Any) -> list[tuple[str, str]]:
    """
    Every key that finds *record* with its normal form, as :func:`record_keys` gives them.

    >>> import asean_digital as ad
    >>> keys_and_forms(ad.registry.body("ssm"))
    [('Sub-Working Group on Spectrum Management', 'subworkinggrouponspectrummanagement'), ('SSM', 'ssm')]
    """
    return [(key, norm) for norm, key in _by_norm(record).items()]


def _by_norm(record: Any) -> dict[str, str]:
    """Each normal form of a key of *record*, with the first key of that form."""
    out: dict[str, str] = {}
    for key in dict.fromkeys(_raw_keys(record)):  # a name repeated in its history is normalised once
        # normalise(), with its common case inline: this runs for every key of every record loaded.
        norm = key.encode().lower().translate(None, _ASCII_DROP).decode() if key.isascii() else normalise(key)
        if norm and norm not in out:
            out[norm] = key
    return out


def search_entries(record: Any) -> list[tuple[str, str, bool]]:
    """
    Every text search reads in *record*: ``(text, field path, whether it is a key)``.

    The keys first, each named by its field (``"aliases"``, ``"names"``, the
    id as ``"id"``), then every other text the record carries: descriptions,
    roles, themes, thrusts, the sector's lists, errata, the further fields
    its collection names. Ids held by reference fields and the sources are
    not text.

    >>> import asean_digital as ad
    >>> search_entries(ad.registry.body("ssm"))[:2]
    [('Sub-Working Group on Spectrum Management', 'name', True), ('SSM', 'names', True)]
    >>> any(f == "description" for _, f, _ in search_entries(ad.registry.body("ssm")))
    True
    """
    found = collection_of(type(record))
    out: list[tuple[str, str, bool]] = []
    seen: set[str] = set()
    fields = list(found.keys) + (["id"] if found.id_form is not None else [])
    if found.id_form is None:
        fields = ["id"]
    for field in fields:
        keys: list[str] = []
        _reader(field)(record, keys)
        for key in keys:
            folded = key.casefold()
            if folded not in seen and normalise(key):
                seen.add(folded)
                out.append((key, field.split()[0] if " " in field else field, True))
    skip = {"id", "sources", *found.keys, *(r.field.replace("[]", "") for r in found.references)}
    for a in attrs.fields(type(record)):
        if a.name in skip:
            continue
        _texts(getattr(record, a.name), a.name, out, seen, skip)
    return out


_INDEX: Final = re.compile(r"\[\d+\]")
_NOT_TEXT: Final = frozenset({"sources", "valid", "field", "kept"})
"""Parts of nested values that are not text: citations, periods, an erratum's field and value kept."""


def _texts(value: Any, path: str, out: list[tuple[str, str, bool]], seen: set[str], skip: set[str]) -> None:
    """Append the texts in *value* (a field's value at *path*) to *out*, once each."""
    if value is None or isinstance(value, (bool, int, float)) or _INDEX.sub("", path) in skip:
        return
    if isinstance(value, str):
        folded = value.casefold()
        if folded not in seen and normalise(value):
            seen.add(folded)
            out.append((value, path, False))
        return
    if isinstance(value, tuple):
        for i, item in enumerate(value):
            _texts(item, f"{path}[{i}]", out, seen, skip)
        return
    if attrs.has(type(value)):
        for a in attrs.fields(type(value)):
            if a.name not in _NOT_TEXT:
                _texts(getattr(value, a.name), f"{path}.{a.name}", out, seen, skip)


def _raw_keys(record: Any) -> list[str]:
    plan = _PLANS.get(type(record)) or _plan(type(record))
    keys: list[str] = []
    for read in plan:
        read(record, keys)
    return keys


_Reader = Callable[[Any, list[str]], None]
_PLANS: dict[type, tuple[_Reader, ...]] = {}


def _reader(field: str) -> _Reader:
    """How the key field *field* (see :attr:`Collection.keys`) adds its keys to a list."""
    if " " in field:  # several fields' text joined, such as "title published.year"
        parts = [part.split(".") for part in field.split()]

        def joined(record: Any, keys: list[str]) -> None:
            texts = []
            for steps in parts:
                value = record
                for step in steps:
                    value = getattr(value, step, None)
                if value is None:
                    return
                texts.append(str(value))
            keys.append(" ".join(texts))

        return joined

    def read(record: Any, keys: list[str]) -> None:
        value = getattr(record, field)
        if value is None:
            return
        if isinstance(value, str):
            keys.append(value)
            return
        for item in value:  # aliases, or a naming history's names and acronyms
            if isinstance(item, str):
                keys.append(item)
            else:
                keys.append(item.name)
                if item.acronym is not None:
                    keys.append(item.acronym)

    return read


def _plan(cls: type) -> tuple[_Reader, ...]:
    """How a record of *cls* lists its keys, worked out once per class from its collection."""
    found = collection_of(cls)
    id_reader = _reader("id") if found.id_form is not None else None
    plan = tuple(_reader(field) for field in found.keys)
    if found.keys and id_reader is not None:
        plan = (*plan, id_reader)
    elif id_reader is None:  # relations: found by their id only
        plan = (_reader("id"),)
    _PLANS[cls] = plan
    return plan


_COMPARED: Final = 64


def closest(wanted: str, norms: Iterable[str], n: int = 3) -> list[str]:
    """
    The normal forms among *norms* closest to the normal form *wanted*, best first: what a miss suggests.

    Close by spelling; failing that, those that hold *wanted* or are held by it.

    >>> closest("adgsmo", ["adgsom", "adgmin", "atrc"])
    ['adgsom', 'adgmin']
    """
    import difflib  # noqa: PLC0415 - only a miss needs it

    live = list(norms)
    # Compared by their first 64 characters: a spelling slip shows there, and difflib's cost grows
    # with the square of the lengths (a file of long keys would make each suggestion slow).
    starts: dict[str, str] = {}
    for k in live:
        starts.setdefault(k[:_COMPARED], k)
    close = [starts[k] for k in difflib.get_close_matches(wanted[:_COMPARED], list(starts), n=n, cutoff=0.6)]
    if not close:
        close = [k for k in live if wanted in k or (len(k) >= 3 and k in wanted)][:n]
    return close


def index_keys(data: Any) -> KeyIndex:
    """The :class:`KeyIndex` of a dataset's keyed records, in load order."""
    return KeyIndex(record for c in COLLECTIONS if c.keyed for record in data.collection(c.name))


class KeyIndex:
    """
    Which records each key finds: built once per dataset.

    The validator finds ambiguous keys in it and the registry resolves keys
    with it, so every key of every record is normalised once. One table
    serves every kind of record (the registry and the validator know each
    id's kind): a normal form that finds one record maps to that record's id
    (the common case costs no tuple), one that finds several to a tuple of
    their ids.

    >>> import asean_digital as ad
    >>> index = KeyIndex([ad.registry.body("ADGMIN"), ad.registry.partner("ITU")])
    >>> index.ids(normalise("TELMIN")), index.ids("itu"), index.ids("nothing")
    (('adgmin',), ('ITU',), ())
    """

    __slots__ = ("table",)

    def __init__(self, records: Iterable[Any]) -> None:
        """Index *records*, in the order ids are to be listed."""
        table: dict[str, str | tuple[str, ...]] = {}
        shared: dict[str, dict[str, None]] = {}  # the ids of a key several records share, in order
        for record in records:
            rid = record.id
            for norm in _by_norm(record):
                held = table.setdefault(norm, rid)
                if held is rid or held == rid:
                    continue
                shared.setdefault(norm, {held: None} if isinstance(held, str) else {})[rid] = None
        for norm, ids in shared.items():  # made once: linear however many records share a key
            table[norm] = tuple(ids)
        self.table = table

    def ids(self, norm: str) -> tuple[str, ...]:
        """The ids of the records the normal form *norm* finds, of every kind."""
        held = self.table.get(norm, ())
        return (held,) if isinstance(held, str) else held

    def shared(self) -> Iterator[tuple[str, tuple[str, ...]]]:
        """``(norm, ids)`` for every normal form that finds more than one record (of any kinds)."""
        for norm, held in self.table.items():
            if not isinstance(held, str):
                yield norm, held
