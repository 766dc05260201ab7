import { describe, expect, it } from "vitest";
import { mapProblem, roughOutline } from "./region-map.js";

describe("rough region outlines", () => {
  it("splits a box between two places, each outline one closed ring covering its half", () => {
    const map = roughOutline(
      [
        { code: "A", name: "West", centre: [0.25, 0.5] },
        { code: "B", name: "East", centre: [0.75, 0.5] },
      ],
      [0, 0, 1, 1],
      4,
      2,
    );
    expect(map.features.map((f) => f.properties.code)).toEqual(["A", "B"]);
    const west = map.features[0].geometry.coordinates as [number, number][][][];
    expect(west).toHaveLength(1);
    const ring = west[0][0];
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    const xs = ring.map((p) => p[0]);
    expect(Math.min(...xs)).toBe(0);
    expect(Math.max(...xs)).toBe(0.5);
  });

  it("accepts a feature collection whose codes name parts of the region, and says which codes do not", () => {
    const map = roughOutline([{ code: "330402", name: "南湖区", centre: [120.8, 30.7] }], [120, 30, 121, 31], 4, 4);
    expect(mapProblem(map, new Set(["330402"]))).toBeNull();
    expect(mapProblem(map, new Set(["330411"]))).toEqual({ reason: "geojson_codes", codes: ["330402"] });
    expect(mapProblem({ type: "Feature" }, new Set())).toEqual({ reason: "geojson_shape" });
  });
});
