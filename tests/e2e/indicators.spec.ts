import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import mammoth from "mammoth";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayIso } from "../../src/server/clock.js";
import { browserAvailable, type E2E, SHOTS, shot, signIn, startE2E } from "./harness.js";

const REGIONS = ["南湖区", "秀洲区", "嘉善县", "海盐县", "海宁市", "平湖市", "桐乡市"];
// This month's year-to-date value added of industry, as a statistics bureau's sheet gives it.
const VALUES = [401.5, 318.25, 345.1, 262.8, 505.75, 350.4, 410.2];
const SUM = "2,594.00";
const month = todayIso().slice(0, 7);
const [year, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
const GOOD = join(SHOTS, "indicator-sheet.xlsx");
const BAD = join(SHOTS, "indicator-sheet-bad.xlsx");

async function sheet(path: string, row: (string | number)[]) {
  const book = new ExcelJS.Workbook();
  book.addWorksheet("快报").addRows([[`${year}年1-${m}月嘉兴市主要经济指标`], ["指标", ...REGIONS], row]);
  writeFileSync(path, Buffer.from(await book.xlsx.writeBuffer()));
}

async function upload(page: Page, path: string) {
  await page.locator('[data-testid="indicator-import"]').click();
  await page.locator('.ant-modal input[type="file"]').setInputFiles(path);
}

describe.runIf(browserAvailable())("indicators: a statistics sheet imported, the cockpit changed, the month analysed", () => {
  let e: E2E;
  let page: Page;

  beforeAll(async () => {
    e = await startE2E();
    page = await e.browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    await sheet(GOOD, ["规模以上工业增加值（亿元）", ...VALUES]);
    await sheet(BAD, ["规模以上工业增加值（亿元）", ...VALUES.slice(0, 2), "三百四十五", ...VALUES.slice(3)]);
  });
  afterAll(async () => {
    await e?.close();
  });

  it("the statistics bureau imports the month's sheet: a bad cell is listed and nothing imported; fixed, it goes in", async () => {
    await signIn(page, e.url, "statistician");
    await page.waitForURL(`${e.url}/`);
    await page.goto(`${e.url}/indicators`);
    await upload(page, BAD);
    const problems = page.locator('[data-testid="indicator-import-problems"]');
    await expect.poll(() => problems.textContent()).toContain("三百四十五");
    await expect.poll(() => problems.textContent()).toContain("D");
    await page.locator('.ant-modal input[type="file"]').setInputFiles(GOOD);
    const preview = page.locator('[data-testid="indicator-import-preview"]');
    await expect.poll(() => preview.textContent()).toContain("新增 7 项");
    await shot(page, "indicator-import-preview-zh");
    await page.locator('[data-testid="indicator-import-confirm"]').click();
    await expect.poll(() => page.locator('[data-testid="indicator-import-done"]').textContent()).toContain("新增 7 项");
    await page.keyboard.press("Escape");
    const row = page.locator('[data-testid="figures-table"] tr', { hasText: "规模以上工业增加值" });
    await expect.poll(() => row.textContent()).toContain(SUM);
    await expect.poll(() => page.locator('[data-testid="figures-month"]').textContent()).toContain(month);
  });

  it("the cockpit shows the new month: the tile adds up the regions", async () => {
    await page.goto(`${e.url}/cockpit`);
    await expect.poll(() => page.locator('[data-testid="cockpit-month"]').textContent()).toContain(month);
    const tile = page.locator('[data-testid="cockpit-tile"]', { hasText: "规模以上工业增加值" });
    await expect.poll(() => tile.textContent()).toContain(SUM);
    await page.locator('[data-testid="cockpit-ranking"] canvas').waitFor();
    await page.locator('[data-testid="cockpit-map"] canvas').waitFor();
    await shot(page, "cockpit-zh");
  });

  it("the office drafts the month's analysis, edits it, and downloads it as Word", async () => {
    const office = await e.browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    await signIn(office, e.url, "coordinator");
    await office.waitForURL(`${e.url}/`);
    await office.goto(`${e.url}/analyses`);
    const picker = office.locator('[data-testid="analysis-month"]').locator("xpath=descendant-or-self::input").first();
    await picker.click();
    await picker.fill(month);
    await picker.press("Tab");
    await office.locator('[data-testid="analysis-generate"]').click();
    const text = office.locator('[data-testid="analysis-text"]');
    await expect.poll(() => text.textContent()).toContain(`规模以上工业增加值${SUM}亿元`);
    await office.locator('[data-testid="analysis-edit"]').click();
    const last = office.locator('[data-testid="analysis-section-4"]');
    await last.fill(`${await last.inputValue()}\n\n请各县（市、区）于月底前报送赶超措施。`);
    await office.locator('[data-testid="analysis-save"]').click();
    await expect.poll(() => text.textContent()).toContain("请各县（市、区）于月底前报送赶超措施。");
    await shot(office, "analysis-zh");
    const [download] = await Promise.all([
      office.waitForEvent("download"),
      office.locator('[data-testid="analysis-docx"]').click(),
    ]);
    const { value } = await mammoth.extractRawText({ buffer: readFileSync((await download.path())!) });
    expect(value).toContain(`${year}年1-${m}月嘉兴市经济运行分析`);
    expect(value).toContain("请各县（市、区）于月底前报送赶超措施。");
    expect(value).toContain(SUM);
  });

  it("and in English", async () => {
    await page.getByRole("button", { name: "English" }).click();
    await page.goto(`${e.url}/cockpit`);
    const tile = page.locator('[data-testid="cockpit-tile"]', { hasText: "Value added of industry" });
    await expect.poll(() => tile.textContent()).toContain(SUM);
    await expect.poll(() => page.locator('[data-testid="cockpit"]').textContent()).toContain("Economic cockpit");
    await page.goto(`${e.url}/indicators`);
    await expect.poll(() => page.locator('[data-testid="figures-table"]').textContent()).toContain("Value added of industry");
    await shot(page, "indicators-en");
  });
});
