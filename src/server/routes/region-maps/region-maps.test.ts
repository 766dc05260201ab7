import { afterAll, beforeAll, expect, it } from "vitest";
import { buildRegion, buildUnit, buildUser } from "../../../db/factories.js";
import { roughOutline } from "../../../domain/region-map.js";
import { createTestApp, type TestApp } from "../../testing.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it("an admin uploads a map of a region's parts; everyone reads it; a feature naming no part is refused with its code", async () => {
  const db = t.database.db;
  const city = await buildRegion(db, { level: "city" });
  const a = await buildRegion(db, { level: "county", parent: city });
  const b = await buildRegion(db, { level: "county", parent: city });
  const unit = await buildUnit(db, { region: city });
  const admin = await t.signIn(await buildUser(db, { unit, roles: ["admin"] }));
  const coordinator = await t.signIn(await buildUser(db, { unit, roles: ["coordinator"] }));
  expect((await coordinator.get(`/api/regions/${city.id}/map`)).statusCode).toBe(404);
  const map = roughOutline(
    [
      { code: a.code, name: a.name, centre: [120.5, 30.5] },
      { code: b.code, name: b.name, centre: [121, 30.5] },
    ],
    [120, 30, 121.5, 31],
  );
  expect((await coordinator.put(`/api/regions/${city.id}/map`, map)).statusCode).toBe(403);
  expect((await admin.put(`/api/regions/${city.id}/map`, map)).statusCode).toBe(200);
  const got = (await coordinator.get(`/api/regions/${city.id}/map`)).json();
  expect(got.geojson.features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual([a.code, b.code]);
  const wrong = await admin.put(`/api/regions/${city.id}/map`, {
    ...map,
    features: [{ ...map.features[0], properties: { code: "999999", name: "x" } }],
  });
  expect(wrong.statusCode).toBe(400);
  expect(wrong.json().fields[0]).toMatchObject({ field: "geojson", message: expect.stringContaining("999999") });
});
