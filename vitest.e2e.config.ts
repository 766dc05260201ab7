import { defineConfig } from "vitest/config";

/** Browser specs: real server, real Chromium, one file at a time (two cores). */
export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.spec.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    // Pages on a busy two-core machine can take seconds; a poll gives up only after 15 s.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
