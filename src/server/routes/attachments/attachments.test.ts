import { createHash } from "node:crypto";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "../../../db/factories.js";
import { createTestApp, type TestApp } from "../../testing.js";

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 1, 2, 3]);
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("GET /api/attachments/:id", () => {
  it("answers 404 with a reason when the record's file is no longer on disk, and serves it again once restored", async () => {
    const reporter = await t.signIn(await buildUser(t.database.db, { roles: ["reporter"] }));
    const upload = await reporter.request("POST", "/api/attachments", JPEG, {
      "content-type": "application/octet-stream",
      "x-file-name": "site.jpg",
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const { id } = upload.json() as { id: string };
    expect((await reporter.get(`/api/attachments/${id}`)).rawPayload.equals(JPEG)).toBe(true);

    const sha = createHash("sha256").update(JPEG).digest("hex");
    rmSync(join(t.config.filesDir, sha.slice(0, 2), sha.slice(2, 4), sha), { force: false });
    const missing = await reporter.get(`/api/attachments/${id}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toContain("no longer on the server");
    expect((await reporter.put("/api/auth/locale", { locale: "zh-CN" })).statusCode).toBe(200);
    const zh = await reporter.get(`/api/attachments/${id}`);
    expect(zh.json().message).toContain("已不在服务器上");

    const again = await reporter.request("POST", "/api/attachments", JPEG, {
      "content-type": "application/octet-stream",
      "x-file-name": "site.jpg",
    });
    expect(again.statusCode).toBe(201);
    expect((await reporter.get(`/api/attachments/${id}`)).rawPayload.equals(JPEG)).toBe(true);
  });
});
