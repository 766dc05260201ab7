import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, type E2E, shot, signIn, startE2E } from "./harness.js";

const corpus = (name: string) => readFileSync(join(import.meta.dirname, "../../src/reader/corpus", name), "utf8");
const seed = (name: string) => readFileSync(join(import.meta.dirname, "../../../shared/seeds", name), "utf8");

async function readPasted(page: Page, url: string, text: string) {
  await page.goto(`${url}/meetings/import`);
  await page.locator('[data-testid="report-text"]').fill(text);
  await page.locator('[data-testid="read-report"]').click();
  await page.locator('[data-testid="draft-directives"]').waitFor();
}

describe.runIf(browserAvailable())("importing meeting reports", () => {
  let e: E2E;
  let page: Page;
  let chineseMeetingUrl = "";
  beforeAll(async () => {
    e = await startE2E();
    page = await e.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, e.url, "coordinator");
    await page.locator('[data-testid="greeting"]').waitFor();
  });
  afterAll(() => e?.close());

  it("the demo's seed reports are registered, and importing one again is refused", async () => {
    await page.goto(`${e.url}/meetings`);
    await expect.poll(() => page.locator(".ant-table-tbody").textContent()).toContain("Yu Haitian");
    await readPasted(page, e.url, seed("003_9d62e18ffa0ab910.txt"));
    await page.locator('[data-testid="duplicate-warning"]').waitFor();
    expect(await page.locator('[data-testid="confirm-meeting"]').isDisabled()).toBe(true);
  });

  it("a coordinator imports a Chinese report, reviews it side by side, removes a directive and confirms", async () => {
    await readPasted(page, e.url, corpus("zh-county-standing.txt"));
    expect(await page.locator('[data-testid="source-text"] mark').count()).toBe(7);
    expect(await page.locator('[data-testid="draft-title"]').inputValue()).toBe("县委常委会（扩大）会议召开");
    await page.locator('[data-testid="draft-title"]').fill("海盐县委常委会（扩大）会议");
    await page.locator('[data-testid="directive-remove-6"]').click();
    await shot(page, "meeting-review-zh");
    await page.locator('[data-testid="confirm-meeting"]').click();
    await expect.poll(() => page.locator('[data-testid="meeting-title"]').textContent()).toBe("海盐县委常委会（扩大）会议");
    chineseMeetingUrl = page.url();
    const directives = await page.locator('[data-testid="meeting-directives"] .ant-table-row').allTextContents();
    expect(directives).toHaveLength(6);
    expect(directives[1]).toContain("要聚焦“项目攻坚年”活动");
    await page.goto(`${e.url}/directives`);
    await page.locator('[data-testid="directive-search"] input').fill("项目攻坚年");
    await page.locator('[data-testid="directive-search"] input').press("Enter");
    await expect.poll(() => page.locator(".ant-table-tbody").textContent()).toContain("海盐县委常委会（扩大）会议");
  });

  it("and in English", async () => {
    await page.locator('[data-testid="lang-switch"]').click();
    await expect.poll(() => page.locator('[data-testid="nav"]').textContent()).toContain("Meetings");
    await readPasted(page, e.url, corpus("en-county-executive.txt"));
    expect(await page.getByText("Review what was read").count()).toBe(1);
    await page.locator('[data-testid="confirm-meeting"]').click();
    await expect
      .poll(() => page.locator('[data-testid="meeting-title"]').textContent())
      .toBe("Haining holds executive meeting of the municipal government");
    expect(await page.locator('[data-testid="meeting-directives"] .ant-table-row').count()).toBe(5);
    await shot(page, "meeting-en");
  });

  it("editing a meeting links what it studied to the meeting above, and that meeting lists it", async () => {
    await page.goto(`${chineseMeetingUrl}/edit`);
    await page.locator('[data-testid="draft-directives"]').waitFor();
    await page.locator(".ant-select", { hasText: "Linked meeting above" }).first().click();
    await page.keyboard.type("Municipal Standing");
    await expect
      .poll(() => page.locator(".ant-select-dropdown:visible .ant-select-item-option").allTextContents())
      .toEqual(["Municipal Standing Committee (expanded) meeting held"]);
    await page.locator(".ant-select-dropdown:visible .ant-select-item-option").click();
    await expect.poll(() => page.locator(".ant-select-dropdown:visible").count()).toBe(0);
    await page.locator('[data-testid="confirm-meeting"]').click();
    await page.getByText("→ Municipal Standing Committee (expanded) meeting held").click();
    await expect
      .poll(() => page.locator('[data-testid="meeting-title"]').textContent())
      .toBe("Municipal Standing Committee (expanded) meeting held");
    await expect.poll(() => page.getByText("Meetings that conveyed this one").count()).toBe(1);
    expect(await page.getByRole("link", { name: "海盐县委常委会（扩大）会议" }).count()).toBe(1);
  });
});
