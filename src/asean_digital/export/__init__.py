"""
Stage 5, exports: the whole dataset as a folder of JSON or CSV, as SQLite, as graphs.

Folder exports and graphs (:mod:`.interop`) and the SQLite database
(:mod:`.sqlite`).
"""
