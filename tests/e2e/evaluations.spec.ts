import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lastEndedHalf } from "../../src/db/demo-evaluations.js";
import { browserAvailable, chooseOption, confirmDialog, type E2E, shot, signIn, startE2E } from "./harness.js";

describe.runIf(browserAvailable())("evaluations: define a scheme, compute, inspect a breakdown, publish", () => {
  let e: E2E;
  let office: Page;
  const period = lastEndedHalf();

  beforeAll(async () => {
    e = await startE2E();
    office = await e.browser.newPage({ viewport: { width: 1440, height: 900 } });
  });
  afterAll(async () => {
    await e?.close();
  });

  it("the demo's half-year result is published with three red flags and one yellow", async () => {
    await signIn(office, e.url, "coordinator");
    await office.waitForURL(`${e.url}/`);
    await office.goto(`${e.url}/evaluations`);
    await office.locator('[data-testid="scheme-table"] a', { hasText: "比学赶超半年考评" }).click();
    const table = office.locator('[data-testid="result-table"]');
    await table.waitFor();
    await expect.poll(() => office.locator('[data-testid="flag-red"]').count()).toBe(3);
    await expect.poll(() => office.locator('[data-testid="flag-yellow"]').count()).toBe(1);
    await expect.poll(() => office.locator('[data-testid="result-state"]').textContent()).toContain("已发布");
  });

  it("an office defines a scheme over the counties, computes the half year and opens a breakdown", async () => {
    await office.goto(`${e.url}/evaluations`);
    await office.locator('[data-testid="scheme-new"]').click();
    const drawer = office.locator(".ant-drawer");
    await drawer.locator('[data-testid="scheme-name"]').fill("县域项目推进擂台赛");
    // The counties under the office's city come in as the peers.
    await expect.poll(() => drawer.locator('[data-testid="scheme-peers"] tr.ant-table-row').count()).toBe(7);
    await drawer.locator("#criteria_0_name").fill("重大项目年度投资完成率");
    await drawer.locator("#criteria_0_source").click();
    await office.locator(".ant-select-item-option", { hasText: "项目年度投资完成率" }).click();
    await drawer.locator('[data-testid="scheme-save"]').click();
    await office.waitForURL(/\/evaluations\/[0-9a-f-]{36}$/);
    await office.locator('[data-testid="eval-period"]').fill(period);
    await office.locator('[data-testid="eval-compute"]').click();
    const rows = office.locator('[data-testid="result-table"] tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(7);
    await expect.poll(() => office.locator('[data-testid="result-state"]').textContent()).toContain("草稿");
    await rows.first().locator(".ant-table-row-expand-icon").click();
    const breakdown = office.locator('[data-testid^="breakdown-"]').first();
    await expect.poll(() => breakdown.textContent()).toContain("重大项目年度投资完成率");
    await expect.poll(() => breakdown.textContent()).toContain("项目年度投资完成率");
    await shot(office, "evaluation-breakdown-zh");
  });

  it("a bonus counts once computed again; publishing locks the period", async () => {
    await office.locator('[data-testid="eval-adjust"]').click();
    // The dialog zooms open; an option clicked meanwhile can land on the field under it.
    await expect.poll(() => office.locator(".ant-modal").getAttribute("class")).not.toMatch(/zoom/);
    await chooseOption(office, "adjust-peer", "平湖市");
    const points = office.locator('[data-testid="adjust-points"]').locator("xpath=descendant-or-self::input");
    await points.fill("50");
    await expect.poll(() => points.inputValue()).toBe("50");
    await office.locator('[data-testid="adjust-reason"]').fill("获评省级营商环境优秀县");
    const modal = office.locator(".ant-modal");
    await modal.getByRole("button", { name: /OK|确\s*定/ }).click();
    // Closed means saved; still open, say which field the form refused.
    await modal.waitFor({ state: "hidden", timeout: 10_000 }).catch(async () => {
      throw new Error(`the adjustment was not saved: ${await modal.locator(".ant-form-item-explain-error").allTextContents()}`);
    });
    await expect.poll(() => office.locator('[data-testid="eval-adjustments"]').textContent()).toContain("获评省级营商环境优秀县");
    await office.getByRole("button", { name: "重新计算" }).click();
    // Pinghu's row: its total, what the criteria gave, and the 50 points of the bonus, counted once.
    const pinghu = office.locator('[data-testid="result-table"] tr.ant-table-row', { hasText: "平湖市" });
    const figures = async () => ((await pinghu.textContent()) ?? "").match(/-?\d+\.\d\d/g)?.map(Number) ?? [];
    await expect.poll(async () => (await figures())[2]).toBe(50);
    const [total, criteria] = await figures();
    expect(total).toBeCloseTo(criteria + 50, 2);
    await office.locator('[data-testid="eval-publish"]').click();
    await confirmDialog(office);
    await expect.poll(() => office.locator('[data-testid="result-state"]').textContent()).toContain("已发布");
    expect(await office.locator('[data-testid="eval-publish"]').count()).toBe(0);
    await shot(office, "evaluation-published-zh");
  });

  it("and in English: the scheme's result, what it would take, and the flags on the cockpit", async () => {
    await office.getByRole("button", { name: "English" }).click();
    await office.goto(`${e.url}/evaluations`);
    await office.locator('[data-testid="scheme-table"] a').first().click();
    const table = office.locator('[data-testid="result-table"]');
    await expect.poll(() => table.textContent()).toContain("Red flag");
    await office.locator('[data-testid^="gap-"]').first().click();
    await expect.poll(() => office.locator('[data-testid="gap-table"]').textContent()).toMatch(/\d/);
    await expect.poll(() => office.locator(".ant-modal-title").textContent()).toContain("against");
    await shot(office, "evaluation-gap-en");
    await office.keyboard.press("Escape");
    await office.goto(`${e.url}/cockpit`);
    await expect.poll(() => office.locator('[data-testid="cockpit-flags"]').textContent()).toContain("比学赶超");
    await shot(office, "cockpit-flags-en");
  });
});
