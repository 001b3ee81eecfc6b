"""
Stage 3, loading: the packaged files and overlays become a :class:`~.dataset.Dataset`.

Reading and structuring (:mod:`.load`), resolving the keys overlays give for
ids (:mod:`.resolve`), checks over the whole dataset (:mod:`.validate`), and
what an overlay changed (:mod:`.diff`). All or nothing: every problem is
collected and raised together.
"""
