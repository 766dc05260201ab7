import { defineConfig } from "vitest/config";

/** Browser specs: real server, real Chromium, one file at a time (two cores). */
export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.spec.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
