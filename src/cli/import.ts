import { asc, eq, sql } from "drizzle-orm";
import { units, users } from "../db/schema.js";
import { createMeeting } from "../server/commands/create-meeting.js";
import { draftMeeting } from "../server/commands/draft-meeting.js";
import { systemContext } from "../server/context.js";
import { reportText } from "../server/report-files.js";
import { describeError } from "./describe-error.js";
import { openForCommand } from "./open.js";

function progress(done: number, total: number, label: string) {
  if (!process.stdout.isTTY) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stdout.write(
    `\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} ${label.slice(0, 40).padEnd(40)}`,
  );
}

/** `luoshi import FILE…`: each report becomes a meeting with draft directives, one transaction per file. */
export async function importCommand(files: string[], opts: { unit?: string; data?: string }) {
  const database = await openForCommand(opts);
  const summary = { imported: 0, duplicates: 0, failed: 0, directives: 0 };
  try {
    const [unit] = opts.unit
      ? await database.db.select().from(units).where(eq(units.code, opts.unit)).limit(1)
      : await database.db
          .select({ id: units.id, name: units.name })
          .from(users)
          .innerJoin(units, eq(units.id, users.unitId))
          .where(sql`'admin'::user_role = any(${users.roles})`)
          .orderBy(asc(users.createdAt))
          .limit(1);
    if (!unit)
      throw new Error(
        opts.unit ? `no unit with code ${opts.unit}` : "no admin's unit to register the meetings under; pass --unit CODE",
      );
    const ctx = systemContext("cli-import");
    for (const [i, file] of files.entries()) {
      progress(i, files.length, file);
      try {
        const text = await reportText(file);
        const { draft, duplicateOf } = await draftMeeting(database.db, { text, fileName: file });
        if (duplicateOf) {
          summary.duplicates++;
          process.stdout.write(`${process.stdout.isTTY ? "\n" : ""}${file}: already registered as “${duplicateOf.title}”\n`);
          continue;
        }
        await database.db.transaction((tx) => createMeeting(ctx, { ...draft, unitId: unit.id }, tx));
        summary.imported++;
        summary.directives += draft.directives.length;
      } catch (e) {
        summary.failed++;
        process.stderr.write(`${process.stdout.isTTY ? "\n" : ""}${file}: ${describeError(e)}\n`);
      }
    }
    progress(files.length, files.length, "done");
    if (process.stdout.isTTY) process.stdout.write("\n");
    process.stdout.write(
      `Imported ${summary.imported} meeting(s) with ${summary.directives} draft directive(s) into ${unit.name}; ${summary.duplicates} already registered; ${summary.failed} failed.\n`,
    );
    if (summary.failed) process.exitCode = 1;
  } finally {
    await database.close();
  }
}
