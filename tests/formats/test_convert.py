"""The converter: round trips for every shipped record, and strictness on the way in."""

from __future__ import annotations

import json
from typing import Any

import cattrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import asean_digital as ad
from asean_digital import Body, Declaration, Document, PartialDate, Period, Relation

reg = ad.registry


def every_record() -> list[Any]:
    records: list[Any] = [reg.sector]
    records += [*reg.bodies(), *reg.documents(), *reg.master_plans(), *reg.events()]
    records += [*reg.partners(), *reg.member_states(), *reg.relations(), *reg.policy_areas()]
    records += [*reg.dialogues(), *reg.initiatives(), *reg.sources()]
    return records


class TestRoundTrip:
    @given(st.sampled_from(every_record()))
    def test_every_shipped_record(self, record: Any) -> None:
        """structure(unstructure(x), type(x)) == x, also through JSON text."""
        conv = ad.converter
        data = conv.unstructure(record)
        assert conv.structure(data, type(record)) == record
        assert conv.structure(json.loads(json.dumps(data)), type(record)) == record

    def test_loader_hooks_agree_with_the_converter(self) -> None:
        """The loader's hooks structure every record as the converter does, on the fast path alone."""
        from asean_digital.formats.structure import Hooks

        def no_fallback(t: Any) -> Any:
            def fail(value: Any) -> Any:
                pytest.fail(f"a well-formed {t} fell back on the slow path")

            return fail

        # The slow path is a parameter of the hook maker: given one that fails, only the fast path runs.
        hooks = Hooks(no_fallback)
        for record in every_record():
            data = json.loads(json.dumps(ad.converter.unstructure(record)))
            cls = type(record)
            assert hooks.hook(cls)(data, cls) == ad.converter.structure(data, cls) == record

    def test_loader_hooks_refuse_as_the_converter_does(self) -> None:
        """The fast path itself refuses a bad value, and the error is then the converter's own."""
        from asean_digital.formats.structure import Hooks

        refused = object()
        data = ad.converter.unstructure(reg.body("ATRC"))
        fast_only = Hooks(lambda t: lambda value: refused).hook(Body)
        assert fast_only(data, Body) == reg.body("ATRC")
        data["established"] = "1995-13"
        assert fast_only(data, Body) is refused
        detailed = Hooks(lambda t: lambda value: ad.converter.structure(value, t)).hook(Body)
        with pytest.raises(Exception) as fast:  # noqa: PT011 - compared with the converter's below
            detailed(data, Body)
        with pytest.raises(Exception) as slow:  # noqa: PT011
            ad.converter.structure(data, Body)
        assert type(fast.value) is type(slow.value)
        assert repr(fast.value.exceptions) == repr(slow.value.exceptions)  # type: ignore[attr-defined]

    def test_a_bad_overlay_is_worded_by_the_converter(self, tmp_path: Any) -> None:
        """Through the public loader, a refused value is reported with the converter's detail and its path."""
        data = ad.converter.unstructure(reg.body("ATRC"))
        data["established"] = "1995-13"
        path = tmp_path / "bad.json"
        path.write_text(json.dumps({"bodies": [data]}), encoding="utf-8")
        with pytest.raises(ad.DataError) as raised:
            ad.load(path)
        assert "$.bodies[0].established" in str(raised.value)

    def test_walks_all_records(self) -> None:
        """A deterministic walk over every record, so none is left to chance."""
        for record in every_record():
            assert ad.converter.structure(ad.converter.unstructure(record), type(record)) == record

    def test_json_shape(self) -> None:
        """Dates are ISO text, enums their values, sequences arrays."""
        data = ad.converter.unstructure(reg.body("ADGMIN"))
        assert data["established"] == "2001-07-13"
        assert data["kind"] == "ministerial"
        assert data["names"][0]["valid"] == {"start": "2001-07-13", "end": "2019-10"}
        assert isinstance(data["meetings"], list)

    def test_declaration_keeps_its_fields(self) -> None:
        """A declaration unstructures with its meeting, city and host."""
        data = ad.converter.unstructure(reg.document("Cebu Declaration"))
        assert (data["meeting_name"], data["city"], data["host"]) == ("12th TELMIN", "Cebu", "PH")
        assert isinstance(ad.converter.structure(data, Declaration), Declaration)

    def test_relation_id_is_not_serialised(self) -> None:
        """A relation's id is derived, not a field."""
        rel = reg.relations()[0]
        assert set(ad.converter.unstructure(rel)) == {"subject", "predicate", "object", "sources", "errata"}
        assert isinstance(rel, Relation)


class TestStrict:
    @pytest.mark.parametrize(
        ("value", "cls"),
        [
            (True, PartialDate),
            (2001.0, PartialDate),
            (0, PartialDate),
            ("2001-13", PartialDate),
            ({"start": "2021", "end": "2020"}, Period),
        ],
    )
    def test_bad_values(self, value: Any, cls: type) -> None:
        """Dates are ISO strings of real dates or years as integers (from 1); periods are ordered."""
        with pytest.raises((cattrs.BaseValidationError, ValueError, TypeError)):
            ad.converter.structure(value, cls)

    def test_extra_keys_refused(self) -> None:
        """Unknown keys are refused, not dropped."""
        data = ad.converter.unstructure(reg.body("ATRC"))
        data["colour"] = "blue"
        with pytest.raises(cattrs.BaseValidationError):
            ad.converter.structure(data, Body)

    def test_bool_is_not_int(self) -> None:
        """A JSON true is not a meeting number."""
        data = ad.converter.unstructure(reg.document("Cebu Declaration"))
        data["meeting_number"] = True
        with pytest.raises(cattrs.BaseValidationError):
            ad.converter.structure(data, Declaration)

    def test_number_is_not_str(self) -> None:
        """A number is not a title."""
        data = ad.converter.unstructure(reg.document("PDP Framework"))
        data["title"] = 5
        with pytest.raises(cattrs.BaseValidationError):
            ad.converter.structure(data, Document)

    def test_make_converter_is_independent(self) -> None:
        """make_converter returns a fresh converter with the same behaviour."""
        from asean_digital.formats.convert import make_converter

        other = make_converter()
        assert other is not ad.converter
        assert other.unstructure(PartialDate(2019, 10)) == "2019-10"
