import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, type E2E, shot, signIn, startE2E } from "./harness.js";

describe.runIf(browserAvailable())("on a phone", () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(() => e?.close());

  it("the menu opens from the hamburger and navigates", async () => {
    const page = await e.browser.newPage({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    await signIn(page, e.url, "admin");
    await page.locator('[data-testid="menu-toggle"]').click();
    await page.getByRole("menuitem", { name: "用户" }).click();
    await page.locator('[data-testid="new-user"]').waitFor();
    expect(page.url()).toContain("/admin/users");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, "users-phone");

    await page.locator('[data-testid="lang-switch"]').click();
    await page.locator('[data-testid="menu-toggle"]').click();
    await page.getByRole("menuitem", { name: "Regions" }).waitFor();
    await page.waitForTimeout(500); // let the drawer finish sliding in
    await shot(page, "menu-phone-en");
  });
});
