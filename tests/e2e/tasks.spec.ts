import { writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, confirmDialog, type E2E, SHOTS, shot, signIn, startE2E } from "./harness.js";

/** A real photo (drawn by the browser itself), so the report shows a picture that decodes. */
const PHOTO = join(SHOTS, "site-photo.jpg");
const LEDGER = join(SHOTS, "ledger.xlsx");

/** antd puts a number box's test id on the input or on its wrapper, by version. */
const numberInput = (page: Page, id: string) =>
  page.locator(`[data-testid="${id}"]`).locator("xpath=descendant-or-self::input").first();

async function pickUnit(page: Page, testId: string, name: string) {
  await page.locator(`[data-testid="${testId}"]`).click();
  await page.keyboard.type(name);
  await page.locator(".ant-select-item-option", { hasText: name }).first().click();
}

describe.runIf(browserAvailable())("tasks from directive to verified", () => {
  let e: E2E;
  let office: Page;
  let lead: Page;
  let taskUrl = "";
  beforeAll(async () => {
    e = await startE2E();
    office = await e.browser.newPage({ viewport: { width: 1440, height: 900 } });
    const jpeg = await office.evaluate(() => {
      const canvas = document.createElement("canvas");
      canvas.width = 320;
      canvas.height = 200;
      const g = canvas.getContext("2d")!;
      g.fillStyle = "#6a9f5b";
      g.fillRect(0, 0, 320, 200);
      g.fillStyle = "#8a8f99";
      g.fillRect(40, 60, 240, 120);
      return canvas.toDataURL("image/jpeg", 0.8);
    });
    writeFileSync(PHOTO, Buffer.from(jpeg.split(",")[1], "base64"));
    await signIn(office, e.url, "coordinator");
    await office.locator('[data-testid="greeting"]').waitFor();
    const leadContext = await e.browser.newContext({ viewport: { width: 1440, height: 900 } });
    lead = await leadContext.newPage();
    await signIn(lead, e.url, "reporter");
    await lead.locator('[data-testid="greeting"]').waitFor();
  });
  afterAll(() => e?.close());

  it("a coordinator decomposes a directive into a task for the Development and Reform Commission", async () => {
    await office.goto(`${e.url}/directives`);
    await office.locator('[data-testid="filter-implemented"]').click();
    await office.locator(".ant-select-item-option", { hasText: "尚未分解" }).click();
    await office.locator('[data-testid="decompose-directive"]').first().click();
    const directive = await office.locator('[data-testid="source-directive"]').textContent();
    expect(directive?.length).toBeGreaterThan(10);
    // Luoshi suggests lead units with reasons; one click puts one in the form.
    const suggested = await office.locator('[data-testid="suggest-unit"]').first().textContent();
    expect(await office.locator('[data-testid="lead-suggestions"]').textContent()).toMatch(/职责关键词|相似部署/);
    await office.locator('[data-testid="suggest-use"]').first().click();
    await expect.poll(() => office.locator('[data-testid="task-lead"]').textContent()).toContain(suggested);
    await shot(office, "task-suggestions");
    await office.locator('[data-testid="task-title"]').fill("民营经济发展环境优化专项任务");
    await pickUnit(office, "task-lead", "发展和改革");
    await office.locator('[data-testid="task-target-kind"]').click();
    await office.locator(".ant-select-item-option", { hasText: "数量目标" }).click();
    await numberInput(office, "task-target-value").fill("20");
    await office.locator('[data-testid="task-submit"]').click();
    await office.locator('[data-testid="task-heading"]').waitFor();
    expect(await office.locator('[data-testid="task-heading"]').textContent()).toBe("民营经济发展环境优化专项任务");
    expect(await office.locator('[data-testid="task-state"]').getAttribute("data-state")).toBe("assigned");
    taskUrl = office.url();
    await shot(office, "task-created");
  });

  it("the lead unit finds it in its work, signs for it and reports progress with a photo", async () => {
    await lead.goto(`${e.url}/my-work`);
    await expect.poll(() => lead.locator('[data-testid="my-work-sign"]').textContent()).toContain("民营经济发展环境优化专项任务");
    await lead.goto(taskUrl);
    await lead.locator('[data-testid="step-accept"]').click();
    await confirmDialog(lead);
    await expect.poll(() => lead.locator('[data-testid="task-state"]').getAttribute("data-state")).toBe("accepted");
    await lead.locator('[data-testid="report-narrative"]').fill("已出台支持民营经济发展若干措施，完成8项");
    await numberInput(lead, "report-percent").fill("40");
    await numberInput(lead, "report-measured").fill("8");
    await lead.locator('[data-testid="report-form"] input[type="file"]').setInputFiles(PHOTO);
    await expect.poll(() => lead.locator(".ant-upload-list-item-done").count()).toBe(1);
    await lead.locator('[data-testid="report-submit"]').click();
    await expect.poll(() => lead.locator('[data-testid="report-list"]').textContent()).toContain("完成8项");
    // The next report starts from where the task now stands.
    await expect.poll(() => numberInput(lead, "report-percent").inputValue()).toBe("40");
    await expect.poll(() => lead.locator('[data-testid="report-attachments"] img').count()).toBe(1);
    await expect.poll(() => lead.locator('[data-testid="task-state"]').getAttribute("data-state")).toBe("in_progress");
    await shot(lead, "task-reported");
  });

  it("the office accepts the report; the lead unit asks to close; the office verifies", async () => {
    await office.reload();
    await office.locator('[data-testid="report-accept"]').click();
    await expect.poll(() => office.locator('[data-testid="report-review"]').first().textContent()).toBe("已通过");
    await lead.reload();
    await lead.locator('[data-testid="step-request_completion"]').click();
    await lead.locator('[data-testid="step-reason"]').fill("20项措施全部出台");
    await lead.locator('[data-testid="step-confirm"]').click();
    await expect.poll(() => lead.locator('[data-testid="task-state"]').getAttribute("data-state")).toBe("completion_requested");
    await office.reload();
    await office.locator('[data-testid="step-verify"]').click();
    await confirmDialog(office);
    await expect.poll(() => office.locator('[data-testid="task-state"]').getAttribute("data-state")).toBe("closed");
    await office.locator(".ant-tabs-tab", { hasText: "办理记录" }).click();
    await expect.poll(() => office.locator('[data-testid="task-history"]').textContent()).toContain("复核办结");
    await shot(office, "task-closed");
  });

  it("a campaign page shows each lead unit's tasks, lights, progress and reports", async () => {
    await office.goto(`${e.url}/campaigns`);
    await office.locator('[data-testid="campaign-table"] a', { hasText: "十大" }).first().click();
    await office.locator('[data-testid="campaign-heading"]').waitFor();
    await expect.poll(() => office.locator('[data-testid="campaign-children"] tr.ant-table-row').count()).toBeGreaterThan(1);
    await expect.poll(() => office.locator('[data-testid="campaign-units"] tr.ant-table-row').count()).toBeGreaterThan(0);
    expect(await office.locator('[data-testid="campaign-units"]').textContent()).toMatch(/\d+ \/ \d+/);
    await shot(office, "campaign-zh");
    await office.locator('[data-testid="campaign-tasks"]').click();
    await expect.poll(() => office.locator('[data-testid="task-table"] tr.ant-table-row').count()).toBeGreaterThan(0);
  });
});

