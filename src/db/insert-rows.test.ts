import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./connection.js";
import { buildTask, buildUnit, buildUser } from "./factories.js";
import { insertRows } from "./insert-rows.js";
import { auditEvents, meetings, progressReports, taskEvents } from "./schema.js";
import { createTestDatabase } from "./testing.js";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const awkward = ['引号"和\\反斜杠', "逗号, {花括号}", "NULL", "", "  空格  ", "emoji 🚩"];

describe("insertRows", () => {
  it("stores what Drizzle's insert stores, defaults and awkward text included", async () => {
    const { db } = database;
    const unit = await buildUnit(db);
    const row = {
      title: '会议 "一" \\ {x}',
      heldOn: "2026-11-02",
      unitId: unit.id,
      presiders: awkward,
      speakers: [],
      organizer: null,
    };
    const [byDrizzle] = await db.insert(meetings).values(row).returning();
    const [byJson] = await insertRows(db, meetings, [row], { returning: true });
    const [read] = await db.select().from(meetings).where(eq(meetings.id, byJson.id));
    const same = ({ id: _i, createdAt: _c, updatedAt: _u, ...rest }: typeof byDrizzle) => rest;
    expect(same(byJson)).toEqual(same(byDrizzle));
    expect(read).toEqual(byJson);
    expect(read.presiders).toEqual(awkward);
    expect(read.kind).toBe("other");
    expect(read.version).toBe(1);
  });

  it("keeps JSON values as JSON, fills identities and timestamps, and takes many rows at once", async () => {
    const { db } = database;
    const task = await buildTask(db);
    const user = await buildUser(db);
    const data = { reportId: "r-1", percent: 40, nested: { list: [1, "二", null] }, text: 'a "quoted" \\ word' };
    const rows = Array.from({ length: 120 }, (_, i) => ({
      taskId: task.id,
      actorId: user.id,
      actorName: `填报人 ${i}`,
      kind: "note" as const,
      data: { ...data, i },
    }));
    await insertRows(db, taskEvents, rows);
    const stored = await db.select().from(taskEvents).where(eq(taskEvents.taskId, task.id)).orderBy(taskEvents.id);
    expect(stored).toHaveLength(120);
    expect(stored.map((e) => e.data)).toEqual(rows.map((r) => r.data));
    expect(stored.map((e) => e.actorName)).toEqual(rows.map((r) => r.actorName));
    expect(new Set(stored.map((e) => e.id)).size).toBe(120);
    expect(stored.every((e) => typeof e.at === "string" && e.at.length > 0)).toBe(true);

    await insertRows(db, auditEvents, [
      { actorId: null, actorName: "system", action: "test.insert", entityType: "task", before: null, after: data },
    ]);
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.action, "test.insert"));
    expect(audit.before).toBeNull();
    expect(audit.after).toEqual(data);
  });

  it("returns the stored reports as Drizzle maps them, and writes nothing for no rows", async () => {
    const { db } = database;
    const task = await buildTask(db);
    const reports = await insertRows(
      db,
      progressReports,
      [40, null].map((percent) => ({
        taskId: task.id,
        unitId: task.leadUnitId,
        kind: "report" as const,
        period: "2026-11",
        narrative: "按计划推进",
        percent,
        measuredValue: percent === null ? 12.5 : null,
        submittedByName: "填报人",
        review: "pending" as const,
      })),
      { returning: true },
    );
    const read = await db
      .select()
      .from(progressReports)
      .where(
        inArray(
          progressReports.id,
          reports.map((r) => r.id),
        ),
      );
    expect(reports).toEqual(expect.arrayContaining(read));
    expect(reports.map((r) => [r.percent, r.measuredValue])).toEqual([
      [40, null],
      [null, 12.5],
    ]);
    expect(await insertRows(db, progressReports, [], { returning: true })).toEqual([]);
  });

  it("refuses a field the table does not have", async () => {
    const task = await buildTask(database.db);
    await expect(
      insertRows(database.db, taskEvents, [{ taskId: task.id, actorName: "x", kind: "note", colour: "red" } as never]),
    ).rejects.toThrow(/no column colour/);
  });
});
