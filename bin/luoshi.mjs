#!/usr/bin/env node
// Runs the TypeScript sources without a build step: they are bundled with esbuild into
// dist/cli/luoshi.mjs (again whenever a source is newer) and that file is imported by Node.js
// itself. tsx's loader, used before, runs its hooks on a second thread with its own heap, which
// kept about 100 MB resident in a running server. Where the bundle cannot be written (a read-only
// install), tsx still runs the sources.
import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
// At the same depth as src/<folder>/, so paths the sources take from import.meta.url still hold.
const BUNDLE = join(ROOT, "dist", "cli", "luoshi.mjs");

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function bundleIsFresh() {
  try {
    const built = statSync(BUNDLE).mtimeMs;
    return built >= newestSource(join(ROOT, "src")) && built >= statSync(join(ROOT, "package.json")).mtimeMs;
  } catch {
    return false;
  }
}

async function bundle() {
  const esbuild = await import("esbuild");
  try {
    const result = await esbuild.build({
      entryPoints: [join(ROOT, "src", "cli", "main.ts")],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      keepNames: true,
      sourcemap: "linked",
      outfile: BUNDLE,
      write: false,
      logLevel: "silent",
    });
    mkdirSync(dirname(BUNDLE), { recursive: true });
    // Written beside and renamed, so two servers starting at once never import half a file.
    for (const file of result.outputFiles) {
      const partial = `${file.path}.${process.pid}.partial`;
      writeFileSync(partial, file.contents);
      renameSync(partial, file.path);
    }
  } finally {
    await esbuild.stop();
  }
}

let entry = pathToFileURL(BUNDLE).href;
if (!bundleIsFresh()) {
  try {
    await bundle();
  } catch (e) {
    if (!["EACCES", "EROFS", "EPERM"].includes(e?.code)) throw e;
    const { register } = await import("tsx/esm/api");
    register();
    entry = "../src/cli/main.ts";
  }
}
process.setSourceMapsEnabled(true);
await import(entry);
