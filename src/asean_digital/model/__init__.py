"""
Stage 1, the model: what a record is.

Partial dates and periods (:mod:`.dates`), the enumerations (:mod:`.enums`), the parts records are made of
(:mod:`.parts`), the record classes (:mod:`.records`), the table of
collections that every later stage reads (:mod:`.collections`, its rows in :mod:`.table`), lookup keys
(:mod:`.keys`), the exceptions (:mod:`.errors`) and how records display
(:mod:`.display`). Imports nothing from the later stages.
"""
