import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createMeeting } from "../server/commands/create-meeting.js";
import { draftMeeting } from "../server/commands/draft-meeting.js";
import type { RequestContext } from "../server/context.js";
import type { Queryable } from "./connection.js";

/** The seed reports beside the project (../shared/seeds), when they are there. */
export const SEEDS_DIR = fileURLToPath(new URL("../../../shared/seeds", import.meta.url));

export function seedReports(): { file: string; text: string }[] {
  if (!existsSync(SEEDS_DIR)) return [];
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(SEEDS_DIR, file), "utf8") }));
}

/** Imports the seed reports as the supervision office's meetings, through the same draft and create as the app. */
export async function importDemoMeetings(ctx: RequestContext, unitId: string, tx: Queryable): Promise<number> {
  let n = 0;
  for (const { file, text } of seedReports()) {
    const { draft, duplicateOf } = await draftMeeting(tx, { text, fileName: file });
    if (duplicateOf) continue;
    await createMeeting(ctx, { ...draft, sourceFile: file, unitId }, tx);
    n++;
  }
  return n;
}
