import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRegion, buildUnit, buildUser } from "../../../db/factories.js";
import { insertRows } from "../../../db/insert-rows.js";
import { tasks, type UnitRow } from "../../../db/schema.js";
import { childPath } from "../../../domain/people.js";
import type { TaskSummaryOut } from "../../../schemas/tasks.js";
import { type Agent, createTestApp, type TestApp } from "../../testing.js";

// A phrase thousands of titles share is paged by walking the list's order instead of gathering
// every match (queries/tasks.ts): either way the pages must be the same.
let t: TestApp;
let office: Agent;
let officeUnit: UnitRow;
const COMMON = "安全生产";
const RARE = "冬季供暖";
const made: { id: string; number: number; title: string; dueOn: string }[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const city = await buildRegion(db, { level: "city" });
  officeUnit = await buildUnit(db, { region: city });
  office = await t.signIn(await buildUser(db, { unit: officeUnit, roles: ["coordinator"] }));
  const rows = Array.from({ length: 2600 }, (_, i) => {
    const id = randomUUID();
    // Many share a deadline, so the id decides the order among them.
    const dueOn = `2027-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 7) + 1).padStart(2, "0")}`;
    const title = i % 5 === 4 ? `${RARE}保障 ${i}` : `${i % 2 ? "全市" : "县域"}${COMMON}专项整治 ${i}`;
    return {
      id,
      title,
      dueOn,
      startOn: "2027-01-01",
      state: "assigned" as const,
      path: childPath(null, id),
      ownerUnitId: officeUnit.id,
      leadUnitId: officeUnit.id,
    };
  });
  const inserted = await insertRows(db, tasks, rows, { returning: true });
  made.push(...inserted.map((r) => ({ id: r.id, number: Number(r.number), title: r.title, dueOn: r.dueOn })));
});
afterAll(() => t.close());

async function allPages(query: string) {
  const seen: TaskSummaryOut[] = [];
  let cursor: string | null = null;
  let total = 0;
  do {
    const res = await office.get(`/api/tasks?${query}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json();
    seen.push(...page.items);
    total = page.total;
    cursor = page.nextCursor;
  } while (cursor);
  return { seen, total };
}

describe("title search", () => {
  it("a phrase thousands of titles share: every match once, in deadline order, page after page", async () => {
    const expected = made
      .filter((m) => m.title.includes(COMMON))
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id.localeCompare(b.id))
      .map((m) => m.id);
    expect(expected.length).toBeGreaterThan(2000);
    const { seen, total } = await allPages(`q=${encodeURIComponent(COMMON)}&sort=dueOn&order=asc`);
    expect(total).toBe(expected.length);
    expect(seen.map((s) => s.id)).toEqual(expected);
  });

  it("newest number first, and a rarer phrase the same way", async () => {
    const common = await allPages(`q=${encodeURIComponent(COMMON)}&sort=number&order=desc`);
    expect(common.seen.map((s) => s.number)).toEqual(
      made
        .filter((m) => m.title.includes(COMMON))
        .map((m) => m.number)
        .sort((a, b) => b - a),
    );
    const rare = await allPages(`q=${encodeURIComponent(RARE)}&sort=dueOn&order=asc`);
    expect(rare.total).toBe(520);
    expect(rare.seen.every((s) => s.title.includes(RARE))).toBe(true);
    expect(new Set(rare.seen.map((s) => s.id)).size).toBe(520);
  });
});
