import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, type E2E, shot, signIn, startE2E } from "./harness.js";

describe.runIf(browserAvailable())("language switch", () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(() => e?.close());

  it("switches to English, is remembered for the user, and another user keeps Chinese", async () => {
    const context = await e.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signIn(page, e.url, "leader");
    await page.locator('[data-testid="greeting"]').waitFor();
    await page.locator('[data-testid="lang-switch"]').click();
    await expect.poll(() => page.locator('[data-testid="nav"]').textContent()).toContain("Regions");
    expect(await page.locator('[data-testid="nav"]').textContent()).toContain("Users");
    expect(await page.locator('[data-testid="greeting"]').textContent()).toBe("Hello, 李市长");
    await shot(page, "home-en");

    // A reload keeps English.
    await page.reload();
    await expect.poll(() => page.locator('[data-testid="nav"]').textContent()).toContain("Regions");
    await page.goto(`${e.url}/admin/regions`);
    await page.locator('[data-testid="region-tree"]').getByText("Zhejiang Province").waitFor();
    await shot(page, "regions-en");

    // A new browser (no local storage) signing in as the same user gets English from the server.
    const fresh = await (await e.browser.newContext()).newPage();
    await signIn(fresh, e.url, "leader");
    await expect.poll(() => fresh.locator('[data-testid="nav"]').textContent()).toContain("Regions");

    // Another user keeps their own language.
    const other = await (await e.browser.newContext()).newPage();
    await signIn(other, e.url, "viewer");
    await expect.poll(() => other.locator('[data-testid="nav"]').textContent()).toContain("行政区划");
  });
});
