#!/usr/bin/env bash
# Re-vendor the page's JavaScript libraries into src/rasd/web/static/vendor/ (committed; the page
# needs no internet). Uses `npm pack` on pinned versions; only the dist files and licences are kept.
#   Leaflet 1.9.4 (BSD-2-Clause), Leaflet.markercluster 1.5.3 (MIT).
# Usage: bash scripts/vendor_web.sh
set -euo pipefail
LEAFLET_VERSION=1.9.4
CLUSTER_VERSION=1.5.3
HERE="$(cd "$(dirname "$0")/.." && pwd)"
DEST="$HERE/src/rasd/web/static/vendor"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

cd "$TMP"
npm pack --silent "leaflet@$LEAFLET_VERSION" "leaflet.markercluster@$CLUSTER_VERSION" >/dev/null
mkdir leaflet cluster
tar xzf "leaflet-$LEAFLET_VERSION.tgz" -C leaflet --strip-components=1
tar xzf "leaflet.markercluster-$CLUSTER_VERSION.tgz" -C cluster --strip-components=1

rm -rf "$DEST/leaflet" "$DEST/markercluster"
mkdir -p "$DEST/leaflet/images" "$DEST/markercluster"
cp leaflet/dist/leaflet.js leaflet/dist/leaflet.css "$DEST/leaflet/"
cp leaflet/dist/images/*.png "$DEST/leaflet/images/"
cp leaflet/LICENSE "$DEST/leaflet/LICENSE"
cp cluster/dist/leaflet.markercluster.js cluster/dist/MarkerCluster.css \
   cluster/dist/MarkerCluster.Default.css "$DEST/markercluster/"
cp cluster/MIT-LICENCE.txt "$DEST/markercluster/LICENSE" 2>/dev/null || cp cluster/LICENSE* "$DEST/markercluster/LICENSE"
printf 'leaflet %s BSD-2-Clause\nleaflet.markercluster %s MIT\n' "$LEAFLET_VERSION" "$CLUSTER_VERSION" > "$DEST/VERSIONS"
echo "vendored into $DEST:"
find "$DEST" -type f | sort
