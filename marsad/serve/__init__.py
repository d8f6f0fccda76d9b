"""`marsad serve`: a read-only HTTP API over a store (FastAPI on uvicorn).

Every answer comes from the store's own query code (marsad.store.query, count, show, search,
actors and marsad.export), so the API and the CLI cannot disagree on what a filter means.
"""
