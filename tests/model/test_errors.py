"""The public exceptions: plain data that survives pickling across processes."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

import asean_digital as ad
from asean_digital import DataError


def _raised(call: object) -> BaseException:
    assert callable(call)
    try:
        call()
    except ad.AseanDigitalError as e:
        return e
    raise AssertionError("nothing raised")  # pragma: no cover


class TestPickling:
    """Every public exception pickles and comes back equal in message and attributes."""

    @pytest.mark.parametrize(
        "error",
        [
            pytest.param(lambda: ad.registry.body("ADGMN"), id="not-found"),
            pytest.param(lambda: ad.registry.document("Singapore Declaration"), id="ambiguous"),
            pytest.param(lambda: ad.load("/nonexistent/overlay.json"), id="data-error"),
        ],
    )
    def test_round_trip_keeps_message_and_attributes(self, error: object) -> None:
        """A raised error, pickled and unpickled, has the same type, message, args and attributes."""
        original = _raised(error)
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
            copy = pickle.loads(pickle.dumps(original, protocol=protocol))  # noqa: S301 - our own bytes
            assert type(copy) is type(original)
            assert str(copy) == str(original)
            assert copy.args == original.args
            attributes = ("key", "kind", "suggestions", "candidates", "problems")
            for name in attributes:
                assert getattr(copy, name, None) == getattr(original, name, None)

    def test_the_root_error_pickles(self) -> None:
        """The root class, raised with a message of its own, pickles like any exception."""
        copy = pickle.loads(pickle.dumps(ad.AseanDigitalError("boom")))  # noqa: S301
        assert str(copy) == "boom"

    def test_messages_say_what_was_wrong(self) -> None:
        """The unpickled errors still carry the data a caller reads: suggestions, candidates, problems."""
        not_found = pickle.loads(pickle.dumps(_raised(lambda: ad.registry.body("ADGMN"))))  # noqa: S301
        assert "ADGMIN" in not_found.suggestions
        ambiguous = pickle.loads(pickle.dumps(_raised(lambda: ad.registry.document("Singapore Declaration"))))  # noqa: S301
        assert len(ambiguous.candidates) == 3  # the 3rd TELMIN's, the page's 13th TELMIN and 4th ADGMIN
        data = pickle.loads(pickle.dumps(_raised(lambda: ad.load("/nonexistent/overlay.json"))))  # noqa: S301
        assert data.problems
        assert "no such file" in data.problems[0]


def test_a_data_error_message_is_bounded() -> None:
    """The first 50 problems in full (each at most 500 characters), then a count; every one kept."""
    many = ad.DataError([f"big.json: $.bodies[{i}]: " + "x" * 10_000 for i in range(70)])
    lines = str(many).splitlines()
    assert len(many.problems) == 70
    assert len(lines) == 1 + 50 + 1
    assert lines[-1].endswith("and 20 more (all of them are in DataError.problems)")
    assert max(len(line) for line in lines) <= 2 + 500
    assert len(str(many)) < 30_000


def test_a_problem_is_one_line_whatever_the_data_held() -> None:
    """A newline or escape code from the data (a field named "\\n") is shown escaped, not obeyed."""
    error = DataError(["x.json: $.bodies[0]: unknown field(s) \n\x1b[31m"])
    assert error.problems == ("x.json: $.bodies[0]: unknown field(s) \\n\\x1b[31m",)
    assert str(error).count("\n") == 1


def test_each_problem_knows_its_file_path_and_message(tmp_path: Path) -> None:
    """An overlay's problems are lines that name their file, JSON path and message, for editors."""
    bad = tmp_path / "mine.json"
    bad.write_text(json.dumps({"partners": [{"id": "AU", "name": "Australia", "kind": "nation"}]}))
    with pytest.raises(ad.DataError) as raised:
        ad.load(bad)
    (problem,) = [p for p in raised.value.problems if p.path == "$.partners[0].kind"]
    assert problem.file == str(bad)
    assert problem.message.startswith("expected one of 'country'")
    assert str(problem) == f"{bad}: $.partners[0].kind: {problem.message}"
    again = pickle.loads(pickle.dumps(raised.value))  # noqa: S301 - our own bytes
    assert [p.path for p in again.problems] == [p.path for p in raised.value.problems]
