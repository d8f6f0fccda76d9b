"""Cross-article dedup: the same real-world event reported by several articles becomes one
canonical event with its corroboration (articles, outlets). Rule in `rule.py`, thresholds in
marsad/resources/dedup.toml."""
from __future__ import annotations

from marsad.dedup.cluster import CanonicalEvent, DedupResult, dedup
from marsad.dedup.settings import DedupSettings

__all__ = ["CanonicalEvent", "DedupResult", "DedupSettings", "dedup"]
