"""
Stage 2, the formats: how records map to and from JSON, tables and schemas.

The one cattrs converter (:mod:`.convert`) and the plain structuring path the
packaged data takes (:mod:`.structure`), the forgiving-input rules of
overlays (:mod:`.input`), JSON Schemas (:mod:`.schema`) and skeletons
(:mod:`.skeleton`), the relational description of every table
(:mod:`.tables`) and rows for DataFrames (:mod:`.rows`).
"""
