import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the web app when dist/web is missing or older than its sources, so `npm start` serves what is checked out. */
export async function ensureWebBuilt(): Promise<void> {
  const index = join(ROOT, "dist/web/index.html");
  const sources = [join(ROOT, "src/web"), join(ROOT, "src/schemas"), join(ROOT, "src/domain")];
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  if (built && sources.every((s) => newestMtime(s) < built)) return;
  process.stdout.write("Building the web app (once after each change; about a minute)…\n");
  const { build } = await import("vite");
  await build({ configFile: join(ROOT, "vite.config.ts"), logLevel: "warn" });
}
