"""
What an overlay did to the packaged data: the records it changed, and the keys it gave for ids.

:meth:`~asean_digital.Registry.changes` lists a :class:`Change` per field of
every record an overlay adds or replaces; :attr:`~asean_digital.Registry.resolved`
lists a :class:`Resolution` per key an overlay gave where an id belongs.
"""

from __future__ import annotations

from typing import Any

import attrs

from .fields import publish

__all__ = ["Change", "Resolution"]


@attrs.frozen
class Change:
    """
    One field of one record that an overlay adds or replaces, with its old and new value.

    Values are JSON, as :data:`~asean_digital.converter` writes them
    (``"2001-07-13"`` for a date, a list for a tuple). The citation of the
    overlay file that every record an overlay touches gains is not a change:
    it is the overlay's own provenance.

    Attributes:
        action: ``"added"`` (the packaged data has no record with this id)
            or ``"replaced"``.
        collection: The collection the new record is in (``"bodies"``).
        id: The record's id.
        field: The field's path in the record (``"established"``,
            ``"names[0].valid.start"``); for an added record, each field it
            gives.
        old: The packaged value; ``None`` for an added record or a field
            the packaged record does not have.
        new: The overlay's value (with keys resolved to ids).
        file: The overlay file the record was read from.
        path: The record's JSON path in that file (``"$.bodies[0]"``).

    >>> Change("replaced", "bodies", "adgmin", "established", "2001-07-13", "1980", "my.json", "$.bodies[0]")
    Change(action='replaced', collection='bodies', id='adgmin', field='established', old='2001-07-13', ...)
    """

    action: str
    collection: str
    id: str
    field: str
    old: Any
    new: Any
    file: str
    path: str

    @property
    def dated(self) -> bool:
        """
        Whether the change moves a date of the record's history (a founding, a renaming, an accession).

        >>> Change("replaced", "bodies", "adgmin", "names[0].valid.start", "2001", "1980", "f", "$").dated
        True
        """
        leaf = self.field.rsplit(".", 1)[-1].split("[", 1)[0]
        return leaf in _DATED


_DATED = frozenset(
    {"established", "joined", "published", "started", "period", "valid", "start", "end", "dates", "names"}
)


@attrs.frozen
class Resolution:
    """
    A key an overlay gave where an id belongs, and the id it was resolved to at load.

    References (a body's ``parent``, a declaration's ``host``, ...) may be
    any key the query API accepts: an acronym, a name, an alias, a former
    name. The loaded record holds the id; this says what was written.

    Attributes:
        collection: The collection of the record holding the reference.
        id: That record's id.
        field: The reference's path in the record (``"parent"``,
            ``"meetings[0].joint_with[1]"``).
        key: The key as the overlay wrote it (``"ADGSOM"``).
        resolved: The id it found (``"adgsom"``).
        file: The overlay file.
        path: The reference's JSON path in that file (``"$.bodies[0].parent"``).

    >>> import asean_digital as ad, json, pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "mine.json"
    >>> group = {"id": "my-wg", "name": "My Group", "kind": "working_group", "parent": "ATRC",
    ...          "representation": "Director"}
    >>> _ = path.write_text(json.dumps({"bodies": [group]}))
    >>> [(r.field, r.key, r.resolved) for r in ad.load(path).resolved]
    [('parent', 'ATRC', 'atrc')]
    """

    collection: str
    id: str
    field: str
    key: str
    resolved: str
    file: str
    path: str


publish(globals(), Change, Resolution)
