import { sql } from "drizzle-orm";
import { DEFAULT_SEED, generateScaleData } from "../db/scale/generate.js";
import { parseScale, scaleSizes, taskCount } from "../db/scale/sizes.js";
import { openForCommand } from "./open.js";

export interface DemoOptions {
  scale: string;
  seed?: string;
  data?: string;
}

/** `luoshi demo --scale city|province|N`: adds a generated jurisdiction of that size to the demo. */
export async function demoCommand(opts: DemoOptions): Promise<void> {
  const scale = parseScale(opts.scale);
  if (scale === null) throw new Error(`--scale must be city, province or a whole number from 1 to 1000, not "${opts.scale}"`);
  const seed = opts.seed === undefined ? DEFAULT_SEED : Number(opts.seed);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`--seed must be a whole number, not "${opts.seed}"`);
  const database = await openForCommand(opts);
  const out = (s: string) => process.stdout.write(`${s}\n`);
  try {
    const { rows } = (await database.db.execute(sql`select count(*) as n from regions where code = '330000'`)) as unknown as {
      rows: { n: string | number }[];
    };
    if (!Number(rows[0].n))
      throw new Error("the generator grows the demo jurisdiction: start from a database with the demo loaded (LUOSHI_DEMO=1)");
    const sizes = scaleSizes(scale);
    out(
      `Generating scale ${scale} (seed ${seed}): ${sizes.cities} cities, ${sizes.counties} counties, ${taskCount(sizes).toLocaleString("en")} tasks, ${sizes.projects.toLocaleString("en")} projects…`,
    );
    const t0 = performance.now();
    let started = 0;
    await generateScaleData(database.db, {
      scale,
      seed,
      onStep(step, done, summary) {
        if (!done) {
          started = performance.now();
          process.stdout.write(`  ${step}… `);
        } else out(summary ?? `${((performance.now() - started) / 1000).toFixed(1)} s`);
      },
    });
    out(`Done in ${((performance.now() - t0) / 1000).toFixed(0)} s. Every generated account's password is the demo password.`);
  } finally {
    await database.close();
  }
}
