"""The pipeline version every stored row carries (defined in marsad.version)."""
from __future__ import annotations

from marsad.version import pipeline_version

__all__ = ["pipeline_version"]
