#!/usr/bin/env bash
# Rebuild the directory's vendored front-end files and reference data from the npm packages pinned in
# package.json / package-lock.json. The outputs are committed: the site itself needs neither npm nor
# the network. Usage: bash directory/assets/build.sh [OUTLINES_GEOJSON]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
static="$here/../static/directory"
outlines="${1:-$here/../../../shared/ref/herault/communes-34-herault.geojson}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/package.json" "$here/package-lock.json" "$work/"
(cd "$work" && npm ci --no-audit --no-fund --ignore-scripts)
modules="$work/node_modules"

# Leaflet (BSD-2-Clause) and its marker-clustering plugin (MIT), with their licences.
mkdir -p "$static/vendor/leaflet/images" "$static/vendor/markercluster"
cp "$modules/leaflet/dist/leaflet.js" "$modules/leaflet/dist/leaflet.css" "$modules/leaflet/LICENSE" \
    "$static/vendor/leaflet/"
cp "$modules/leaflet/dist/images/"*.png "$static/vendor/leaflet/images/"
cp "$modules/leaflet.markercluster/dist/leaflet.markercluster.js" \
    "$modules/leaflet.markercluster/dist/MarkerCluster.css" \
    "$modules/leaflet.markercluster/dist/MarkerCluster.Default.css" \
    "$modules/leaflet.markercluster/MIT-LICENCE.txt" "$static/vendor/markercluster/"
cp "$modules/@etalab/decoupage-administratif/LICENSE" "$here/../data/LICENSE-decoupage-administratif"

python3 "$here/build_reference.py" "$modules" "$outlines"
