"""Shared fixtures and the Hypothesis profiles.

``HYPOTHESIS_PROFILE=thorough`` runs many more examples than the default,
fast profile that ``make test`` uses.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("fast", max_examples=60, deadline=None)
settings.register_profile(
    "thorough", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fast"))


# The slow tests: whole-package fitness checks, subprocesses, and property tests that
# load generated registries. `make check` leaves them out; `make test` runs everything.
SLOW: Final = (
    "tests/fitness/",
    "tests/strategies/",
    "tests/query/test_properties.py",
    "tests/cli/test_conventions.py",
    "tests/cli/test_interrupt.py",
    "tests/export/test_export_safety.py",
    "tests/loading/test_malformed_overlays.py",
    "tests/loading/test_limits.py",
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    root = Path(str(config.rootpath))
    for item in items:
        path = (
            Path(str(item.path)).relative_to(root).as_posix()
            if Path(str(item.path)).is_relative_to(root)
            else ""
        )
        if path.startswith(SLOW):
            item.add_marker(pytest.mark.slow)
