"""Dedup thresholds: declared once, in marsad/resources/dedup.toml (this class has no defaults
of its own so the numbers live in one place)."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

from marsad.resources import path as resource_path


@dataclass(frozen=True, slots=True)
class DedupSettings:
    date_window_days: int
    point_km: float
    admin_km: float
    country_places_conflict: bool
    min_actor_matches: int
    place_can_anchor: bool
    state_sectors: frozenset[str]
    symmetric_types: frozenset[str]
    same_polarity: bool
    max_conflict_share: float

    @classmethod
    def load(cls, override: Path | str | None = None, **changes) -> DedupSettings:
        """The packaged settings, updated by the keys of the TOML file `override` and by `changes`."""
        values = _read(resource_path("dedup.toml"))
        if override is not None:
            extra = _read(Path(override))
            unknown = set(extra) - {f.name for f in fields(cls)}
            if unknown:
                raise ValueError(f"{override}: unknown dedup setting(s): {', '.join(sorted(unknown))}")
            values.update(extra)
        values.update(changes)
        for key in ("state_sectors", "symmetric_types"):
            values[key] = frozenset(values[key])
        return cls(**values)


def _read(p: Path) -> dict:
    try:
        with p.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{p}: invalid TOML ({exc})") from exc
