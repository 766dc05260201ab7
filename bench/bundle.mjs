// The web app's initial JavaScript: the entry script and every module it preloads, gzipped as a
// browser receives them. Pages and charts load on demand and are not counted. Run after `npm run build`.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const root = join(import.meta.dirname, "..", "dist", "web");
const html = readFileSync(join(root, "index.html"), "utf8");
const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
let raw = 0;
let gzip = 0;
for (const f of new Set(files)) {
  const bytes = readFileSync(join(root, f));
  raw += bytes.length;
  gzip += gzipSync(bytes, { level: 9 }).length;
}
const kb = (n) => (n / 1024).toFixed(1);
console.log(`initial JavaScript: ${files.length} files, ${kb(raw)} KB, ${kb(gzip)} KB gzip (target: under 500 KB gzip)`);
if (gzip > 500 * 1024) process.exitCode = 1;
