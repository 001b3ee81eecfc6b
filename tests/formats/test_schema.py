"""The shipped JSON Schemas: in step with the model, and agreeing with the loader."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import asean_digital as ad
from asean_digital.formats.schema import file_schema
from asean_digital.model.collections import COLLECTIONS as TABLE

COLLECTIONS = {c.name: c.cls for c in TABLE}

SCHEMA_DIR = resources.files("asean_digital") / "schema"
DATA_DIR = resources.files("asean_digital") / "data"


def shipped(collection: str) -> dict[str, Any]:
    return json.loads((SCHEMA_DIR / f"{collection}.schema.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


class TestSchemas:
    @pytest.mark.parametrize("collection", list(COLLECTIONS))
    def test_in_step_with_the_model(self, collection: str) -> None:
        """The shipped schema is the one the attrs model gives (regenerate with _schema.write_schemas)."""
        assert shipped(collection) == file_schema(collection)

    def test_every_packaged_file_is_valid(self) -> None:
        """Every packaged data file validates against its collection's schema."""
        checked = 0
        for entry in DATA_DIR.iterdir():
            if not entry.name.endswith(".json"):
                continue
            doc = json.loads(entry.read_text(encoding="utf-8"))
            (collection,) = [k for k in doc if k in COLLECTIONS]
            jsonschema.validate(doc, shipped(collection))
            checked += 1
        assert checked == len(COLLECTIONS)

    @pytest.mark.parametrize(
        "partner",
        [
            {"id": "AU", "kind": "country", "sources": []},
            {"id": "AU", "name": "Australia", "kind": "planet", "sources": []},
            {"id": "AU", "name": "Australia", "kind": "country", "sources": [], "colour": "red"},
            {"id": "AU", "name": 5, "kind": "country", "sources": []},
        ],
    )
    def test_schema_and_loader_both_refuse(self, tmp_path: Path, partner: dict[str, Any]) -> None:
        """What the schema refuses, the loader refuses too."""
        doc = {"partners": [partner]}
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(doc, shipped("partners"))
        path = tmp_path / "overlay.json"
        path.write_text(json.dumps(doc), encoding="utf-8")
        with pytest.raises(ad.DataError):
            ad.load(path)
