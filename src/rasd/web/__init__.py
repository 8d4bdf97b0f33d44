"""The offline map-and-timeline page: where its static files and the admin-boundary base layer live.

Everything the page needs is in ``static/`` (our HTML/JS/CSS, the UI strings in ``i18n.json`` and
the vendored Leaflet + markercluster in ``static/vendor/``); nothing is fetched from the internet.
"""

from __future__ import annotations

from pathlib import Path

STATIC_DIR = Path(__file__).resolve().parent / "static"
BOUNDARIES = Path(__file__).resolve().parents[1] / "data" / "admin_boundaries.geojson"


def boundaries_path() -> Path | None:
    """The admin1/admin2 GeoJSON base layer, or None while it has not been built."""
    return BOUNDARIES if BOUNDARIES.is_file() else None
