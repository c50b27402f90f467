"""Build the directory's reference data of the Hérault, once, from two public sources:

- the communes, their postal codes and their EPCI: `@etalab/decoupage-administratif` (npm, MIT licence;
  the data behind the State's geographic API, INSEE's COG);
- the outlines of the communes: IGN Admin Express COG 2018 (Licence Ouverte), as shipped in
  `shared/ref/herault/`.

The 2018 outlines have 343 communes, today's list 341: two communes have since merged into a "commune
nouvelle" (Dio-et-Valquières into Lunas, Vérargues into Entre-Vignes). The outline of a merged
commune becomes a piece of the one that absorbed it (a MultiPolygon: the old border stays drawn).

Writes directory/data/herault.json (communes and EPCI, read by `manage.py load_territories`) and
directory/static/directory/herault-communes.geojson (the map's base layer), then prints what it
reconciled. Run by build.sh; the outputs are committed, so the site needs neither npm nor the network.

    python build_reference.py NODE_MODULES_DIR OUTLINES_GEOJSON
"""

import json
import sys
from pathlib import Path

DEPARTEMENT = "34"
HERE = Path(__file__).resolve().parent
APP = HERE.parent
EDITION = "@etalab/decoupage-administratif 6.0.0 (millésime 2026 du COG)"


def ring_area_and_centroid(ring):
    """Signed area and centroid of a closed ring of [lon, lat] (shoelace formula)."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    area /= 2
    if not area:
        return 0.0, ring[0]
    return area, (cx / (6 * area), cy / (6 * area))


def polygons(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    return geometry["coordinates"]


def centre(geometry):
    """The centroid of the largest polygon's outer ring: a point inside a commune's main body."""
    best = max(
        (ring_area_and_centroid(polygon[0]) for polygon in polygons(geometry)),
        key=lambda pair: abs(pair[0]),
    )
    lon, lat = best[1]
    return round(lat, 5), round(lon, 5)


def main(node_modules, outlines_path):
    data = Path(node_modules) / "@etalab" / "decoupage-administratif" / "data"
    communes = [
        c
        for c in json.loads((data / "communes.json").read_text(encoding="utf-8"))
        if c.get("departement") == DEPARTEMENT
    ]
    current = {c["code"]: c for c in communes if c["type"] == "commune-actuelle"}
    absorbed = {c["code"]: c["chefLieu"] for c in communes if c["type"] == "commune-deleguee"}
    absorbed_names = {c["code"]: c["nom"] for c in communes if c["type"] == "commune-deleguee"}
    epcis = [
        e
        for e in json.loads((data / "epci.json").read_text(encoding="utf-8"))
        if any(m["code"] in current for m in e["membres"])
    ]
    epci_of = {m["code"]: e["code"] for e in epcis for m in e["membres"] if m["code"] in current}

    outlines = json.loads(Path(outlines_path).read_text(encoding="utf-8"))
    shapes = {}
    for feature in outlines["features"]:
        code = feature["properties"]["code"]
        target = code if code in current else absorbed.get(code)
        if target is None:
            sys.exit(f"Contour sans commune actuelle : {code} {feature['properties']['nom']}")
        if target != code:
            print(f"{code} {feature['properties']['nom']} → {target} {current[target]['nom']}")
        shapes.setdefault(target, []).extend(polygons(feature["geometry"]))
    missing = set(current) - set(shapes)
    if missing:
        sys.exit(f"Communes sans contour : {sorted(missing)}")

    features = []
    rows = []
    for code in sorted(current):
        commune = current[code]
        geometry = (
            {"type": "Polygon", "coordinates": shapes[code][0]}
            if len(shapes[code]) == 1
            else {"type": "MultiPolygon", "coordinates": shapes[code]}
        )
        lat, lon = centre(geometry)
        features.append(
            {
                "type": "Feature",
                "properties": {"code": code, "nom": commune["nom"]},
                "geometry": geometry,
            }
        )
        rows.append(
            {
                "code": code,
                "nom": commune["nom"],
                "codes_postaux": sorted(commune.get("codesPostaux", [])),
                "epci": epci_of.get(code),
                "population": commune.get("population"),
                "latitude": lat,
                "longitude": lon,
                "anciens_noms": sorted(
                    absorbed_names[old] for old, new in absorbed.items() if new == code
                ),
            }
        )
    reference = {
        "source": (
            f"Communes, codes postaux et EPCI : {EDITION}, licence MIT, données INSEE (COG). "
            "Contours : IGN – Admin Express COG 2018, Licence Ouverte 2.0, rapprochés des communes "
            "actuelles."
        ),
        "departement": {"code": DEPARTEMENT, "nom": "Hérault"},
        "epci": [
            {"code": e["code"], "nom": e["nom"], "type": e["type"]}
            for e in sorted(epcis, key=lambda e: e["nom"])
        ],
        "communes": rows,
    }
    (APP / "data" / "herault.json").write_text(
        json.dumps(reference, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    (APP / "static" / "directory" / "herault-communes.geojson").write_text(
        json.dumps(
            {"type": "FeatureCollection", "features": features},
            ensure_ascii=False,
            separators=(",", ":"),
        ),
        encoding="utf-8",
    )
    print(f"{len(rows)} communes, {len(epcis)} EPCI")


if __name__ == "__main__":
    main(*sys.argv[1:3])
