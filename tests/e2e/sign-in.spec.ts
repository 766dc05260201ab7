import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, type E2E, shot, signIn, startE2E } from "./harness.js";

describe.runIf(browserAvailable())("sign-in", () => {
  let e: E2E;
  let page: Page;
  beforeAll(async () => {
    e = await startE2E();
    page = await e.browser.newPage({ viewport: { width: 1280, height: 800 } });
  });
  afterAll(() => e?.close());

  it("a wrong password shows the reason and stays on the sign-in page", async () => {
    await signIn(page, e.url, "admin", "not-the-password-1");
    await expect.poll(() => page.locator('[data-testid="login-error"]').textContent()).toContain("用户名或密码错误");
    expect(page.url()).toContain("/login");
    await shot(page, "login-error-zh");
  });

  it("a demo account signs in to the shell, in Chinese, and signs out again", async () => {
    await signIn(page, e.url, "coordinator");
    await page.locator('[data-testid="greeting"]').waitFor();
    expect(await page.locator('[data-testid="greeting"]').textContent()).toBe("您好，陈督查");
    expect(await page.locator('[data-testid="nav"]').textContent()).toContain("行政区划");
    await shot(page, "home-zh");
    await page.locator('[data-testid="account-menu"]').click();
    await page.getByText("退出登录").click();
    await page.locator("#username").waitFor();
    expect(page.url()).toContain("/login");
  });

  it("a page asked for before signing in opens after it", async () => {
    await page.goto(`${e.url}/admin/units`);
    await page.locator("#username").fill("admin");
    await page.locator("#password").fill("Luoshi-demo-2026");
    await page.locator('button[type="submit"]').click();
    await page.locator('[data-testid="new-unit"]').waitFor();
    expect(page.url()).toContain("/admin/units");
  });
});
