/**
 * The scale generator: a consistent data set of any size, from a fixed seed, through the same
 * schema the application writes. Each step is a few set-based statements the database runs on
 * its own (INSERT … SELECT over generate_series), so nothing travels row by row; the application's
 * own commands compute what they alone know (project warnings, bulletins). Runs on a database
 * that holds the demo and nothing generated yet.
 */
import { todayIso } from "../../server/clock.js";
import type { Db } from "../connection.js";
import { countOf, type Fill, run } from "./fill.js";
import { fillIndicators } from "./indicators.js";
import { fillJurisdiction, prepareOffices } from "./jurisdiction.js";
import { fillProjects } from "./projects.js";
import { scaleSizes } from "./sizes.js";
import { fillBulletins, fillNotices } from "./supervision.js";
import { fillWork } from "./work.js";

export const DEFAULT_SEED = 20261129;

export interface GenerateOptions {
  scale: number;
  seed?: number;
  today?: string;
  /** Told as each step starts and ends (a line per step for the command's progress). */
  onStep?: (step: string, done: boolean, summary?: string) => void;
}

export type GeneratedCounts = Record<string, number>;

export class AlreadyGeneratedError extends Error {}

export async function generateScaleData(db: Db, opts: GenerateOptions): Promise<GeneratedCounts> {
  const f: Fill = { db, sizes: scaleSizes(opts.scale), seed: opts.seed ?? DEFAULT_SEED, today: opts.today ?? todayIso() };
  if (await countOf(f, "select count(*) as n from units where code = 'ZJ-DCS'"))
    throw new AlreadyGeneratedError("This database already holds generated data; generate into a fresh database.");
  const counts: GeneratedCounts = {};
  const step = async <T extends Record<string, number>>(name: string, fn: () => Promise<T>) => {
    opts.onStep?.(name, false);
    const t0 = performance.now();
    const result = await fn();
    Object.assign(counts, result);
    const summary = Object.entries(result)
      .map(([k, v]) => `${v.toLocaleString("en")} ${k}`)
      .join(", ");
    opts.onStep?.(name, true, `${summary} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  };
  try {
    await step("regions, units and people", () => fillJurisdiction(f));
    await step("offices and the units they assign to", async () => ({ offices: await prepareOffices(f) }));
    await step("meetings, directives, tasks and progress reports", () => fillWork(f));
    await step("major projects, monthly investment and warnings", () => fillProjects(f));
    await step("economic indicators", () => fillIndicators(f));
    await step("urge and supervision notices", () => fillNotices(f));
    await step("bulletins", async () => ({ bulletins: await fillBulletins(f) }));
    // What was generated, so a benchmark can tell a database it may reuse.
    await run(
      f,
      `insert into settings (key, value) values ('generated', '${JSON.stringify({ scale: f.sizes.scale, seed: f.seed, today: f.today })}'::jsonb)`,
    );
    await step("statistics for the query planner", async () => {
      await run(f, "analyze");
      return {};
    });
  } finally {
    for (const t of [
      "scale_offices",
      "scale_pool",
      "scale_meetings",
      "scale_tasks",
      "scale_places",
      "scale_place_units",
      "scale_series",
      "scale_notices",
    ])
      await run(f, `drop table if exists ${t}`);
  }
  return counts;
}
