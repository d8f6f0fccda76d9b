"""The corpus store: idempotent ingest, Arabic full-text search, event and claim queries.

SQLite (a file, the default) or PostgreSQL (by URL); both hold the same tables
(see schema.py) and answer the same queries.

    >>> from marsad.store.urls import parse_db_url
    >>> parse_db_url("sqlite:///tmp/x.db").kind
    'sqlite'
"""
from __future__ import annotations

from marsad.store.base import Store, open_store
from marsad.store.version import pipeline_version

__all__ = ["Store", "open_store", "pipeline_version"]