/** Clicks the export button and keeps the ledger the browser downloads. */
async function exportLedger(page: Page): Promise<ExcelJS.Workbook> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator('[data-testid="ledger-export"]').click()]);
  await download.saveAs(LEDGER);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(LEDGER);
  return book;
}

/** Imports a ledger through the dialog and waits for its outcome. */
async function importLedger(page: Page, book: ExcelJS.Workbook) {
  await book.xlsx.writeFile(LEDGER);
  await page.locator('[data-testid="ledger-import"]').click();
  await page.locator('.ant-modal input[type="file"]').setInputFiles(LEDGER);
  await page.locator('[data-testid="ledger-result"], [data-testid="ledger-rejected"]').first().waitFor();
}

const cellOf = (sheet: ExcelJS.Worksheet, header: string) => (sheet.getRow(2).values as string[]).indexOf(header);

describe.runIf(browserAvailable())("work ledgers", () => {
  let e: E2E;
  let page: Page;
  beforeAll(async () => {
    e = await startE2E();
    page = await e.browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    await signIn(page, e.url, "coordinator");
    await page.locator('[data-testid="greeting"]').waitFor();
  });
  afterAll(() => e?.close());

  it("exports the filtered list, adds a task in Excel and imports it back", async () => {
    await page.goto(`${e.url}/tasks`);
    await page.locator('[data-testid="task-search"]').locator("xpath=descendant-or-self::input").first().fill("project");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator('[data-testid="task-table"] tr.ant-table-row').count()).toBeGreaterThan(0);
    const book = await exportLedger(page);
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe("工作台账");
    const rows = sheet.rowCount - 2;
    expect(rows).toBeGreaterThan(0);
    for (let r = 3; r <= sheet.rowCount; r++)
      expect(String(sheet.getRow(r).getCell(cellOf(sheet, "任务")).value).toLowerCase()).toContain("project");
    const row = sheet.addRow([]);
    row.getCell(cellOf(sheet, "任务")).value = "Project approval as “one thing” (项目审批一件事)";
    row.getCell(cellOf(sheet, "牵头单位")).value = "市发改委";
    row.getCell(cellOf(sheet, "配合单位")).value = "市商务局、市经信局";
    row.getCell(cellOf(sheet, "完成时限")).value = "2027-06-30";
    await importLedger(page, book);
    expect(await page.locator('[data-testid="ledger-result"]').textContent()).toContain(`新建 1 项，更新 0 项，${rows} 项无变化`);
    await shot(page, "ledger-imported");
    await page.locator('[data-testid="ledger-close"]').click();
    await page.locator('[data-testid="task-search"]').locator("xpath=descendant-or-self::input").first().fill("一件事");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator('[data-testid="task-table"] tr.ant-table-row').count()).toBe(1);
    expect(await page.locator('[data-testid="task-table"]').textContent()).toContain("项目审批一件事");
  });

  it("an edited ledger updates the task; a ledger with a bad row imports nothing and lists it (in English)", async () => {
    await page.locator('[data-testid="lang-switch"]').click();
    await expect.poll(() => page.locator('[data-testid="ledger-export"]').textContent()).toContain("Export ledger");
    await page.locator('[data-testid="task-search"]').locator("xpath=descendant-or-self::input").first().fill("一件事");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator('[data-testid="task-table"] tr.ant-table-row').count()).toBe(1);
    const book = await exportLedger(page);
    const sheet = book.worksheets[0];
    expect(sheet.rowCount).toBe(3);
    sheet.getRow(3).getCell(cellOf(sheet, "Responsible leader")).value = "王副市长";
    await importLedger(page, book);
    expect(await page.locator('[data-testid="ledger-result"]').textContent()).toContain("0 created, 1 updated, 0 unchanged");
    await page.locator('[data-testid="ledger-close"]').click();

    const stale = await exportLedger(page);
    const s2 = stale.worksheets[0];
    s2.getRow(3).getCell(cellOf(s2, "Lead unit")).value = "Bureau of Nowhere";
    s2.getRow(3).getCell(cellOf(s2, "Deadline")).value = "next spring";
    await importLedger(page, stale);
    const problems = await page.locator('[data-testid="ledger-problems"]').textContent();
    expect(problems).toContain("No such unit");
    expect(problems).toContain("A date looks like 2026-12-31");
    await shot(page, "ledger-rejected-en");
    await page.locator('[data-testid="ledger-close"]').click();
    await page.locator('[data-testid="task-table"] a', { hasText: "一件事" }).click();
    await expect.poll(() => page.locator("body").textContent()).toContain("王副市长");
  });
});
