import { describe, expect, it } from "vitest";
import { hashPassword, randomPassword, UNMATCHABLE_HASH, verifyPassword } from "./password.js";

describe("password hashing (scrypt)", () => {
  it("verifies the right password and refuses a wrong one; salts differ", async () => {
    const a = await hashPassword("Good-password-9");
    const b = await hashPassword("Good-password-9");
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("Good-password-9", a)).toBe(true);
    expect(await verifyPassword("good-password-9", a)).toBe(false);
  });

  it("nothing matches the placeholder hash or a malformed one", async () => {
    expect(await verifyPassword("", UNMATCHABLE_HASH)).toBe(false);
    expect(await verifyPassword("x", "plain-text")).toBe(false);
  });

  it("random passwords meet the policy", () => {
    const p = randomPassword();
    expect(p.length).toBeGreaterThanOrEqual(16);
    expect(p).toMatch(/\d/);
  });
});
