"""Shared fixtures and the Hypothesis profiles.

``HYPOTHESIS_PROFILE=thorough`` runs many more examples than the default,
fast profile that ``make test`` uses.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("fast", max_examples=60, deadline=None)
settings.register_profile(
    "thorough", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fast"))
