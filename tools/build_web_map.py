"""Build the web app's basemap, marsad/serve/static/basemap.json, from the shared geo data.

    python tools/build_web_map.py [../shared/data/gazetteers/geo]

Countries: Natural Earth 1:50m admin-0 (public domain; naturalearth/ne_50m_admin_0_countries.geojson).
Admin-1 areas (MENA-22): Who's On First regions (CC BY; wof/wof_mena_admin1_simplified.geojson).
Both simplified (Douglas-Peucker) and rounded, properties cut to a name and a code, so the file the
browser loads is small; the output is the same for the same input (sorted, no timestamps).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

COUNTRY_TOLERANCE = 0.2    # degrees; coarse enough for a laptop-sized world map
ADMIN1_TOLERANCE = 0.06    # degrees; MENA regions are seen zoomed in
DIGITS = 1                 # ~10 km: below what a screen shows
CREDIT = ("Country outlines: Natural Earth (public domain). Admin-1 areas: Who's On First (CC BY), "
          "geometry from quattroshapes (CC BY), meso (CC0) and whosonfirst.")


def _perpendicular(p: list[float], a: list[float], b: list[float]) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    return abs(dy * x - dx * y + x2 * y1 - y2 * x1) / (dx * dx + dy * dy) ** 0.5


def simplify(points: list[list[float]], tolerance: float) -> list[list[float]]:
    """Douglas-Peucker, iterative (long rings would overflow recursion)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        lo, hi = stack.pop()
        best, at = 0.0, -1
        for i in range(lo + 1, hi):
            d = _perpendicular(points[i], points[lo], points[hi])
            if d > best:
                best, at = d, i
        if at >= 0 and best > tolerance:
            keep[at] = True
            stack += [(lo, at), (at, hi)]
    return [p for p, k in zip(points, keep) if k]


def _rings(geometry: dict) -> list[list[list[float]]]:
    if geometry["type"] == "Polygon":
        return geometry["coordinates"]
    if geometry["type"] == "MultiPolygon":
        return [ring for polygon in geometry["coordinates"] for ring in polygon]
    return []


def _compact(geometry: dict, tolerance: float) -> list[list[list[float]]]:
    """Outer and inner rings alike (drawn with the even-odd rule), each kept if it still has an area."""
    out = []
    for ring in _rings(geometry):
        small = [[round(x, DIGITS), round(y, DIGITS)] for x, y in simplify(ring, tolerance)]
        dedup = [p for i, p in enumerate(small) if i == 0 or p != small[i - 1]]
        if len(dedup) >= 4:
            out.append(dedup)
    return out


def build(geo: Path) -> dict:
    countries = json.loads((geo / "naturalearth" / "ne_50m_admin_0_countries.geojson").read_text(encoding="utf-8"))
    admin1 = json.loads((geo / "wof" / "wof_mena_admin1_simplified.geojson").read_text(encoding="utf-8"))
    features = []
    for f in countries["features"]:
        p = f["properties"]
        rings = _compact(f["geometry"], COUNTRY_TOLERANCE)
        if rings:
            iso = p["ISO_A3"] if p["ISO_A3"] != "-99" else p["ADM0_A3"]
            features.append({"type": "Feature", "properties": {"level": 0, "code": iso, "name": p["NAME"]},
                             "geometry": {"type": "MultiPolygon", "coordinates": [[r] for r in rings]}})
    for f in admin1["features"]:
        p = f["properties"]
        rings = _compact(f["geometry"], ADMIN1_TOLERANCE)
        if rings:
            features.append({"type": "Feature", "properties": {"level": 1, "code": p["country"],
                                                               "name": p.get("name_en") or p["name"],
                                                               "name_ar": p.get("name_ar") or ""},
                             "geometry": {"type": "MultiPolygon", "coordinates": [[r] for r in rings]}})
    features.sort(key=lambda f: (f["properties"]["level"], f["properties"]["code"], f["properties"]["name"]))
    return {"type": "FeatureCollection", "credit": CREDIT, "features": features}


def main() -> None:
    geo = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parents[1] / ".." / "shared" / "data" / "gazetteers" / "geo")
    out = Path(__file__).parents[1] / "marsad" / "serve" / "static" / "basemap.json"
    out.write_text(json.dumps(build(geo), ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{out}: {out.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
