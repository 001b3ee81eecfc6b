"""
The rows of the table of collections (:mod:`.collections`): :class:`Collection` and :class:`Reference`.

A row names its record class by place (``"records.Body"``) and imports it on
first use, so that a query builds only the classes of what it reads.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from .filters import Filter

__all__ = ["Collection", "Reference"]


_CLASSES: dict[str, type] = {}
"""The record classes imported so far, by :attr:`Collection.model`."""


@attrs.frozen
class Reference:
    """
    A field that holds the ids of other records.

    Attributes:
        field: Its path: attribute names joined by dots, ``[]`` after a name
            stepping into each item of a tuple (``"meetings[].joint_with[]"``).
        target: The collection whose ids it holds; ``"*"`` for a record of
            any kind.
    """

    field: str
    target: str


@attrs.frozen
class Collection:
    """
    One collection of the data: what it holds and how it is found.

    Attributes:
        name: Its key in the JSON files (``"bodies"``).
        model: Where the class of its records is defined: a module of
            :mod:`asean_digital.model` and the class name (``"records.Body"``).
            The module is imported on the first use of :attr:`cls`, so a
            query imports the classes of what it reads and no others.
        kind: The kind of record it holds, as messages name it (``"body"``).
        id_form: The form of its ids: ``"slug"`` (``"wg-ddg"``), ``"code"``
            (``"TH"``, ``"ITU"``), or ``None`` for records without an id of
            their own (relations).
        keys: The fields whose text finds a record, in order; a tuple of
            names counts each name and acronym; ``"title published.year"`` is
            the title and the year of publication joined by a space. The id
            always finds it too.
        shared_keys: The key fields that several records may share (the
            three *Singapore Declarations*): shared, they find none.
        shares_body_keys: Whether a record may bear the keys of the body
            its ``body`` field names (a body's own series of meetings, the
            process that set a body up): :meth:`~asean_digital.Registry.lookup`
            of such a key gives the body.
        search_fields: Further fields search matches, beyond the keys.
        references: The fields that hold other records' ids.
        date: The path of its principal date (``"period.start"``), or
            alternatives (``"published or period.start"``): what its records
            are sorted by and exist from; ``None`` for timeless kinds.
        order: A field that orders records of the same dates (a meeting's
            number); ``None`` to order them by id.
        undated_in_views: Whether a record of a dated kind whose date is
            unknown is in every point-in-time view all the same (an
            initiative is dated only where a source dates its plan).
        within: The collection its records belong to as well (a declaration
            is a document): one id space, one query.
        keyed: Whether its records are found by key (source documents have
            an id space of their own; relations have no keys).
        filters: The keyword filters of its query, beyond ``source``
            (every collection's query takes that): read by the registry's
            query and by the command line's options.
        command: The command-line sub-command listing it, if any.
        columns: The fields a command-line table shows (or the names of
            columns the command line works out: ``"former names"``,
            ``"meeting"``, ``"year"``).
        summary: What it holds, in a few words.
    """

    name: str
    model: str
    kind: str
    id_form: str | None = "slug"
    keys: tuple[str, ...] = ("name", "aliases")
    shared_keys: tuple[str, ...] = ()
    shares_body_keys: bool = False
    search_fields: tuple[str, ...] = ()
    references: tuple[Reference, ...] = ()
    date: str | None = None
    order: str | None = None
    undated_in_views: bool = False
    within: str | None = None
    keyed: bool = True
    filters: tuple[Filter, ...] = ()
    command: str | None = None
    columns: tuple[str, ...] = ("id", "name")
    summary: str = ""

    @property
    def cls(self) -> type:
        """
        The class of its records, imported on first use.

        >>> from asean_digital.model.collections import collection
        >>> collection("bodies").cls.__name__
        'Body'
        """
        found = _CLASSES.get(self.model)
        if found is None:
            module, _, name = self.model.rpartition(".")
            found = _CLASSES[self.model] = getattr(importlib.import_module(f"{__package__}.{module}"), name)
        return found

    @property
    def space(self) -> str:
        """The collection whose id space it shares: *within*, or its own."""
        return self.within or self.name
