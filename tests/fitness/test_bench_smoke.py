"""The benchmark runs end to end (a smoke test: no timing is asserted)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench.py"


def test_quick_run_writes_results(tmp_path: Path) -> None:
    """A quick run on the smallest size exits 0 and writes results JSON with every part."""
    out = tmp_path / "results.json"
    result = subprocess.run(
        [sys.executable, str(BENCH), "--quick", "--sizes", "200", "--json", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    data = json.loads(out.read_text())
    assert {"machine", "cold", "load", "queries", "scale", "targets"} <= set(data)
    assert data["machine"]["cores"] >= 1
    assert data["machine"]["python"]
    assert "200" in data["scale"]
    assert "load_s" in data["scale"]["200"]
    assert data["queries"]["median_us"]
