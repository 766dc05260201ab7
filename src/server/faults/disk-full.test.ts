/**
 * The disk fills up while an attachment is written: the uploader gets a clear 507, no record of
 * the file is kept, no half-written file is left, and once there is room the same upload works.
 * The files folder is a 256 KB tmpfs mounted for the test (needs root; required in CI).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUnit, buildUser } from "../../db/factories.js";
import { attachments, auditEvents } from "../../db/schema.js";
import { type Agent, createTestApp, type TestApp } from "../testing.js";

const mountPoint = mkdtempSync(join(tmpdir(), "luoshi-full-"));
function mountSmallDisk(): boolean {
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=256k", "tmpfs", mountPoint], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
const mounted = mountSmallDisk();
if (!mounted && process.env.CI === "true") throw new Error("the disk-full test needs to mount a tmpfs (root) in CI");

/** Every file under the folder, however deep. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [e.name]));

describe.skipIf(!mounted)("the disk full while an attachment is written", () => {
  let t: TestApp;
  let reporter: Agent;

  beforeAll(async () => {
    t = await createTestApp({ filesDir: mountPoint });
    const unit = await buildUnit(t.database.db);
    reporter = await t.signIn(await buildUser(t.database.db, { unit, roles: ["reporter"] }));
  });
  afterAll(async () => {
    await t?.close();
    execFileSync("umount", [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  it("answers 507 with the reason, keeps no record and no half file, and takes the file once there is room", async () => {
    const db = t.database.db;
    // A photo of 100 KB: JPEG's magic bytes, then filler.
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100 * 1024, 7)]);
    // Leave about 60 KB free.
    writeFileSync(join(mountPoint, "filler"), Buffer.alloc(196 * 1024, 1));
    const before = {
      files: (await db.select({ n: count() }).from(attachments))[0].n,
      audit: (await db.select({ n: count() }).from(auditEvents))[0].n,
    };

    const full = await reporter.post("/api/attachments", photo, { "x-file-name": encodeURIComponent("现场照片.jpg") });
    expect(full.statusCode).toBe(507);
    expect(full.json()).toMatchObject({ code: "storage_full", message: "The server's storage is full; the file was not saved" });
    expect((await db.select({ n: count() }).from(attachments))[0].n).toBe(before.files);
    expect((await db.select({ n: count() }).from(auditEvents))[0].n).toBe(before.audit);
    expect(filesUnder(mountPoint)).toEqual(["filler"]);

    rmSync(join(mountPoint, "filler"));
    const roomy = await reporter.post("/api/attachments", photo, { "x-file-name": encodeURIComponent("现场照片.jpg") });
    expect(roomy.statusCode).toBe(201);
    expect((await db.select({ n: count() }).from(attachments))[0].n).toBe(before.files + 1);
    process.stdout.write(
      "disk full: an upload of 100 KB into 60 KB free answered 507, no record, no half file; taken once there was room\n",
    );
  });
});
