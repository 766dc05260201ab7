import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, confirmDialog, type E2E, shot, signIn, startE2E } from "./harness.js";

describe.runIf(browserAvailable())("indicators: the catalog, typing values in, revisions, targets and thresholds", () => {
  let e: E2E;
  let admin: Page;
  let statistician: Page;

  beforeAll(async () => {
    e = await startE2E();
    admin = await e.browser.newPage({ viewport: { width: 1440, height: 900 } });
    statistician = await e.browser.newPage({ viewport: { width: 1440, height: 900 } });
  });
  afterAll(async () => {
    await e?.close();
  });

  it("an admin adds an indicator to the catalog, in English", async () => {
    await signIn(admin, e.url, "admin");
    await admin.waitForURL(`${e.url}/`);
    await admin.getByRole("button", { name: "English" }).click();
    await admin.goto(`${e.url}/indicators?tab=catalog`);
    await admin.getByRole("button", { name: "New indicator" }).click();
    const drawer = admin.locator(".ant-drawer");
    await drawer.locator("#code").fill("PATENTS");
    await drawer.locator("#nameZh").fill("发明专利授权量");
    await drawer.locator("#nameEn").fill("Invention patents granted");
    await drawer.locator("#measureUnit").fill("件");
    await drawer.locator("#measureUnitEn").fill("patents");
    await drawer.locator('[data-testid="indicator-save"]').click();
    await drawer.waitFor({ state: "hidden" });
    const table = admin.locator('[data-testid="catalog-table"]');
    await expect.poll(() => table.textContent()).toContain("Invention patents granted");
    // The same code again is refused, on its field.
    await admin.getByRole("button", { name: "New indicator" }).click();
    await drawer.locator("#code").fill("PATENTS");
    await drawer.locator("#nameZh").fill("重复");
    await drawer.locator("#nameEn").fill("Again");
    await drawer.locator("#measureUnit").fill("件");
    await drawer.locator("#measureUnitEn").fill("patents");
    await drawer.locator('[data-testid="indicator-save"]').click();
    await expect.poll(() => drawer.locator(".ant-form-item-explain-error").textContent()).toContain("PATENTS");
    await shot(admin, "indicator-catalog-en");
    await admin.keyboard.press("Escape");
  });

  it("the admin changes the light thresholds after a confirmation", async () => {
    await admin.locator('[data-testid="thresholds-open"]').click();
    const growth = admin.locator(".ant-modal #growthClose");
    await growth.fill("2");
    await admin.locator(".ant-modal").getByRole("button", { name: "OK" }).click();
    await confirmDialog(admin);
    await expect.poll(() => admin.locator(".ant-message").textContent()).toContain("Thresholds saved");
  });

  it("the statistics bureau types a correction in the entry grid; the earlier value is kept as a revision", async () => {
    await signIn(statistician, e.url, "statistician");
    await statistician.waitForURL(`${e.url}/`);
    await statistician.goto(`${e.url}/indicators`);
    await statistician.locator('[data-testid="figures-table"] a', { hasText: "规模以上工业增加值" }).click();
    await statistician.locator('[data-testid="values-grid"]').waitFor();
    const month = await statistician.evaluate(() => new URL(location.href).searchParams.get("month"));
    expect(month).toMatch(/^\d{4}-\d{2}$/);
    const cell = statistician.locator(`[data-testid="cell-330402-${month}"]`).locator("xpath=descendant-or-self::input");
    const was = await cell.inputValue();
    await cell.fill("999.99");
    await statistician.locator('[data-testid="values-save"]').click();
    await expect.poll(() => statistician.locator(".ant-message").textContent()).toContain("已保存 1 项");
    const row = statistician.locator('[data-testid="indicator-regions"] tr', { hasText: "南湖区" });
    await expect.poll(() => row.textContent()).toContain("999.99");
    await statistician.locator(`[data-testid="history-330402-${month}"]`).click();
    const revisions = statistician.locator('[data-testid="revisions"]');
    await expect.poll(() => revisions.textContent()).toContain("999.99");
    await expect.poll(() => revisions.textContent()).toContain(was);
    await expect.poll(() => revisions.textContent()).toContain("钱统计");
    await shot(statistician, "indicator-revisions-zh");
  });

  it("the statistics bureau may not set targets; an office may, and the light follows", async () => {
    await statistician.keyboard.press("Escape");
    expect(await statistician.getByRole("tab", { name: "年度目标" }).count()).toBe(0);
    const office = await e.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(office, e.url, "coordinator");
    await office.waitForURL(`${e.url}/`);
    await office.goto(statistician.url());
    await office.getByRole("tab", { name: "年度目标" }).click();
    await office.locator('[data-testid="target-330400"]').locator("xpath=descendant-or-self::input").fill("60");
    await office.locator('[data-testid="targets-save"]').click();
    await expect.poll(() => office.locator(".ant-message").textContent()).toContain("目标已保存");
    // A 60% growth target is out of reach even after the correction: the city's light turns red.
    await expect.poll(() => office.locator('[data-testid="indicator-city"]').textContent()).toContain("落后于目标");
    await shot(office, "indicator-targets-zh");
  });
});
