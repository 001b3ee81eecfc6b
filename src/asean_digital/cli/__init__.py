"""
Stage 6, the ``asean-digital`` command line (:func:`.main.main`).

Reads the table of collections and the queries' filter declarations; writes
tables, cards, JSON and CSV.
"""
