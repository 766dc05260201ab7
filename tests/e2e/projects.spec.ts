import { writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../src/domain/reporting-periods.js";
import { todayIso } from "../../src/server/clock.js";
import { browserAvailable, chooseOption, type E2E, SHOTS, shot, signIn, startE2E } from "./harness.js";

const PHOTO = join(SHOTS, "project-site.jpg");
const SHEET = join(SHOTS, "project-months.xlsx");
const NAME = "嘉兴港区化工新材料产业园二期";

async function pick(page: Page, testId: string, text: string) {
  await page.locator(`[data-testid="${testId}"]`).click();
  await page.keyboard.type(text);
  await page.locator(".ant-select-item-option", { hasText: text }).first().click();
}

async function typeDate(page: Page, testId: string, date: string) {
  const input = page.locator(`[data-testid="${testId}"]`).locator("xpath=descendant-or-self::input").first();
  // Typed text alone is only a draft the picker may drop on a busy machine; choosing the day in the
  // calendar (which the typing scrolls to) is what commits it to the form.
  const open = page.locator(".ant-picker-dropdown:not(.ant-picker-dropdown-hidden)");
  const day = open.locator(`td[title="${date}"]`);
  for (let attempt = 0; attempt < 3; attempt++) {
    await input.click();
    await input.fill(date);
    try {
      await day.click({ timeout: 5_000 });
    } catch {
      continue;
    }
    // The typed text shows in the field whether or not it was taken; only a chosen day closes the
    // calendar. A click that landed on a list still opening leaves it open: choose again.
    const closed = await expect
      .poll(() => open.count(), { timeout: 3_000 })
      .toBe(0)
      .then(() => true)
      .catch(() => false);
    if (!closed) {
      await page.keyboard.press("Escape");
      continue;
    }
    await expect.poll(() => input.inputValue(), { timeout: 5_000 }).toBe(date);
    return;
  }
  throw new Error(`the date picker ${testId} did not take ${date}`);
}

describe.runIf(browserAvailable())("projects: register, report a month with a photo, a warning raised and cleared", () => {
  let e: E2E;
  let office: Page;
  let unit: Page;
  let projectUrl = "";
  const today = todayIso();

  beforeAll(async () => {
    e = await startE2E();
    office = await e.browser.newPage({ viewport: { width: 1440, height: 900 } });
    unit = await e.browser.newPage({ viewport: { width: 1440, height: 900 } });
    const jpeg = await office.evaluate(() => {
      const canvas = document.createElement("canvas");
      canvas.width = 320;
      canvas.height = 200;
      const g = canvas.getContext("2d")!;
      g.fillStyle = "#8fb3d9";
      g.fillRect(0, 0, 320, 200);
      g.fillStyle = "#7a6a55";
      g.fillRect(30, 90, 260, 110);
      return canvas.toDataURL("image/jpeg", 0.8);
    });
    writeFileSync(PHOTO, Buffer.from(jpeg.split(",")[1], "base64"));
  });
  afterAll(async () => {
    await e?.close();
  });

  it("the office registers a project whose main structure is already late: a warning is raised", async () => {
    await signIn(office, e.url, "coordinator");
    await office.waitForURL(`${e.url}/`);
    await office.goto(`${e.url}/projects`);
    await office.locator('[data-testid="new-project"]').click();
    await office.locator('[data-testid="project-code"]').fill("E2E-0001");
    await office.locator('[data-testid="project-name"]').fill(NAME);
    await pick(office, "project-region", "嘉兴市");
    await pick(office, "project-lead", "发展和改革");
    await chooseOption(office, "project-stage", "在建");
    await office.locator('[data-testid="project-total"]').locator("xpath=descendant-or-self::input").first().fill("86000");
    await office.locator('[data-testid="project-year-amount"]').locator("xpath=descendant-or-self::input").first().fill("24000");
    await typeDate(office, "node-start-planned", addDays(today, -200));
    await typeDate(office, "node-main_structure-planned", addDays(today, -40));
    const sent = office.waitForRequest((r) => r.method() === "POST" && r.url().endsWith("/api/projects"));
    await office.locator('[data-testid="project-save"]').click();
    const body = (await sent).postData() ?? "";
    await office.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    projectUrl = office.url();
    await expect.poll(() => office.locator('[data-testid="project-heading"]').textContent()).toBe(NAME);
    const warnings = office.locator('[data-testid="project-warnings"]');
    await expect.poll(() => warnings.textContent(), { message: `the form sent ${body}` }).toContain("节点逾期");
    expect(await warnings.textContent()).toContain("主体结顶");
    await shot(office, "project-warning-raised-zh");
  });

  it("the lead unit reports the month with a photo and the node reached: the warning is cleared", async () => {
    await signIn(unit, e.url, "reporter");
    await unit.waitForURL(`${e.url}/`);
    await unit.locator('[data-testid="lang-switch"]').click();
    await unit.goto(projectUrl);
    await unit.locator('[data-testid="project-report-form"]').waitFor();
    await unit.locator('[data-testid="project-report-amount"]').locator("xpath=descendant-or-self::input").first().fill("3200");
    await unit.locator('[data-testid="project-report-narrative"]').fill("Main structure topped out; curtain walls begin.");
    await unit.locator('[data-testid="add-node-reached"]').click();
    await unit.locator('[data-testid="node-reached-kind"]').click();
    await unit.locator(".ant-select-item-option", { hasText: "Main structure" }).click();
    // Yesterday: the browser and the server may stand on either side of midnight (UTC and Asia/Shanghai).
    await typeDate(unit, "node-reached-on", addDays(today, -1));
    await unit.locator('.ant-upload input[type="file"]').setInputFiles(PHOTO);
    await expect.poll(() => unit.locator(".ant-upload-list-item-done").count()).toBe(1);
    await unit.locator('[data-testid="project-report-submit"]').click();
    const reports = unit.locator('[data-testid="project-reports"]');
    await expect.poll(() => reports.textContent()).toContain("Main structure topped out");
    await expect.poll(() => unit.locator('[data-testid="project-media"] img').count()).toBe(1);
    const status = unit.locator('[data-testid="project-status"]');
    expect(await status.textContent()).toContain("3,200");
    const warnings = unit.locator('[data-testid="project-warnings"]');
    await expect.poll(() => warnings.textContent()).toContain("Cleared");
    await shot(unit, "project-warning-cleared-en");

    // In the library's list of open warnings the project keeps its investment warning, and its node warning is gone.
    await office.goto(`${e.url}/projects`);
    await office.locator(".ant-tabs-tab", { hasText: "项目预警" }).click();
    const rows = office.locator('[data-testid="warning-table"] tr.ant-table-row', { hasText: NAME });
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    for (const row of await rows.all()) expect(await row.textContent()).not.toContain("节点逾期");
  });

  it("the office imports a monthly investment sheet: a bad row is listed and nothing imported; fixed, it goes in", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("月度投资");
    sheet.addRow(["项目编码", "月份", "当月完成投资（万元）", "形象进度"]);
    sheet.addRow(["E2E-0001", addDays(today, -31).slice(0, 7), 1500, "幕墙施工"]);
    sheet.addRow(["NO-SUCH-CODE", addDays(today, -31).slice(0, 7), 100, "x"]);
    await book.xlsx.writeFile(SHEET);
    await office.goto(`${e.url}/projects`);
    await office.locator('[data-testid="project-import"]').click();
    await office.locator('.ant-modal input[type="file"]').setInputFiles(SHEET);
    const problems = office.locator('[data-testid="project-import-problems"]');
    await expect.poll(() => problems.textContent()).toContain("NO-SUCH-CODE");
    expect(await problems.textContent()).toContain("项目库中没有该编码的项目");
    await shot(office, "project-import-problems-zh");
    sheet.spliceRows(3, 1);
    await book.xlsx.writeFile(SHEET);
    await office.locator('.ant-modal input[type="file"]').setInputFiles(SHEET);
    await expect.poll(() => office.locator('[data-testid="project-import-done"]').textContent()).toContain("月度填报 1 条");
  });

  it("the region view shows the counties against the year's plan, on the map and in the table, in English too", async () => {
    await office.goto(`${e.url}/projects`);
    await office.locator('[data-testid="lang-switch"]').click();
    await office.locator(".ant-tabs-tab", { hasText: "By region" }).click();
    await office.locator('[data-testid="region-map"] canvas').waitFor();
    const table = office.locator('[data-testid="region-table"]');
    await expect.poll(() => table.textContent()).toContain("Tongxiang");
    expect(await table.textContent()).toContain("its own");
    await shot(office, "project-regions-en");
  });
});
