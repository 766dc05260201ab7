/**
 * Region outlines for maps: checking an uploaded GeoJSON, and drawing a rough one when none has
 * been uploaded (each part of a region takes the grid cells nearest its centre; the cells are
 * merged into one outline). Pure.
 */

export interface Place {
  code: string;
  name: string;
  /** Approximate centre, [longitude, latitude]. */
  centre: [number, number];
}

type Ring = [number, number][];
export interface Feature {
  type: "Feature";
  properties: { code: string; name: string };
  geometry: { type: "Polygon" | "MultiPolygon"; coordinates: Ring[] | Ring[][] };
}
export interface FeatureCollection {
  type: "FeatureCollection";
  features: Feature[];
}

/**
 * A rough map of `places` within `box` ([west, south, east, north]): a grid of `cols`×`rows` cells,
 * each given to the nearest centre; each place's cells merged into outline rings.
 */
export function roughOutline(
  places: readonly Place[],
  box: [number, number, number, number],
  cols = 48,
  rows = 36,
): FeatureCollection {
  const [west, south, east, north] = box;
  const dx = (east - west) / cols;
  const dy = (north - south) / rows;
  const owner: number[][] = [];
  for (let r = 0; r < rows; r++) {
    owner.push([]);
    for (let c = 0; c < cols; c++) {
      const x = west + (c + 0.5) * dx;
      const y = south + (r + 0.5) * dy;
      // Only the ellipse inside the box: a rounder sketch than the box itself.
      if (((2 * (x - west)) / (east - west) - 1) ** 2 + ((2 * (y - south)) / (north - south) - 1) ** 2 > 1) {
        owner[r].push(-1);
        continue;
      }
      let best = 0;
      let bestD = Number.POSITIVE_INFINITY;
      places.forEach((p, i) => {
        const d = (p.centre[0] - x) ** 2 + (p.centre[1] - y) ** 2;
        if (d < bestD) {
          bestD = d;
          best = i;
        }
      });
      owner[r].push(best);
    }
  }
  const at = (r: number, c: number) => (r < 0 || c < 0 || r >= rows || c >= cols ? -1 : owner[r][c]);
  const point = (gx: number, gy: number): [number, number] => [round(west + gx * dx), round(south + gy * dy)];
  const features: Feature[] = places.map((p, i) => {
    // The boundary edges of the place's cells, each directed so the place lies on its left.
    const next = new Map<string, [number, number]>();
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        if (owner[r][c] !== i) continue;
        // Counter-clockwise: bottom west→east, east side south→north, top east→west, west side north→south.
        if (at(r - 1, c) !== i) next.set(`${c},${r}`, [c + 1, r]);
        if (at(r, c + 1) !== i) next.set(`${c + 1},${r}`, [c + 1, r + 1]);
        if (at(r + 1, c) !== i) next.set(`${c + 1},${r + 1}`, [c, r + 1]);
        if (at(r, c - 1) !== i) next.set(`${c},${r + 1}`, [c, r]);
      }
    const rings: Ring[] = [];
    while (next.size) {
      const [startKey] = next.keys();
      const [sx, sy] = startKey.split(",").map(Number);
      const ring: Ring = [point(sx, sy)];
      let key = startKey;
      for (;;) {
        const to = next.get(key);
        if (!to) break;
        next.delete(key);
        ring.push(point(to[0], to[1]));
        key = `${to[0]},${to[1]}`;
        if (key === startKey) break;
      }
      if (ring.length > 3) rings.push(ring);
    }
    return {
      type: "Feature",
      properties: { code: p.code, name: p.name },
      geometry: { type: "MultiPolygon", coordinates: rings.map((ring) => [ring]) },
    };
  });
  return { type: "FeatureCollection", features };
}

const round = (n: number) => Math.round(n * 1e5) / 1e5;

/** What is wrong with an uploaded map, if anything: its shape, or codes that name no part of the region. */
export function mapProblem(value: unknown, codes: ReadonlySet<string>): { reason: string; codes?: string[] } | null {
  const fc = value as Partial<FeatureCollection>;
  if (fc?.type !== "FeatureCollection" || !Array.isArray(fc.features) || fc.features.length === 0)
    return { reason: "geojson_shape" };
  const unknown: string[] = [];
  for (const f of fc.features) {
    const g = f?.geometry;
    if (!g || (g.type !== "Polygon" && g.type !== "MultiPolygon") || !Array.isArray(g.coordinates))
      return { reason: "geojson_shape" };
    const code = String(f.properties?.code ?? "");
    if (!codes.has(code)) unknown.push(code || "(none)");
  }
  return unknown.length ? { reason: "geojson_codes", codes: unknown } : null;
}
