import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTask, buildUnit } from "../../db/factories.js";
import { type TaskRow, tasks } from "../../db/schema.js";
import { createTestDatabase, type TestDatabase } from "../../db/testing.js";
import { rollUpAncestors } from "./task-upkeep.js";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

it("two sub-tasks changed at once roll their parent up from both, whichever commits first", async () => {
  const { db } = database;
  const unit = await buildUnit(db);
  const running = { owner: unit, state: "in_progress" as const, startOn: "2026-01-01", dueOn: "2027-12-31" };
  const parent = await buildTask(db, running);
  const children = [await buildTask(db, { ...running, parent }), await buildTask(db, { ...running, parent })];
  const change = (child: TaskRow, progress: number) =>
    db.transaction(async (tx) => {
      await tx.update(tasks).set({ progress }).where(eq(tasks.id, child.id));
      // Both changes are made before either rolls up: each must still see the other's once it commits.
      await new Promise((r) => setTimeout(r, 50));
      await rollUpAncestors(tx, child.path);
    });
  for (const step of [1, 2, 3]) {
    await Promise.all([change(children[0], 10 * step), change(children[1], 30 * step)]);
    const [now] = await db.select({ progress: tasks.progress }).from(tasks).where(eq(tasks.id, parent.id));
    expect(now.progress).toBe(20 * step);
  }
});
