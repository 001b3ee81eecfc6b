"""
Look-alike keys by Unicode's own rule: the skeletons of UTS #39 (Unicode Security Mechanisms).

Two strings that look alike have the same *skeleton*: each character replaced
by the prototype Unicode's confusables data gives it (Cyrillic ``К`` by Latin
``K``, Cherokee ``Ꭺ`` by ``A``), between two decompositions (NFD). The data
file is Unicode's ``confusables.txt`` (version 13.0.0), shipped gzipped and
unchanged beside this module under Unicode's terms of use
(https://www.unicode.org/terms_of_use.html), read on the first check of a key
that is not plain ASCII.

UTS #39 gives the Latin small capitals (``ᴀ``) Cherokee prototypes, not the
capitals they imitate in a key; they are read as those capitals first, after
the compatibility forms (``ᶦ``, full-width and mathematical letters) are read
as their plain letters (NFKC). Stricter than the standard's skeleton, which is
what a key wants.
"""

from __future__ import annotations

import functools
import gzip
import unicodedata
from importlib import resources
from typing import Final

__all__ = ["skeleton"]

_SMALL_CAPITALS: Final = str.maketrans("ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘʀꜱᴛᴜᴠᴡʏᴢꞮ", "ABCDEFGHIJKLMNOPRSTUVWYZI")
"""The Latin small capitals (and the capital small capital I), as the capitals they look like in a key;
compatibility forms (modifier letters such as ``ᶦ``) are first read as these by NFKC."""


@functools.cache
def _prototypes() -> dict[int, str]:
    """Each confusable character's prototype, from Unicode's confusables data, as a translate table."""
    raw = resources.files(__package__).joinpath("confusables.txt.gz").read_bytes()
    out: dict[int, str] = {}
    for line in gzip.decompress(raw).decode("utf-8-sig").splitlines():
        data = line.split("#", 1)[0].strip()
        if not data:
            continue
        source, target, *_ = (field.strip() for field in data.split(";"))
        out[int(source, 16)] = "".join(chr(int(code, 16)) for code in target.split())
    return out


def skeleton(text: str) -> str:
    """
    The UTS #39 skeleton of *text*: equal for two strings that look alike.

    >>> skeleton("\u041a\u041d") == skeleton("KH")  # Cyrillic KA and EN
    True
    >>> skeleton("\u13aa\u13a2\u13d2\u13df") == skeleton("ATRC"), skeleton("ᴀᴛʀᴄ") == skeleton("ATRC")
    (True, True)
    >>> skeleton("ATRC") == skeleton("ATRD")
    False
    """
    compatible = unicodedata.normalize("NFKC", text).translate(_SMALL_CAPITALS)
    decomposed = unicodedata.normalize("NFD", compatible)
    return unicodedata.normalize("NFD", decomposed.translate(_prototypes()))
