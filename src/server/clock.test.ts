import { afterEach, describe, expect, it } from "vitest";
import { todayIso } from "./clock.js";

const zone = process.env.LUOSHI_TIMEZONE;
afterEach(() => {
  if (zone === undefined) delete process.env.LUOSHI_TIMEZONE;
  else process.env.LUOSHI_TIMEZONE = zone;
});

describe("todayIso", () => {
  it("is the offices' local date, and follows a change of time zone", () => {
    const lateUtc = new Date("2026-11-29T17:30:00Z");
    delete process.env.LUOSHI_TIMEZONE;
    expect(todayIso(lateUtc)).toBe("2026-11-30");
    process.env.LUOSHI_TIMEZONE = "Europe/London";
    expect(todayIso(lateUtc)).toBe("2026-11-29");
    process.env.LUOSHI_TIMEZONE = "Asia/Shanghai";
    expect(todayIso(new Date("2026-12-31T16:00:00Z"))).toBe("2027-01-01");
  });
});
