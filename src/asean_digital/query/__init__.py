"""
Stage 4, queries: the :class:`~asean_digital.Registry` over a loaded dataset.

The generic collection core (:mod:`.core`), each kind's filters and typed
methods (:mod:`.kinds`), the registry itself (:mod:`.registry`), results
(:mod:`.results`), point-in-time views (:mod:`.timeview`), search
(:mod:`.search`) and the entry points (:mod:`.api`).
"""
